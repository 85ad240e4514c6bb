"""E-mails about annual reports, to 党政办."""

import datetime

from django.conf import settings
from django.urls import reverse

from gov_disclosure.core.mail import mail_send

SUBJECTS = {
    "submission": "【年度报告】{year}年度报告须于{due}前报送区政府",
    "publication": "【年度报告】{year}年度报告须于{due}前公开发布",
}


def report_reminder(
    *,
    recipients: list[str],
    milestone: str,
    report_year: int,
    due: datetime.date,
    days_left: int,
    pending: list,
) -> int:
    """One mail to each recipient; returns how many were sent."""
    subject = SUBJECTS[milestone].format(year=report_year, due=f"{due:%Y年%-m月%-d日}")
    if days_left < 0:
        subject += f"（已逾期{-days_left}天）"
    context = {
        "milestone": milestone,
        "report_year": report_year,
        "due": due,
        "days_left": days_left,
        "overdue_days": -days_left,
        "pending": pending,
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("annual_reports_admin:index"),
    }
    # One mail per recipient: a refused address must not stop the others.
    sent = sum(
        mail_send(
            subject=subject,
            template="disclosure_annual_reports/mail/reminder.txt",
            context=context,
            recipients=[recipient],
        )
        for recipient in recipients
    )
    return sent
