from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gov_disclosure.review.checks import Kind, Severity


class RevisionCheck(models.Model):
    """The automated checks of one revision: run once, kept with the revision."""

    revision = models.OneToOneField(
        "wagtailcore.Revision",
        verbose_name=_("版本"),
        on_delete=models.CASCADE,
        related_name="disclosure_check",
    )
    checked_at = models.DateTimeField(_("检查时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("自动检查")
        verbose_name_plural = _("自动检查")

    def __str__(self):
        return f"{self.revision_id}"


class CheckFinding(models.Model):
    KIND_CHOICES = [
        (Kind.ID_NUMBER, _("身份证号")),
        (Kind.MOBILE, _("手机号码")),
        (Kind.BANK_CARD, _("银行卡号")),
        (Kind.EMAIL, _("电子邮箱")),
        (Kind.CLASSIFICATION, _("密级或内部标志")),
        (Kind.BANNED_WORD, _("禁用词")),
        (Kind.SENSITIVE_WORD, _("敏感词")),
        (Kind.UNREADABLE_ATTACHMENT, _("附件无法读取")),
    ]
    SEVERITY_CHOICES = [(Severity.BLOCKING, _("必须处理")), (Severity.WARNING, _("提示"))]
    FIELD_CHOICES = [
        ("title", _("标题")),
        ("summary", _("内容概述")),
        ("body", _("正文")),
        ("attachment", _("附件")),
    ]

    revision_check = models.ForeignKey(
        RevisionCheck, on_delete=models.CASCADE, related_name="findings"
    )
    kind = models.CharField(_("类型"), max_length=30, choices=KIND_CHOICES)
    severity = models.CharField(_("级别"), max_length=10, choices=SEVERITY_CHOICES)
    field = models.CharField(_("位置"), max_length=20, choices=FIELD_CHOICES)
    source = models.CharField(_("来源"), max_length=255, blank=True)
    start = models.PositiveIntegerField(_("起始字符"))
    end = models.PositiveIntegerField(_("结束字符"))
    excerpt = models.CharField(_("摘录"), max_length=255)
    rule = models.CharField(_("命中规则"), max_length=100, blank=True)
    override_reason = models.TextField(_("不予修改的理由"), blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("说明人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    overridden_at = models.DateTimeField(_("说明时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("检查结果")
        verbose_name_plural = _("检查结果")
        ordering = ["revision_check", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.excerpt}"

    @property
    def is_blocking(self) -> bool:
        return self.severity == Severity.BLOCKING

    @property
    def is_resolved(self) -> bool:
        return not self.is_blocking or bool(self.override_reason)
