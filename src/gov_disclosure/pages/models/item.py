import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from gov_disclosure.pages.addresses import provisional_slug, slug_is_provisional
from gov_disclosure.pages.blocks import ItemBodyBlock
from gov_disclosure.pages.forms import ItemPageForm
from gov_disclosure.pages.publication import ReviewedPublicationMixin
from gov_disclosure.pages.validators import validate_document_number

from ..panels import AssignedAtPublicationPanel
from .choices import DisclosureMethod, DisclosurePeriod, Genre, Subject, Validity
from .mixins import AgencyContextMixin, OfficePermissionsMixin, ViewRestrictionsFromRouteMixin

# Art. 26: publish within 20 working days of the information being formed.
PUBLICATION_DEADLINE_WORKING_DAYS = 20


class DisclosureItemPage(
    ReviewedPublicationMixin,
    OfficePermissionsMixin,
    AgencyContextMixin,
    ViewRestrictionsFromRouteMixin,
    Page,
):
    """One item of the catalogue, with the metadata that Art. 12 and the office require."""

    index_number = models.CharField(
        _("索引号"),
        max_length=80,
        blank=True,
        editable=False,
        help_text=_("首次发布时按机关的索引号规则自动生成，此后不再改变。"),
    )
    subject = models.CharField(_("主题分类"), max_length=40, choices=Subject.choices)
    genre = models.CharField(_("体裁分类"), max_length=20, choices=Genre.choices)
    publisher = models.ForeignKey(
        "disclosure_pages.Department",
        verbose_name=_("发布机构"),
        on_delete=models.PROTECT,
        related_name="items",
    )
    document_number = models.CharField(
        _("文号"),
        max_length=60,
        blank=True,
        validators=[validate_document_number],
        help_text=_("按 GB/T 9704 书写，例如：庄街〔2012〕15号；无文号的信息留空。"),
    )
    written_date = models.DateField(_("成文日期"))
    publish_date = models.DateField(
        _("发布日期"), null=True, blank=True, help_text=_("首次发布时自动填写。")
    )
    disclosure_method = models.CharField(
        _("公开方式"),
        max_length=10,
        choices=DisclosureMethod.choices,
        default=DisclosureMethod.PROACTIVE,
    )
    disclosure_period = models.CharField(
        _("公开时限"),
        max_length=10,
        choices=DisclosurePeriod.choices,
        default=DisclosurePeriod.LONG_TERM,
    )
    validity = models.CharField(
        _("有效性"), max_length=10, choices=Validity.choices, default=Validity.VALID
    )
    effective_date = models.DateField(_("施行日期"), null=True, blank=True)
    abolished_date = models.DateField(_("废止日期"), null=True, blank=True)
    expiry_date = models.DateField(_("失效日期"), null=True, blank=True)
    publication_working_days = models.PositiveSmallIntegerField(
        _("公开用时（工作日）"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("从成文日期到首次发布的工作日数；超过 20 个工作日即超出条例第二十六条的时限。"),
    )
    summary = models.TextField(_("内容概述"), max_length=1000)
    keywords = models.CharField(
        _("关键词"), max_length=200, blank=True, help_text=_("多个关键词用逗号、顿号或空格分隔。")
    )
    source = models.CharField(_("信息来源"), max_length=120, blank=True)
    body = StreamField(ItemBodyBlock(), verbose_name=_("正文"), blank=True)

    # The review app puts its findings panel first (gov_disclosure.review.apps).
    content_panels = [
        # The address never follows the title (see gov_disclosure.pages.addresses).
        TitleFieldPanel("title", targets=[]),
        AssignedAtPublicationPanel("index_number"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("subject"), FieldPanel("genre")]),
                FieldRowPanel(
                    # A plain list of the agency's own departments (see ItemPageForm).
                    [FieldPanel("publisher", widget=forms.Select), FieldPanel("document_number")]
                ),
                FieldRowPanel(
                    [FieldPanel("written_date"), AssignedAtPublicationPanel("publish_date")]
                ),
                FieldRowPanel([FieldPanel("disclosure_method"), FieldPanel("disclosure_period")]),
                FieldPanel("source"),
            ],
            heading=_("目录信息"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("validity"),
                FieldRowPanel(
                    [
                        FieldPanel("effective_date"),
                        FieldPanel("abolished_date"),
                        FieldPanel("expiry_date"),
                    ]
                ),
            ],
            heading=_("有效性"),
        ),
        FieldPanel("summary"),
        FieldPanel("keywords"),
        FieldPanel("body"),
        InlinePanel("attachments", heading=_("附件"), label=_("附件")),
        InlinePanel(
            "relations",
            heading=_("关联信息"),
            label=_("关联"),
            help_text=_(
                "本信息是哪些文件的政策解读，修订了哪份文件，或与哪些信息相关"
                "（如预算与其执行情况）。两边的页面都会显示这一关联。"
            ),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("keywords"),
        index.SearchField("document_number"),
        index.SearchField("index_number"),
        index.FilterField("subject"),
        index.FilterField("genre"),
        index.FilterField("validity"),
        index.FilterField("publish_date"),
        index.FilterField("publisher"),
    ]

    api_fields = [
        APIField("index_number"),
        APIField("subject"),
        APIField("genre"),
        APIField("publisher_name"),
        APIField("document_number"),
        APIField("written_date"),
        APIField("publish_date"),
        APIField("disclosure_method"),
        APIField("disclosure_period"),
        APIField("validity"),
        APIField("effective_date"),
        APIField("abolished_date"),
        APIField("expiry_date"),
        APIField("summary"),
        APIField("keyword_list"),
        APIField("source"),
        APIField("body"),
        APIField("related_items"),
    ]

    parent_page_types = ["disclosure_pages.DisclosureCategoryPage"]
    subpage_types = []

    # A copy is a new item: it gets its own number and date when it is published.
    exclude_fields_in_copy = ["index_number", "publish_date", "publication_working_days"]

    template = "disclosure_pages/item_page.html"
    # Taking an item down needs a reason for the accountability log (the review app asks).
    unpublish_needs_reason = True
    base_form_class = ItemPageForm

    class Meta:
        verbose_name = _("公开信息")
        verbose_name_plural = _("公开信息")
        # The catalogue's tables list items newest first: read in this order, a page of
        # a category's table stops after its rows instead of sorting every item.
        indexes = [
            models.Index(fields=["-publish_date", "-index_number"], name="item_newest_first")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["index_number"],
                condition=~Q(index_number=""),
                name="item_index_number_unique",
            )
        ]

    def publish(self, revision, *args, **kwargs):
        # page_published, which gives the 索引号, fires inside this transaction:
        # nobody ever sees the item live without its number, and a failure to
        # number it leaves the item unpublished rather than half-published.
        with transaction.atomic():
            return super().publish(revision, *args, **kwargs)

    # Set once, at the first publication; they belong to the item, not to a revision.
    FIRST_PUBLICATION_FIELDS = ("index_number", "publish_date", "publication_working_days")

    def _set_core_field_defaults(self):
        # Wagtail would make the address from the title (percent-encoded Chinese, changing
        # with it); an item's is provisional until its 索引号 gives it one.
        if not self.slug:
            self.slug = provisional_slug()
        super()._set_core_field_defaults()

    def with_content_json(self, content):
        # A revision saved before the first publication must not blank out the
        # 索引号, 发布日期 or 公开用时 given at that publication, nor the address.
        obj = super().with_content_json(content)
        source = self
        if not self.index_number and self.pk:
            # ``self`` may have been loaded before another request first published
            # the item; the database row is the authority.
            source = (
                DisclosureItemPage.objects.filter(pk=self.pk)
                .only(*self.FIRST_PUBLICATION_FIELDS, "slug", "url_path")
                .first()
                or self
            )
        for field in self.FIRST_PUBLICATION_FIELDS:
            setattr(obj, field, getattr(source, field))
        if slug_is_provisional(obj.slug) and not slug_is_provisional(source.slug):
            obj.slug, obj.url_path = source.slug, source.url_path
        # 有效性 follows an approved 失效日期 without a new review: whatever
        # revision is shown or published after that date says 已失效.
        if obj.validity_has_lapsed():
            obj.validity = Validity.EXPIRED
        return obj

    def get_context(self, request, *args, **kwargs):
        from gov_disclosure.pages.rendering import item_rendering

        context = super().get_context(request, *args, **kwargs)
        context["rendering"] = item_rendering(item=self, request=request)
        context["agency_name"] = context["rendering"].agency_name
        return context

    def validity_has_lapsed(self, today=None) -> bool:
        """True once the 失效日期 has come for an item still marked 有效 or 已修改."""
        today = today or timezone.localdate()
        return (
            self.validity in {Validity.VALID, Validity.AMENDED}
            and self.expiry_date is not None
            and self.expiry_date <= today
        )

    @property
    def publisher_name(self) -> str:
        return self.publisher.name

    @property
    def is_published_late(self) -> bool:
        """Published more than 20 working days after it was written (Art. 26)."""
        days = self.publication_working_days
        return days is not None and days > PUBLICATION_DEADLINE_WORKING_DAYS

    @property
    def timeliness_display(self) -> str:
        if self.publication_working_days is None:
            return ""
        label = _("%(days)s 个工作日") % {"days": self.publication_working_days}
        return f"{label}（{_('超期')}）" if self.is_published_late else str(label)

    @property
    def related_items(self) -> list[dict]:
        """The published items this one links to and that link to it (API v2)."""
        from gov_disclosure.pages.relations import related_records

        return related_records(item=self, url_of=lambda page: page.full_url)

    @property
    def keyword_list(self) -> list[str]:
        return [word for word in re.split(r"[,，、;；\s]+", self.keywords) if word]

    @property
    def is_no_longer_valid(self) -> bool:
        return self.validity in {Validity.ABOLISHED, Validity.EXPIRED}

    def clean(self):
        super().clean()
        if errors := self.metadata_errors():
            raise ValidationError(errors)

    def metadata_errors(self) -> dict[str, str]:
        """The catalogue metadata's rules (dates, 有效性), as field → Chinese message; the
        editor's form and the import both apply them."""
        errors: dict[str, str] = {}
        today = timezone.localdate()
        written = self.written_date
        if written and written > today:
            errors["written_date"] = _("成文日期不能晚于今天。")
        if written and self.publish_date and written > self.publish_date:
            errors["written_date"] = _(
                "成文日期（%(written)s）不能晚于发布日期（%(published)s）。"
            ) % {"written": f"{written:%Y-%m-%d}", "published": f"{self.publish_date:%Y-%m-%d}"}
        if self.validity == Validity.ABOLISHED and not self.abolished_date:
            errors["abolished_date"] = _("有效性为“已废止”时须填写废止日期。")
        if self.validity == Validity.EXPIRED and not self.expiry_date:
            errors["expiry_date"] = _("有效性为“已失效”时须填写失效日期。")
        if self.validity in {Validity.VALID, Validity.AMENDED} and self.abolished_date:
            errors["abolished_date"] = _(
                "仍然有效的信息不能填写废止日期；如已废止，请将有效性改为“已废止”。"
            )
        for field, label in (("effective_date", _("施行日期")), ("abolished_date", _("废止日期")),
                             ("expiry_date", _("失效日期"))):  # fmt: skip
            value = getattr(self, field)
            if value and written and value < written and field not in errors:
                errors[field] = _("%(label)s不能早于成文日期。") % {"label": label}
        return errors


class ItemAttachment(Orderable):
    """An attachment of an item, in the order the editor sets."""

    item = ParentalKey(DisclosureItemPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("文件"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(
        _("附件名称"), max_length=200, blank=True, help_text=_("留空时使用文件标题。")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    api_fields = [APIField("document"), APIField("display_title")]

    class Meta(Orderable.Meta):
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    @property
    def display_title(self) -> str:
        return self.title or self.document.title
