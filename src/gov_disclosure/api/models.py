"""The synchronisation feed's rows, API consumers' keys, and the interface settings."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework_api_key.models import AbstractAPIKey
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class FeedClock(models.Model):
    """The feed's single clock row. Writers lock it until they commit, so change times
    follow commit order and a client resuming from its cursor never misses a change."""

    last_change_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("同步时钟")

    def __str__(self):
        return f"feed clock at {self.last_change_at}"


class FeedEntry(models.Model):
    """An item as the feed shows it in one category: its record, or a tombstone.

    An item has one live entry while it is published and public in the catalogue.
    Unpublished, deleted, restricted or moved, its entry becomes a tombstone with a
    new change time; a move also gives it a live entry in the new category, so a
    client that follows one category sees the item leave it.
    """

    item_id = models.BigIntegerField(_("信息 ID"))
    category_id = models.BigIntegerField(_("分类 ID"))
    agency_id = models.BigIntegerField(_("机关 ID"))
    # "/<agency id>/<category id>/[<subcategory id>/]", for the category filter.
    scope = models.CharField(max_length=100)
    changed_at = models.DateTimeField(_("变更时间"))
    deleted = models.BooleanField(_("已撤下"), default=False)
    reason = models.CharField(_("撤下原因"), max_length=20, blank=True)
    # The item record as served, JSON text ready to send; empty for a tombstone.
    record = models.TextField(blank=True)
    # SHA-256 of the record without its change time: an unchanged item keeps its place.
    content_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("同步记录")
        verbose_name_plural = _("同步记录")
        constraints = [
            models.UniqueConstraint(
                fields=["item_id", "category_id"], name="feed_entry_unique_item_category"
            )
        ]
        indexes = [
            models.Index(fields=["changed_at", "id"], name="feed_entry_order"),
            models.Index(fields=["agency_id", "changed_at", "id"], name="feed_entry_agency_order"),
        ]

    def __str__(self):
        return f"item {self.item_id} in {self.category_id} at {self.changed_at:%Y-%m-%d %H:%M:%S}"


class AttachmentDigest(models.Model):
    """SHA-256 of a document's file, computed once per file (Wagtail keeps only SHA-1)."""

    document_id = models.BigIntegerField(unique=True)
    file_hash = models.CharField(max_length=40)
    sha256 = models.CharField(max_length=64)

    def __str__(self):
        return f"document {self.document_id}: {self.sha256}"


class Scope(models.TextChoices):
    FEED = "feed", _("公开信息同步接口（/api/disclosure/v1/）")
    CONTENT = "content", _("页面、图片、文件接口（/api/v2/）")


class ConsumerKey(AbstractAPIKey):
    """An API key of one consumer (e.g. the district's aggregation site).

    Only a hash is stored; the key itself is shown once, when it is created. An agency's
    key reads that agency's feed only; a key of the platform (no agency) reads them all.
    """

    agency = models.ForeignKey(
        "disclosure_pages.DisclosureIndexPage",
        verbose_name=_("签发机关"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consumer_keys",
        help_text=_(
            "本机关签发的密钥只能读取本机关的信息；留空为全平台密钥（仅区政务公开办可签发）。"
        ),
    )
    scopes = models.JSONField(_("权限范围"), default=list)
    rate_per_minute = models.PositiveIntegerField(
        _("每分钟请求上限"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("留空则使用“数据接口设置”中的密钥默认上限。"),
    )
    last_used_at = models.DateTimeField(_("最近使用"), null=True, blank=True, editable=False)
    created_by = models.CharField(_("创建人"), max_length=150, blank=True, editable=False)

    class Meta(AbstractAPIKey.Meta):
        verbose_name = _("API 密钥")
        verbose_name_plural = _("API 密钥")

    def __str__(self):
        return f"{self.name}（{self.prefix}）"

    def allows(self, scope: str) -> bool:
        return scope in self.scopes


@register_setting(icon="key")
class APISettings(BaseGenericSetting):
    """Who may read the interfaces without a key, and how fast."""

    allow_anonymous = models.BooleanField(
        _("允许不带密钥访问"),
        default=True,
        help_text=_("公开信息本就公开；关闭后每个请求都须携带 API 密钥。"),
    )
    anonymous_rate_per_minute = models.PositiveIntegerField(
        _("不带密钥时每个 IP 每分钟请求上限"), default=60, validators=[MinValueValidator(1)]
    )
    key_rate_per_minute = models.PositiveIntegerField(
        _("每个密钥每分钟默认请求上限"), default=1200, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("数据接口设置")
