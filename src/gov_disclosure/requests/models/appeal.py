from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import AppealKind, AppealResult


class Appeal(models.Model):
    """An administrative review (行政复议) or lawsuit (行政诉讼) about the office's
    disclosure work, counted in table 四 of the annual report."""

    agency = models.ForeignKey(
        "disclosure_pages.DisclosureIndexPage",
        verbose_name=_("被申请人（机关）"),
        on_delete=models.PROTECT,
        related_name="disclosure_appeals",
    )
    request = models.ForeignKey(
        "disclosure_requests.DisclosureRequest",
        verbose_name=_("涉及的申请"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appeals",
        help_text=_("因依申请公开引起的，选择对应的申请；因主动公开引起的留空。"),
    )
    kind = models.CharField(_("类型"), max_length=25, choices=AppealKind.choices)
    filed_on = models.DateField(_("受理日期"))
    authority = models.CharField(_("复议机关或人民法院"), max_length=120)
    case_number = models.CharField(_("案号"), max_length=80, blank=True)
    result = models.CharField(
        _("结果"), max_length=12, choices=AppealResult.choices, default=AppealResult.PENDING
    )
    decided_on = models.DateField(_("审结日期"), null=True, blank=True)
    note = models.TextField(_("备注"), blank=True)

    class Meta:
        ordering = ["-filed_on", "-pk"]
        verbose_name = _("行政复议和行政诉讼")
        verbose_name_plural = _("行政复议和行政诉讼")

    def __str__(self):
        return f"{self.get_kind_display()} {self.case_number or self.filed_on}"
