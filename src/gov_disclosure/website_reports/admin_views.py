"""The website reports in the admin: the list with "generate", and draft downloads."""

from django.contrib import messages
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gov_disclosure.annual_reports.admin_views import (
    GenerateReportView,
    ReportAccessMixin,
    ReportDraftDownloadView,
)

from . import selectors, services
from .exports import BUILDERS
from .models import WebsiteReportPage

URL_NAMESPACE = "website_reports_admin"


class WebsiteReportAccessMixin(ReportAccessMixin):
    permission = selectors.PERMISSION
    report_model = WebsiteReportPage


class WebsiteReportIndexView(WebsiteReportAccessMixin, GenerateReportView):
    template_name = "disclosure_website_reports/admin/index.html"
    page_title = gettext_lazy("政府网站工作年度报表")

    def generate(self, *, agency, year: int, user):
        return services.website_report_generate(agency=agency, year=year, user=user)

    def tell(self, result) -> None:
        report = result.report
        if result.created:
            messages.success(
                self.request,
                _("已按 %(year)s 年的数据生成报表草稿，请填写其余栏目后提交审核。")
                % {"year": report.year},
            )
        else:
            messages.success(self.request, _("已按最新数据更新报表草稿。"))
        if report.year >= timezone.localdate().year:
            messages.warning(
                self.request,
                _("%(year)s 年尚未结束：报表中的数据截至今天，年度结束后请重新生成。")
                % {"year": report.year},
            )
        if result.kept:
            messages.warning(
                self.request,
                _("以下栏目保留了您修改过的内容（与最新数据不同）：%(entries)s")
                % {"entries": "；".join(entry.full_label for entry in result.kept)},
            )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["reports"] = [
            (agency, report)
            for agency in self.agencies
            for report in WebsiteReportPage.objects.child_of(agency).order_by("-year")
        ]
        return context


class WebsiteReportDraftDownloadView(WebsiteReportAccessMixin, ReportDraftDownloadView):
    builders = BUILDERS
