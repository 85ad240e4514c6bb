"""Reminders of the annual report's two deadlines: submission to the district by 31
January and publication by 31 March of the year after the report's year."""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from gov_disclosure.conf import disclosure_settings
from gov_disclosure.pages.models import DisclosureIndexPage
from gov_disclosure.pages.roles import users_with_permission

from . import notifications
from .models import AnnualReportPage, ReportReminder, ReportSubmission

SUBMISSION, PUBLICATION = "submission", "publication"
DEADLINES = {SUBMISSION: (1, 31), PUBLICATION: (3, 31)}
OVERDUE_EVERY_DAYS = 7


@dataclass(frozen=True)
class Pending:
    agency: DisclosureIndexPage
    report: AnnualReportPage | None

    @property
    def status(self) -> str:
        if self.report is None:
            return _("尚未生成报告")
        if self.report.workflow_in_progress:
            return _("报告审核中")
        if self.report.live:
            return _("已发布")
        return _("报告草稿未提交")

    @property
    def submission(self) -> ReportSubmission | None:
        return self.report.submissions.first() if self.report else None


def deadline(milestone: str, *, report_year: int) -> datetime.date:
    month, day = DEADLINES[milestone]
    return datetime.date(report_year + 1, month, day)


def is_reminder_day(days_left: int) -> bool:
    if days_left < 0:
        return -days_left % OVERDUE_EVERY_DAYS == 0
    return days_left in disclosure_settings.ANNUAL_REPORT_REMINDER_DAYS


def _done(milestone: str, report: AnnualReportPage | None) -> bool:
    if report is None:
        return False
    if milestone == SUBMISSION:
        return ReportSubmission.objects.filter(report=report).exists()
    return report.live


def reports_pending(milestone: str, *, report_year: int) -> list[Pending]:
    """Agencies whose report for ``report_year`` has not reached ``milestone``."""
    # A report is a child of its agency: its path less one step is the agency's.
    reports = {
        report.path[: -Page.steplen]: report
        for report in AnnualReportPage.objects.filter(year=report_year)
    }
    pending = []
    for agency in DisclosureIndexPage.objects.live().order_by("path"):
        report = reports.get(agency.path)
        if not _done(milestone, report):
            pending.append(Pending(agency=agency, report=report))
    return pending


def _claim(agency: DisclosureIndexPage, report_year: int, milestone: str, today) -> bool:
    """Record today's reminder for the agency; False when it was already sent today."""
    try:
        with transaction.atomic():
            ReportReminder.objects.create(
                agency=agency, year=report_year, milestone=milestone, sent_on=today
            )
    except IntegrityError:
        return False
    return True


def _report_keepers(agency_id: int) -> list[str]:
    return list(
        users_with_permission(
            "disclosure_annual_reports",
            "generate_annual_report",
            agency_id=agency_id,
            include_superusers=False,
        )
        .exclude(email="")
        .values_list("email", flat=True)
    )


def reports_send_reminders(*, today: datetime.date | None = None) -> int:
    """On the reminder days, mail 党政办 the agencies whose last-year report is not yet
    submitted or published. Each agency is mentioned once a day per deadline, however
    often the task runs. Returns the number of mails sent."""
    today = today or timezone.localdate()
    report_year = today.year - 1
    sent = 0
    for milestone in DEADLINES:
        due = deadline(milestone, report_year=report_year)
        days_left = (due - today).days
        if not is_reminder_day(days_left):
            continue
        pending = [
            entry
            for entry in reports_pending(milestone, report_year=report_year)
            if _claim(entry.agency, report_year, milestone, today)
        ]
        # Each agency's 党政办 is told of its own report; the district of all of them.
        by_recipient: dict[str, list] = {}
        for entry in pending:
            for email in _report_keepers(entry.agency.pk):
                by_recipient.setdefault(email, []).append(entry)
        for email, theirs in sorted(by_recipient.items()):
            sent += notifications.report_reminder(
                recipients=[email],
                milestone=milestone,
                report_year=report_year,
                due=due,
                days_left=days_left,
                pending=theirs,
            )
    return sent
