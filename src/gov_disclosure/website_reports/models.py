from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from gov_disclosure.pages.models.mixins import AgencyContextMixin, OfficePermissionsMixin
from gov_disclosure.pages.publication import ReviewedPublicationMixin
from gov_disclosure.review.panels import ReviewFindingsPanel

from . import spec
from .forms import WebsiteReportPageForm
from .panels import WebsiteGenerationPanel


class ReportIncomplete(PermissionDenied):
    """Raised when a report with blanks the national form requires would be published."""


class WebsiteReportPage(
    ReviewedPublicationMixin,
    OfficePermissionsMixin,
    AgencyContextMixin,
    RoutablePageMixin,
    Page,
):
    """An agency's 政府网站工作年度报表 for one year.

    Made by "生成网站年度报表", which fills what the platform's data says (items
    published, letters answered, surveys); the office enters the rest (visits, services,
    security, new media) and the report passes the same review as items.
    """

    year = models.PositiveSmallIntegerField(_("年度"), editable=False)
    figures = models.JSONField(_("报表"), default=dict, blank=True)
    # What the last generation wrote: an entry still equal to it was not edited, so the
    # next generation may refresh it.
    generated = models.JSONField(default=dict, editable=False)

    content_panels = [
        ReviewFindingsPanel(),
        FieldPanel("title"),
        WebsiteGenerationPanel(),
        FieldPanel("figures"),
    ]

    search_fields = Page.search_fields + [index.FilterField("year")]
    api_fields = [APIField("year"), APIField("figures")]

    parent_page_types = ["disclosure_pages.DisclosureIndexPage"]
    subpage_types = []
    is_creatable = False
    fixed_in_place = True

    template = "disclosure_website_reports/report_page.html"
    base_form_class = WebsiteReportPageForm

    class Meta:
        verbose_name = _("政府网站工作年度报表")
        verbose_name_plural = _("政府网站工作年度报表")
        permissions = [("generate_website_report", _("生成政府网站工作年度报表"))]

    def publish(self, revision, *args, **kwargs):
        missing = spec.missing_entries(revision.as_object().values())
        if missing:
            raise ReportIncomplete(
                "报表尚未填写完整：" + "、".join(entry.full_label for entry in missing)
            )
        return super().publish(revision, *args, **kwargs)

    def values(self) -> dict:
        """Every entry's value (blank ones None)."""
        return spec.parse_figures(self.figures)[0]

    def check_texts(self) -> list[tuple[str, str, str]]:
        """The text the 保密审查 checks read: the title and every text entry."""
        values = self.values()
        return [("title", str(_("标题")), self.title)] + [
            (f"figures-{entry.key}", entry.full_label, values[entry.key])
            for entry in spec.ENTRIES
            if entry.kind == spec.TEXT and values[entry.key]
        ]

    def get_context(self, request, *args, **kwargs):
        from .layout import display_rows

        context = super().get_context(request, *args, **kwargs)
        context["rows"] = display_rows(self.values())
        return context

    @path("xlsx/", name="xlsx")
    def xlsx(self, request):
        from .exports import report_download

        return report_download(self, "xlsx")

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from .exports import report_download

        return report_download(self, "pdf")
