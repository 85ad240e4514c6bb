"""The yearly figures in the admin, and the 年度报告 menu group."""

from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from gov_disclosure.core.admin_columns import PersonColumn
from gov_disclosure.pages.agency_admin import AgencyPermissionPolicy, agency_scoped

from .admin_views import FiguresImportView
from .models import AnnualFigures

register_permission_policy(AnnualFigures, AgencyPermissionPolicy(AnnualFigures))


@agency_scoped
class AnnualFiguresViewSet(ModelViewSet):
    model = AnnualFigures
    icon = "table"
    menu_label = gettext_lazy("年度统计数据")
    url_namespace = "annual_figures"
    url_prefix = "annual-figures"
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = [
        "agency",
        "year",
        "licensing_decisions",
        "penalty_decisions",
        "enforcement_decisions",
        "fee_amount",
        "note",
    ]
    list_display = [
        "year",
        "agency",
        "licensing_decisions",
        "penalty_decisions",
        "enforcement_decisions",
        "fee_amount",
        PersonColumn("updated_by", label=gettext_lazy("更新人")),
        "updated_at",
    ]
    list_filter = ["year", "agency"]
    search_fields = None
    search_backend_name = None

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("import/", FiguresImportView.as_view(), name="import"),
        ]


class AnnualReportsGroup(ViewSetGroup):
    menu_label = gettext_lazy("年度报告")
    menu_icon = "doc-full"
    menu_order = 320
    items = [AnnualFiguresViewSet]
    # The report list joins the group through this hook (wagtail_hooks).
    submenu_hook = "register_annual_reports_menu_item"
