from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class AnnualFigures(models.Model):
    """The year's decisions and fees that table 二 reports and no catalogue item holds.

    Filled in by 党政办 (or imported from CSV) from the departments' own ledgers.
    """

    agency = models.ForeignKey(
        "disclosure_pages.DisclosureIndexPage",
        verbose_name=_("机关"),
        on_delete=models.CASCADE,
        related_name="annual_figures",
    )
    year = models.PositiveSmallIntegerField(
        _("年度"), validators=[MinValueValidator(2008), MaxValueValidator(2100)]
    )
    licensing_decisions = models.PositiveIntegerField(_("行政许可处理决定数量"), default=0)
    penalty_decisions = models.PositiveIntegerField(_("行政处罚处理决定数量"), default=0)
    enforcement_decisions = models.PositiveIntegerField(_("行政强制处理决定数量"), default=0)
    fee_amount = models.DecimalField(
        _("行政事业性收费金额（万元）"),
        max_digits=12,
        decimal_places=4,
        default=0,
        validators=[MinValueValidator(0)],
    )
    note = models.CharField(_("说明"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("填报人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("年度统计数据")
        verbose_name_plural = _("年度统计数据")
        ordering = ["-year", "agency__title"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="annual_figures_once_a_year")
        ]
        permissions = [("generate_annual_report", _("生成、报送年度报告"))]

    def __str__(self):
        return f"{self.agency} {self.year}"
