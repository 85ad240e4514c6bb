"""The district's yearly rubric (考核方案) and the figures entered by hand.

Scores are not stored: they are computed from the platform's data when read, so a
late answer or a correction shows at once, and every figure opens the records it
counts (``measures``).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from .measures import MANUAL, MEASURES, measure_choices


class Rubric(ClusterableModel):
    year = models.PositiveSmallIntegerField(_("考核年度"), unique=True)
    title = models.CharField(_("考核方案名称"), max_length=100)
    note = models.TextField(_("说明"), blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("title")]),
        FieldPanel("note"),
        InlinePanel("indicators", heading=_("考核指标"), label=_("指标"), min_num=1),
    ]

    class Meta:
        verbose_name = _("考核方案")
        verbose_name_plural = _("考核方案")
        ordering = ["-year"]

    def __str__(self):
        return f"{self.year}年 {self.title}"

    @property
    def full_score(self):
        return sum(indicator.weight for indicator in self.indicators.all())


class Indicator(Orderable):
    """One line of the rubric: what is measured, its points, and the values that earn all
    of them and none (linear between; ``zero_at`` above ``full_at`` when less is better)."""

    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("指标名称"), max_length=100)
    measure = models.CharField(_("计算方法"), max_length=40, choices=measure_choices())
    weight = models.DecimalField(_("分值"), max_digits=5, decimal_places=1)
    full_at = models.DecimalField(
        _("满分值"),
        max_digits=12,
        decimal_places=4,
        help_text=_("达到此值得满分。比例以小数表示（如 0.95 即 95%）；“是否”类：1。"),
    )
    zero_at = models.DecimalField(
        _("零分值"),
        max_digits=12,
        decimal_places=4,
        help_text=_("达到此值不得分，其间按比例得分；越少越好的指标，零分值大于满分值。"),
    )
    note = models.CharField(_("评分说明"), max_length=200, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("measure")]),
        FieldRowPanel([FieldPanel("weight"), FieldPanel("full_at"), FieldPanel("zero_at")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("考核指标")
        verbose_name_plural = _("考核指标")

    def __str__(self):
        return self.name

    @property
    def is_manual(self) -> bool:
        return self.measure == MANUAL

    @property
    def kind(self) -> str:
        """``count``, ``share``, ``yes_no`` (the measure's), or ``manual``."""
        return MANUAL if self.is_manual else MEASURES[self.measure].kind


class ManualValue(models.Model):
    """A figure the platform does not hold, entered by the district with its evidence."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    # The agency on this platform, or one whose figures come through the sync.
    agency = models.ForeignKey(
        "disclosure_pages.DisclosureIndexPage",
        null=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    remote_agency = models.ForeignKey(
        "RemoteAgency", null=True, on_delete=models.CASCADE, related_name="+"
    )
    value = models.DecimalField(_("数值"), max_digits=12, decimal_places=4)
    evidence = models.TextField(_("依据"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("填报人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("填报时间"), auto_now=True)

    class Meta:
        verbose_name = _("手工填报的考核数据")
        verbose_name_plural = _("手工填报的考核数据")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "agency"], name="manual_value_once"),
            models.UniqueConstraint(
                fields=["indicator", "remote_agency"], name="manual_value_once_remote"
            ),
            models.CheckConstraint(
                condition=models.Q(agency__isnull=False, remote_agency__isnull=True)
                | models.Q(agency__isnull=True, remote_agency__isnull=False),
                name="manual_value_of_one_agency",
            ),
        ]

    def __str__(self):
        return f"{self.indicator} · {self.agency_id or self.remote_agency_id}: {self.value}"


class RemoteAgency(models.Model):
    """An agency of a site the district aggregates (``aggregation.Source``), assessed from
    the figures its site computes and serves (``api.FiguresView``)."""

    source = models.ForeignKey(
        "disclosure_aggregation.Source",
        verbose_name=_("来源"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    org_code = models.CharField(_("机关代码"), max_length=20)
    name = models.CharField(_("机关"), max_length=120)

    class Meta:
        verbose_name = _("汇聚来源的机关")
        verbose_name_plural = _("汇聚来源的机关")
        constraints = [
            models.UniqueConstraint(fields=["source", "org_code"], name="remote_agency_once")
        ]

    def __str__(self):
        return self.name


class RemoteFigures(models.Model):
    """What a source's site computed for one of its agencies and a year: each measure's
    value and the records it counts, as served (``{code: {"value", "rows"}}``)."""

    remote_agency = models.ForeignKey(
        RemoteAgency, on_delete=models.CASCADE, related_name="figures"
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    measures = models.JSONField(_("指标数据"))
    # Each measure's value alone ({code: value}), read by the results and the charts
    # without loading every record.
    values = models.JSONField(_("指标数值"), default=dict)
    figures_version = models.CharField(max_length=10)
    computed_at = models.DateTimeField(_("来源计算时间"))
    synced_at = models.DateTimeField(_("同步时间"), auto_now=True)

    class Meta:
        verbose_name = _("汇聚的考核数据")
        verbose_name_plural = _("汇聚的考核数据")
        constraints = [
            models.UniqueConstraint(fields=["remote_agency", "year"], name="remote_figures_once")
        ]

    def __str__(self):
        return f"{self.remote_agency} · {self.year}"
