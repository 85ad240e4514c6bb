"""The generation panel on the report's edit page: when it was generated, what the data
says now, and the actions around it."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.admin.ui.components import Component


def generated_moment(generated: dict | None) -> datetime.datetime | None:
    """When a report was last generated, from what the generation stored."""
    text = (generated or {}).get("at")
    try:
        return datetime.datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


class GenerationPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("数据与报送"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "disclosure_annual_reports/panels/generation.html"

        def is_shown(self):
            return bool(getattr(self.instance, "pk", None))

        def get_context_data(self, parent_context=None):
            from gov_disclosure.annual_reports import selectors, tables
            from gov_disclosure.annual_reports.overview import agency_overview_html, same_text
            from gov_disclosure.pages.selectors import agency_for_page

            context = super().get_context_data(parent_context)
            report = self.instance
            agency = agency_for_page(page=report)
            fresh = selectors.report_figures(agency=agency, year=report.year)
            current = {key: report.table(key) for key in tables.TABLE_KEYS}
            differing = [
                tables.cell_label(key, row, column)
                for key in tables.TABLE_KEYS
                for row, column in tables.cells(key)
                if current[key][row.key][column] != fresh[key][row.key][column]
            ]
            fresh_overview = agency_overview_html(agency=agency, year=report.year, figures=fresh)
            context.update(
                report=report,
                generated_at=generated_moment(report.generated),
                imbalances=tables.request_imbalances(current[tables.REQUESTS]),
                differing=differing,
                fresh_overview=None
                if same_text(report.overview, fresh_overview)
                else fresh_overview,
                submission=selectors.report_latest_submission(report=report),
            )
            return context


class ReportDeadlinesPanel(Component):
    """Dashboard: last year's reports not yet published, with the two deadlines."""

    name = "annual_report_deadlines"
    template_name = "disclosure_annual_reports/panels/deadlines.html"
    order = 85

    def __init__(self, *, report_year: int, pending: list, submission_due, publication_due, today):
        self.context = {
            "report_year": report_year,
            "pending": pending,
            "submission_due": submission_due,
            "publication_due": publication_due,
            "overdue_days": max(0, (today - publication_due).days),
            "index_url": reverse("annual_reports_admin:index"),
        }

    def get_context_data(self, parent_context):
        return self.context
