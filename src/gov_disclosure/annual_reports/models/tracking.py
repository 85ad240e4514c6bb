from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportSubmission(models.Model):
    """The report as sent to the district government (报送, due 31 January)."""

    report = models.ForeignKey(
        "disclosure_annual_reports.AnnualReportPage",
        verbose_name=_("年度报告"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    # The revision sent, so what the district received can always be shown again.
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name=_("版本"), on_delete=models.PROTECT, related_name="+"
    )
    submitted_on = models.DateField(_("报送日期"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("报送人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("说明"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("报送记录")
        verbose_name_plural = _("报送记录")
        ordering = ["-submitted_on", "-pk"]

    def __str__(self):
        return f"{self.report} {self.submitted_on}"


class ReportReminder(models.Model):
    """A reminder mail already sent, so a rerun of the daily task sends it once."""

    agency = models.ForeignKey(
        "disclosure_pages.DisclosureIndexPage", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField()
    milestone = models.CharField(max_length=20)
    sent_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "milestone", "sent_on"], name="report_reminder_once"
            )
        ]

    def __str__(self):
        return f"{self.agency_id} {self.year} {self.milestone} {self.sent_on}"
