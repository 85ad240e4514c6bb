from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from gov_disclosure.annual_reports import tables
from gov_disclosure.annual_reports.forms import AnnualReportPageForm
from gov_disclosure.annual_reports.panels import GenerationPanel
from gov_disclosure.pages.models.mixins import AgencyContextMixin, OfficePermissionsMixin
from gov_disclosure.pages.publication import ReviewedPublicationMixin
from gov_disclosure.pages.texts import html_to_text
from gov_disclosure.review.panels import ReviewFindingsPanel

TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class ReportNotBalanced(PermissionDenied):
    """Raised when a report whose table 三 does not add up would be submitted or published."""


class AnnualReportPage(
    ReviewedPublicationMixin,
    OfficePermissionsMixin,
    AgencyContextMixin,
    RoutablePageMixin,
    Page,
):
    """An agency's 政府信息公开工作年度报告 for one calendar year (国办公开办函〔2021〕30号).

    Created only by the "generate report" action, which fills the tables from the
    catalogue, the requests and the appeals; the office then edits, and the report
    passes the same review workflow as items.
    """

    year = models.PositiveSmallIntegerField(_("年度"), editable=False)
    overview = RichTextField(_("一、总体情况"), features=TEXT_FEATURES)
    proactive_table = models.JSONField(_("二、主动公开政府信息情况"), default=dict)
    requests_table = models.JSONField(_("三、收到和处理政府信息公开申请情况"), default=dict)
    appeals_table = models.JSONField(_("四、政府信息公开行政复议、行政诉讼情况"), default=dict)
    problems = RichTextField(_("五、存在的主要问题及改进情况"), features=TEXT_FEATURES, blank=True)
    other_matters = RichTextField(_("六、其他需要报告的事项"), features=TEXT_FEATURES, blank=True)
    # What the last generation wrote (overview text, tables, when): a value that
    # still equals it was not edited, so the next generation may refresh it.
    generated = models.JSONField(default=dict, editable=False)

    content_panels = [
        ReviewFindingsPanel(),
        FieldPanel("title"),
        GenerationPanel(),
        FieldPanel("overview"),
        MultiFieldPanel(
            [
                FieldPanel("proactive_table"),
                FieldPanel("requests_table"),
                FieldPanel("appeals_table"),
            ],
            heading=_("统计表"),
        ),
        FieldPanel("problems"),
        FieldPanel("other_matters"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("overview"),
        index.FilterField("year"),
    ]

    api_fields = [
        APIField("year"),
        APIField("overview"),
        APIField("proactive_table"),
        APIField("requests_table"),
        APIField("appeals_table"),
        APIField("problems"),
        APIField("other_matters"),
    ]

    parent_page_types = ["disclosure_pages.DisclosureIndexPage"]
    subpage_types = []
    # Made by "生成年度报告" (gov_disclosure.annual_reports.services.report_generate), one per
    # agency and year: not created by hand, nor copied or moved (gov_disclosure.pages.permissions).
    is_creatable = False
    fixed_in_place = True

    template = "disclosure_annual_reports/report_page.html"
    base_form_class = AnnualReportPageForm

    class Meta:
        verbose_name = _("政府信息公开工作年度报告")
        verbose_name_plural = _("政府信息公开工作年度报告")

    def publish(self, revision, *args, **kwargs):
        report = revision.as_object()
        imbalances = tables.request_imbalances(report.table(tables.REQUESTS))
        if imbalances:
            raise ReportNotBalanced(imbalances[0].message)
        return super().publish(revision, *args, **kwargs)

    def table(self, table_key: str) -> dict:
        """One table's figures, every cell present (totals are summed where shown)."""
        return tables.from_json(table_key, getattr(self, f"{table_key}_table"))

    def check_texts(self) -> list[tuple[str, str, str]]:
        """The text the 保密审查 checks read (gov_disclosure.review.texts)."""
        return [
            ("title", str(_("标题")), self.title),
            ("overview", str(_("一、总体情况")), html_to_text(self.overview)),
            ("problems", str(_("五、存在的主要问题及改进情况")), html_to_text(self.problems)),
            ("other_matters", str(_("六、其他需要报告的事项")), html_to_text(self.other_matters)),
        ]

    def get_context(self, request, *args, **kwargs):
        from gov_disclosure.annual_reports.layout import report_grid_rows

        context = super().get_context(request, *args, **kwargs)
        context["grid_rows"] = report_grid_rows(self)
        return context

    @path("xlsx/", name="xlsx")
    def xlsx(self, request):
        from gov_disclosure.annual_reports.exports import report_download

        return report_download(self, "xlsx")

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from gov_disclosure.annual_reports.exports import report_download

        return report_download(self, "pdf")
