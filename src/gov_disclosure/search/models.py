"""The database engine's index: search documents stored as rows, and the search settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from .forms import SearchSettingsForm


class TermVectorField(models.TextField):
    """A tsvector on PostgreSQL, plain text elsewhere (unused there). Django's own
    SearchVectorField needs psycopg, which a SQLite-only site does not install."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else super().db_type(connection)


class IndexGeneration(models.Model):
    """One build of the database index. Searches read the newest published build,
    so a rebuild in progress is never seen half done (like an alias switch)."""

    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        get_latest_by = "published_at"

    def __str__(self):
        return f"generation {self.pk}"


class SearchEntry(models.Model):
    """One search document (see ``gov_disclosure.search.documents.ItemDocument``) of one build."""

    generation = models.ForeignKey(IndexGeneration, on_delete=models.CASCADE, related_name="+")
    # A page's id, or "m" and a mirrored item's id (aggregation).
    document_id = models.CharField(max_length=40)
    kind = models.CharField(max_length=20)
    title = models.TextField()
    summary = models.TextField(blank=True)
    keywords = models.TextField(blank=True)
    body = models.TextField(blank=True)
    attachments = models.TextField(blank=True)
    index_number = models.CharField(max_length=100, blank=True)
    document_number = models.CharField(max_length=200, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    publisher_id = models.IntegerField(null=True)
    # Every level of the category path, one per line, with a newline before and
    # after, so one level is found with a plain substring test on any database.
    categories = models.TextField(blank=True)
    agency_id = models.IntegerField(null=True)
    year = models.IntegerField(null=True)
    publish_date = models.DateField(null=True)
    validity = models.CharField(max_length=20, blank=True)
    url = models.TextField(blank=True)
    fingerprint = models.CharField(max_length=64)
    # PostgreSQL only: the document's terms (see engines/fulltext.py), under a GIN index.
    # On SQLite they are in an FTS5 table per generation instead, and this stays empty.
    vector = TermVectorField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["generation", "document_id"], name="search_entry_unique_document"
            )
        ]
        indexes = [models.Index(fields=["generation", "publish_date"])]

    def __str__(self):
        return self.title


@register_setting(icon="search")
class SearchSettings(BaseGenericSetting):
    """What the public search shows; changing it rebuilds the index."""

    hidden_validities = models.JSONField(
        _("不在检索结果中显示的有效性"),
        default=list,
        blank=True,
        help_text=_("例如选择“已废止”“已失效”，则这些信息不出现在公众检索中（目录中仍可浏览）。"),
    )

    base_form_class = SearchSettingsForm

    class Meta:
        verbose_name = _("检索设置")
