"""The database engine's index, the search settings, synonyms and the query log."""

import re

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from .forms import AgencySearchSettingsForm, SearchSettingsForm


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
    keywords = models.TextField(blank=True)
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
    # PostgreSQL only: the terms of title, keywords, numbers and summary, to rank many
    # matches without reading every whole vector.
    head_vector = TermVectorField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["generation", "document_id"], name="search_entry_unique_document"
            )
        ]
        indexes = [models.Index(fields=["generation", "publish_date"])]

    def __str__(self):
        return self.title


class SearchEntryText(models.Model):
    """The long texts of a search document, apart: a search reads the matching rows' sort
    keys and facet values without reading through their bodies (SQLite keeps a row's
    columns together), and only a page of hits reads these."""

    entry = models.OneToOneField(
        SearchEntry, on_delete=models.CASCADE, primary_key=True, related_name="text"
    )
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    attachments = models.TextField(blank=True)

    def __str__(self):
        return str(self.entry_id)


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


class AgencySearchSettings(models.Model):
    """What one agency keeps out of the public search, besides what the platform hides
    (``SearchSettings``): 党政办 of an agency decides for its own items."""

    agency = models.OneToOneField(
        "disclosure_pages.DisclosureIndexPage",
        verbose_name=_("机关"),
        on_delete=models.CASCADE,
        related_name="search_settings",
    )
    hidden_validities = models.JSONField(
        _("不在检索结果中显示的有效性"),
        default=list,
        blank=True,
        help_text=_("本机关的这些信息不出现在公众检索中（目录中仍可浏览）。"),
    )

    base_form_class = AgencySearchSettingsForm
    panels = [FieldPanel("agency", widget=forms.Select), FieldPanel("hidden_validities")]

    class Meta:
        verbose_name = _("本机关检索设置")
        verbose_name_plural = _("本机关检索设置")
        ordering = ["agency__path"]

    def __str__(self):
        return str(self.agency)


class Synonym(models.Model):
    """A word people type and the words the items use for it (通俗语言检索).

    Applied when a search is run, so a change needs no reindex."""

    term = models.CharField(
        _("检索词"),
        max_length=50,
        unique=True,
        help_text=_("群众常用的说法，如“低保”“三公经费”。"),
    )
    equivalents = models.TextField(
        _("同义词"),
        help_text=_(
            "信息中使用的说法，每行一个（也可用顿号、逗号分隔），"
            "如“最低生活保障”；检索“检索词”时同时检索这些词。"
        ),
    )
    both_ways = models.BooleanField(
        _("双向"),
        default=True,
        help_text=_("选中则检索任一同义词时，也找到含“检索词”的信息。"),
    )
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("检索同义词")
        verbose_name_plural = _("检索同义词")
        ordering = ["term"]

    def __str__(self):
        return self.term

    @property
    def equivalent_list(self) -> list[str]:
        return [
            word.strip() for word in re.split(r"[\n,，、;；]+", self.equivalents) if word.strip()
        ]


class SearchQueryDay(models.Model):
    """How often a query was searched on one day, and what it found: no address, no
    cookie, no user; digits that could identify a person are masked before saving."""

    day = models.DateField(_("日期"))
    query = models.CharField(_("检索词"), max_length=100)
    searches = models.PositiveIntegerField(_("检索次数"), default=0)
    results = models.PositiveIntegerField(_("结果数"), default=0)

    class Meta:
        verbose_name = _("检索记录")
        verbose_name_plural = _("检索记录")
        constraints = [
            models.UniqueConstraint(fields=["day", "query"], name="search_query_day_unique")
        ]

    def __str__(self):
        return f"{self.day} {self.query}"


class SearchTerm(models.Model):
    """A word of the items' titles and keywords, or a whole title, with its pinyin:
    what suggestions offer and typo corrections choose from."""

    class Kind(models.TextChoices):
        WORD = "word", _("词")
        # The office's own terms: they also join the segmenter's dictionary.
        KEYWORD = "keyword", _("关键词")
        TITLE = "title", _("标题")

    term = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    pinyin = models.CharField(max_length=400, db_index=True)
    initials = models.CharField(max_length=200, db_index=True)
    length = models.PositiveSmallIntegerField()
    frequency = models.PositiveIntegerField(default=1)

    def __str__(self):
        return self.term
