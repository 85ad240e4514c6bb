from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gov_disclosure.core.storage import private_storage


class ImportBatch(models.Model):
    """One exported catalogue brought in: its files, the check of every row, and how far
    the import got (an interrupted import resumes from here; rows already imported are
    recognised by their 索引号)."""

    class Status(models.TextChoices):
        CHECKED = "checked", _("已检查，待导入")
        RUNNING = "running", _("导入中")
        DONE = "done", _("已完成")
        FAILED = "failed", _("中断")

    agency = models.ForeignKey(
        "disclosure_pages.DisclosureIndexPage",
        verbose_name=_("机关"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("导入人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    file_name = models.CharField(_("目录文件"), max_length=200)
    file_sha256 = models.CharField(max_length=64)
    source = models.FileField(storage=private_storage, upload_to="imports/%Y/", blank=True)
    attachments_name = models.CharField(_("附件包"), max_length=200, blank=True)
    attachments = models.FileField(storage=private_storage, upload_to="imports/%Y/", blank=True)
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.CHECKED
    )
    total_rows = models.PositiveIntegerField(_("行数"), default=0)
    error_rows = models.PositiveIntegerField(_("有错误的行"), default=0)
    to_import = models.PositiveIntegerField(_("待导入"), default=0)
    already_imported = models.PositiveIntegerField(_("此前已导入"), default=0)
    imported = models.PositiveIntegerField(_("已导入"), default=0)
    problems = models.JSONField(_("检查结果"), default=list)
    started_at = models.DateTimeField(_("开始导入"), null=True, blank=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    last_error = models.TextField(_("中断原因"), blank=True)

    class Meta:
        verbose_name = _("目录导入")
        verbose_name_plural = _("目录导入")
        ordering = ["-created_at"]
        permissions = [("import_catalogue", _("从其他系统导入目录"))]

    def __str__(self):
        return f"{self.file_name}（{self.created_at:%Y-%m-%d %H:%M}）"
