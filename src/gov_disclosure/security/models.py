from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditSeal(models.Model):
    """One link of the audit log's chain: the keyed hash (HMAC) of one log entry and of the
    link before it. Changing, removing or inserting an entry afterwards breaks the chain
    at that entry (``manage.py audit_verify``)."""

    log_model = models.CharField(max_length=20)  # "page" or "model"
    entry_id = models.BigIntegerField()
    key_id = models.CharField(max_length=16)
    mac = models.CharField(max_length=64)
    sealed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["log_model", "entry_id"], name="one_seal_per_entry")
        ]

    def __str__(self):
        return f"{self.log_model} #{self.entry_id}"


class AuditPurge(models.Model):
    """A purge of log entries older than the retention period: where the chain now starts
    (the last removed link's hash), sealed itself into the chain of purges."""

    purged_at = models.DateTimeField(auto_now_add=True)
    purged_by = models.CharField(max_length=150)
    before = models.DateTimeField()
    entries = models.PositiveIntegerField()
    through_seal = models.BigIntegerField()
    through_mac = models.CharField(max_length=64)
    key_id = models.CharField(max_length=16)
    mac = models.CharField(max_length=64)

    class Meta:
        default_permissions = ()
        ordering = ["pk"]

    def __str__(self):
        return f"{self.purged_at:%Y-%m-%d} {self.entries}"


class PasswordRecord(models.Model):
    """A password a user set (its hash) and when: for expiry and for refusing reuse."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="password_records"
    )
    password = models.CharField(max_length=128)
    set_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        default_permissions = ()
        ordering = ["-set_at", "-pk"]

    def __str__(self):
        return f"{self.user_id} {self.set_at:%Y-%m-%d}"


class AccessKind(models.TextChoices):
    VIEW = "view", _("查看")
    EXPORT = "export", _("导出")
    DOWNLOAD = "download", _("下载文件")


class PersonalDataAccess(models.Model):
    """Who looked at whose personal data, when and how (个人信息保护法: processing is
    recorded). Kept with the agency so that its 监督 reads it."""

    at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("查看人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(_("账号"), max_length=150)
    agency = models.ForeignKey(
        "disclosure_pages.DisclosureIndexPage",
        verbose_name=_("机关"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("方式"), max_length=10, choices=AccessKind.choices)
    record_type = models.CharField(_("记录类型"), max_length=40)
    record_id = models.CharField(_("记录ID"), max_length=40, blank=True)
    record_label = models.CharField(_("记录"), max_length=200)
    count = models.PositiveIntegerField(_("人数"), default=1)
    address = models.GenericIPAddressField(_("来源地址"), null=True, blank=True)

    class Meta:
        verbose_name = _("个人信息查看记录")
        verbose_name_plural = _("个人信息查看记录")
        ordering = ["-at", "-pk"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.username} {self.get_kind_display()} {self.record_label}"
