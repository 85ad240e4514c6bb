"""The roll-up page of the district's admin, and its XLSX."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from gov_disclosure.annual_reports.exports import file_response
from gov_disclosure.annual_reports.exports.xlsx import tables_workbook
from gov_disclosure.annual_reports.forms import FIRST_YEAR
from gov_disclosure.annual_reports.layout import TITLES, display_rows

from .rollup import reports_rollup, rollup_years

PERMISSION = "disclosure_aggregation.view_mirroredreport"


class RollupView(WagtailAdminTemplateMixin, TemplateView):
    """The year's reports of every source, their tables summed cell by cell."""

    template_name = "disclosure_aggregation/rollup.html"
    header_icon = "table"
    page_title = gettext_lazy("年度报告汇总")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        this_year = timezone.localdate().year
        try:
            self.year = int(request.GET.get("year") or this_year - 1)
        except ValueError:
            self.year = this_year - 1
        self.year = min(max(self.year, FIRST_YEAR), this_year)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.year)

    def title(self, rollup) -> str:
        return _("%(year)s年度政府信息公开工作年度报告汇总（%(count)s 个机关）") % {
            "year": self.year,
            "count": len(rollup.reports),
        }

    def get(self, request, *args, **kwargs):
        rollup = reports_rollup(year=self.year)
        if request.GET.get("format") == "xlsx":
            return file_response(
                tables_workbook(title=self.title(rollup), figures=rollup.figures),
                "xlsx",
                filename=self.title(rollup),
            )
        return self.render_to_response(self.get_context_data(rollup=rollup))

    def get_context_data(self, *, rollup, **kwargs):
        context = super().get_context_data(**kwargs)
        years = sorted(set(rollup_years()) | {self.year}, reverse=True)
        context.update(
            rollup=rollup,
            year=self.year,
            years=years,
            heading=self.title(rollup),
            grid_rows=[
                (key, TITLES[key], display_rows(key, table))
                for key, table in rollup.figures.items()
            ],
        )
        return context
