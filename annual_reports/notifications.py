"""E-mails about annual reports, to 党政办."""

import datetime
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger(__name__)

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
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "annual_reports/mail/reminder.txt",
            {
                "milestone": milestone,
                "report_year": report_year,
                "due": due,
                "days_left": days_left,
                "overdue_days": -days_left,
                "pending": pending,
                "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + reverse("annual_reports_admin:index"),
            },
        )
    sent = 0
    for recipient in recipients:
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
        except Exception:  # a mail server failure must not stop the other reminders
            logger.exception("annual report reminder could not be sent")
        else:
            sent += 1
    return sent
