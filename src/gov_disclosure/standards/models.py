from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .spec import PERIODS


class AppliedArea(models.Model):
    """One area (领域) of the standard catalogue, applied to an agency's catalogue by 党政办:
    its 公开事项 became slots (``StandardSlot``), each filled by a category's items."""

    agency = models.ForeignKey(
        "disclosure_pages.DisclosureIndexPage",
        verbose_name=_("机关"),
        on_delete=models.CASCADE,
        related_name="standard_areas",
    )
    key = models.CharField(_("领域代码"), max_length=60)
    area = models.CharField(_("领域"), max_length=60)
    source = models.CharField(_("标准来源"), max_length=300)
    template_digest = models.CharField(_("模板版本"), max_length=16)
    category = models.ForeignKey(
        "disclosure_pages.DisclosureCategoryPage",
        verbose_name=_("领域分类"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("新建的事项分类放在这个分类下。"),
    )
    applied_at = models.DateTimeField(_("应用时间"), auto_now_add=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("应用人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("已应用的标准目录领域")
        verbose_name_plural = _("已应用的标准目录领域")
        ordering = ["agency", "key"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "key"], name="standard_area_once_per_agency")
        ]
        permissions = [("apply_standard", _("应用标准目录、查看覆盖情况"))]

    def __str__(self):
        return self.area


class StandardSlot(models.Model):
    """A 公开事项 of the standard in one agency's catalogue: what it asks (copied from the
    template when applied) and the category whose published items fill it."""

    applied_area = models.ForeignKey(
        AppliedArea, on_delete=models.CASCADE, related_name="slots", verbose_name=_("领域")
    )
    code = models.CharField(_("事项代码"), max_length=8)
    group = models.CharField(_("一级事项"), max_length=100)
    name = models.CharField(_("公开事项"), max_length=200)
    content = models.TextField(_("公开内容"))
    basis = models.TextField(_("公开依据"))
    deadline = models.CharField(_("公开时限"), max_length=200)
    period = models.CharField(
        _("时限规则"), max_length=20, choices=[(period, period) for period in PERIODS]
    )
    working_days = models.PositiveSmallIntegerField(_("时限工作日"), null=True, blank=True)
    subject = models.CharField(_("公开主体"), max_length=200)
    channels = models.JSONField(_("公开渠道和载体"), default=list)
    audience = models.CharField(_("公开对象"), max_length=20)
    method = models.CharField(_("公开方式"), max_length=20)
    category = models.ForeignKey(
        "disclosure_pages.DisclosureCategoryPage",
        verbose_name=_("对应分类"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="standard_slots",
    )

    class Meta:
        verbose_name = _("标准目录事项")
        verbose_name_plural = _("标准目录事项")
        ordering = ["applied_area", "code"]
        constraints = [
            models.UniqueConstraint(fields=["applied_area", "code"], name="standard_slot_code")
        ]

    def __str__(self):
        return self.name
