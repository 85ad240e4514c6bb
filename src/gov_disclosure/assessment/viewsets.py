"""考核方案 in the Wagtail admin: the district writes the yearly rubric (indicators inline);
each rubric opens its results."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_views import (
    EvidenceView,
    ExportView,
    ManualValueView,
    RemoteSyncView,
    ResultsView,
    TotalsChartView,
    TrendChartView,
)
from .models import Rubric


class ResultsLinkColumn(Column):
    cell_template_name = "disclosure_assessment/results_link_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = reverse("disclosure_assessment:results", args=[instance.pk])
        return context


class RubricViewSet(ModelViewSet):
    model = Rubric
    icon = "table"
    menu_label = gettext_lazy("考核评估")
    menu_order = 265
    add_to_admin_menu = True
    url_namespace = "disclosure_assessment"
    url_prefix = "assessment"
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["year", "title", ResultsLinkColumn("results", label=gettext_lazy("考核结果"))]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:rubric_id>/results/", ResultsView.as_view(), name="results"),
            path("<int:rubric_id>/results.xlsx", ExportView.as_view(), name="export"),
            path("<int:rubric_id>/totals.svg", TotalsChartView.as_view(), name="totals_chart"),
            path(
                "<int:rubric_id>/trend/<int:indicator_id>.svg",
                TrendChartView.as_view(),
                name="trend_chart",
            ),
            path(
                "<int:rubric_id>/evidence/<int:indicator_id>/<int:agency_id>/",
                EvidenceView.as_view(),
                name="evidence",
            ),
            path(
                "<int:rubric_id>/manual/<int:indicator_id>/<int:agency_id>/",
                ManualValueView.as_view(),
                name="manual",
            ),
            # Agencies of aggregated sites (RemoteAgency), district only.
            path(
                "<int:rubric_id>/evidence/<int:indicator_id>/remote/<int:remote_id>/",
                EvidenceView.as_view(),
                name="evidence_remote",
            ),
            path(
                "<int:rubric_id>/manual/<int:indicator_id>/remote/<int:remote_id>/",
                ManualValueView.as_view(),
                name="manual_remote",
            ),
            path("<int:rubric_id>/sync/", RemoteSyncView.as_view(), name="sync"),
        ]
