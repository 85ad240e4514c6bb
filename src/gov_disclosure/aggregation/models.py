"""Sources a district site pulls from, and the mirror records it keeps of their items."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.Model):
    """A subdistrict's site whose synchronisation feed this site pulls."""

    name = models.CharField(
        _("来源名称"), max_length=120, unique=True, help_text=_("例如：庄市街道")
    )
    base_url = models.URLField(
        _("站点地址"), help_text=_("来源站点的根地址，例如 https://zhuangshi.example.gov.cn")
    )
    api_key = models.CharField(
        _("API 密钥"), max_length=200, blank=True, help_text=_("来源站点党政办签发的密钥。")
    )
    enabled = models.BooleanField(_("启用"), default=True)
    cursor = models.CharField(_("同步游标"), max_length=200, blank=True, editable=False)
    last_success_at = models.DateTimeField(_("最近成功"), null=True, blank=True, editable=False)
    last_error = models.TextField(_("最近错误"), blank=True, editable=False)
    last_error_at = models.DateTimeField(_("出错时间"), null=True, blank=True, editable=False)
    failures = models.PositiveIntegerField(_("连续失败次数"), default=0, editable=False)
    next_attempt_at = models.DateTimeField(_("下次尝试"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("汇聚来源")
        verbose_name_plural = _("汇聚来源")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def changes_url(self) -> str:
        return self.base_url.rstrip("/") + "/api/disclosure/v1/changes/"

    @property
    def reports_url(self) -> str:
        return self.base_url.rstrip("/") + "/api/disclosure/v1/reports/"

    @property
    def assessment_figures_url(self) -> str:
        return self.base_url.rstrip("/") + "/api/disclosure/v1/assessment-figures/"


class MirroredItem(models.Model):
    """A published item of a source, as its feed last described it."""

    source = models.ForeignKey(
        Source, verbose_name=_("来源"), on_delete=models.CASCADE, related_name="items"
    )
    remote_id = models.BigIntegerField(_("来源信息 ID"))
    index_number = models.CharField(_("索引号"), max_length=80)
    title = models.CharField(_("标题"), max_length=255)
    agency_name = models.CharField(_("发布机关"), max_length=120)
    agency_org_code = models.CharField(_("机关代码"), max_length=20)
    category_code = models.CharField(_("分类代码"), max_length=16)
    category_titles = models.JSONField(_("目录分类"), default=list)
    subject = models.CharField(_("主题分类"), max_length=40)
    genre = models.CharField(_("体裁分类"), max_length=20)
    publisher_name = models.CharField(_("发布机构"), max_length=100)
    document_number = models.CharField(_("文号"), max_length=60, blank=True)
    written_date = models.DateField(_("成文日期"))
    publish_date = models.DateField(_("发布日期"), null=True)
    disclosure_method = models.CharField(_("公开方式"), max_length=10)
    disclosure_period = models.CharField(_("公开时限"), max_length=10)
    validity = models.CharField(_("有效性"), max_length=10)
    effective_date = models.DateField(_("施行日期"), null=True)
    abolished_date = models.DateField(_("废止日期"), null=True)
    expiry_date = models.DateField(_("失效日期"), null=True)
    summary = models.TextField(_("内容概述"), blank=True)
    keywords = models.JSONField(_("关键词"), default=list)
    information_source = models.CharField(_("信息来源"), max_length=120, blank=True)
    body_html = models.TextField(_("正文"), blank=True)
    url = models.URLField(_("原文地址"), max_length=2000, blank=True)
    # The source's links of this item (政策解读, 修订, 相关信息), as its feed gives them.
    relations = models.JSONField(_("关联信息"), default=list, blank=True)
    first_published_at = models.DateTimeField(_("首次发布"), null=True)
    remote_updated_at = models.DateTimeField(_("来源变更时间"))
    # SHA-256 of the record as received (without its change time): a repeat changes nothing.
    record_hash = models.CharField(max_length=64)
    synced_at = models.DateTimeField(_("同步时间"), auto_now=True)

    class Meta:
        verbose_name = _("汇聚信息")
        verbose_name_plural = _("汇聚信息")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "remote_id"], name="mirrored_item_unique_per_source"
            )
        ]

    def __str__(self):
        return self.title

    def get_relations_display(self) -> str:
        """The links as the district reads them: 政策解读：《…》（索引号）."""
        from gov_disclosure.pages.relations import HEADINGS

        shown = [
            (HEADINGS[(link["kind"], link["direction"])], link["title"], link["index_number"])
            for link in self.relations
            if (link.get("kind"), link.get("direction")) in HEADINGS
        ]
        return (
            "；".join(f"{heading}：{title}（{number}）" for heading, title, number in shown) or "—"
        )


class MirroredAttachment(models.Model):
    """An attachment of a mirrored item: its source's link, and the file itself when fetched."""

    item = models.ForeignKey(MirroredItem, on_delete=models.CASCADE, related_name="attachments")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(_("附件名称"), max_length=255)
    file_name = models.CharField(_("文件名"), max_length=255)
    url = models.URLField(_("来源地址"), max_length=2000)
    size = models.PositiveBigIntegerField(_("大小"), null=True)
    sha256 = models.CharField(max_length=64)
    content_type = models.CharField(max_length=100)
    # Stored by checksum (gov_disclosure.aggregation.services), shared by every item that
    # attaches it.
    file = models.FileField(_("本地副本"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("汇聚附件")
        verbose_name_plural = _("汇聚附件")
        ordering = ["item", "position"]

    def __str__(self):
        return self.title


class QuarantinedRecord(models.Model):
    """A record a source sent that could not be taken in, kept with the reason."""

    source = models.ForeignKey(
        Source, verbose_name=_("来源"), on_delete=models.CASCADE, related_name="quarantined"
    )
    remote_id = models.BigIntegerField(_("来源信息 ID"), null=True)
    payload = models.TextField(_("原始记录"))
    error = models.TextField(_("原因"))
    received_at = models.DateTimeField(_("收到时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("隔离记录")
        verbose_name_plural = _("隔离记录")
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.source} #{self.remote_id}: {self.error[:40]}"


class MirroredReport(models.Model):
    """A published annual report of a source, with its tables, for the district's roll-up."""

    source = models.ForeignKey(
        Source, verbose_name=_("来源"), on_delete=models.CASCADE, related_name="reports"
    )
    remote_id = models.BigIntegerField(_("来源报告 ID"))
    year = models.PositiveSmallIntegerField(_("年度"), db_index=True)
    title = models.CharField(_("标题"), max_length=255)
    agency_name = models.CharField(_("机关"), max_length=120)
    agency_org_code = models.CharField(_("机关代码"), max_length=20)
    url = models.URLField(_("原文地址"), max_length=2000)
    xlsx_url = models.URLField(_("统计表下载"), max_length=2000)
    pdf_url = models.URLField(_("全文下载"), max_length=2000)
    tables = models.JSONField(_("统计表"))
    last_published_at = models.DateTimeField(_("来源发布时间"))
    record_hash = models.CharField(max_length=64)
    synced_at = models.DateTimeField(_("同步时间"), auto_now=True)

    class Meta:
        verbose_name = _("汇聚年度报告")
        verbose_name_plural = _("汇聚年度报告")
        ordering = ["-year", "agency_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "remote_id"], name="mirrored_report_unique_per_source"
            )
        ]

    def __str__(self):
        return self.title
