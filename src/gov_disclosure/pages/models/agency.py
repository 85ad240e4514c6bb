from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from gov_disclosure.pages.validators import validate_agency_code, validate_index_number_pattern

from .mixins import DirectRouteMixin, HostPlacedMixin, OfficePermissionsMixin

DEFAULT_INDEX_NUMBER_PATTERN = "{org_code}/{year}-{serial:05d}"


class DisclosureIndexPage(DirectRouteMixin, HostPlacedMixin, OfficePermissionsMixin, Page):
    """The catalogue root (目录) of one agency (机关)."""

    agency_name = models.CharField(
        _("机关名称"), max_length=120, help_text=_("全称，例如：宁波市镇海区人民政府庄市街道办事处")
    )
    org_code = models.CharField(
        _("统一社会信用代码或组织机构代码"),
        max_length=20,
        unique=True,
        validators=[validate_agency_code],
        help_text=_("18位统一社会信用代码，或9位组织机构代码；用于生成索引号。"),
    )
    index_number_pattern = models.CharField(
        _("索引号规则"),
        max_length=120,
        default=DEFAULT_INDEX_NUMBER_PATTERN,
        validators=[validate_index_number_pattern],
        help_text=(
            _(
                "可用占位符：{org_code} 机关代码、{year} 年份、{month} 月份、{serial} 当年流水号、"
                "{category_code} 目录分类代码。例如 {org_code}/{year}-{serial:05d}。"
                "修改规则不影响已生成的索引号。"
            )
        ),
    )
    disclosure_office = models.CharField(
        _("信息公开工作机构"), max_length=120, help_text=_("受理依申请公开的机构，例如：党政办公室")
    )
    address = models.CharField(_("办公地址"), max_length=200)
    postcode = models.CharField(_("邮政编码"), max_length=6, blank=True)
    office_hours = models.CharField(
        _("办公时间"), max_length=200, help_text=_("例如：工作日 上午8:30—12:00，下午14:00—17:30")
    )
    phone = models.CharField(_("联系电话"), max_length=60)
    fax = models.CharField(_("传真"), max_length=60, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    intro = RichTextField(_("简介"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("agency_name"), FieldPanel("org_code"), FieldPanel("index_number_pattern")],
            heading=_("机关"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("disclosure_office"),
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("office_hours"),
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("email"),
            ],
            heading=_("联系方式"),
        ),
        FieldPanel("intro"),
    ]

    search_fields = Page.search_fields + [index.SearchField("agency_name")]

    api_fields = [
        APIField("agency_name"),
        APIField("org_code"),
        APIField("disclosure_office"),
        APIField("address"),
        APIField("postcode"),
        APIField("office_hours"),
        APIField("phone"),
        APIField("fax"),
        APIField("email"),
    ]

    # Under a portal, the tree's root or a host page (GOV_DISCLOSURE["AGENCY_PARENT_PAGE_TYPES"]).
    parent_page_types = ["wagtailcore.Page", "disclosure_pages.DisclosurePortalPage"]
    extra_parent_page_types = ["disclosure_pages.DisclosurePortalPage"]
    subpage_types = [
        "disclosure_pages.DisclosureCategoryPage",
        "disclosure_pages.DisclosureGuidePage",
    ]

    template = "disclosure_pages/index_page.html"

    class Meta:
        verbose_name = _("信息公开目录（机关）")
        verbose_name_plural = _("信息公开目录（机关）")

    def get_context(self, request, *args, **kwargs):
        from gov_disclosure.pages import selectors

        context = super().get_context(request, *args, **kwargs)
        context["agency"] = self
        context["categories"] = selectors.category_tree(agency=self)
        context["guide"] = selectors.guide_for_agency(agency=self)
        context["latest_items"] = selectors.item_list(within=self)[:10]
        return context
