from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from gov_disclosure.core.menu import PermissionMenuItem

from .admin_views import PERMISSION, QueryReportView
from .viewsets import AgencySearchSettingsViewSet, SynonymViewSet


@hooks.register("register_admin_viewset")
def register_synonyms():
    return SynonymViewSet("search_synonyms")


@hooks.register("register_admin_viewset")
def register_agency_search_settings():
    return AgencySearchSettingsViewSet("agency_search_settings")


@hooks.register("register_admin_urls")
def register_query_report_url():
    return [path("search-queries/", QueryReportView.as_view(), name="disclosure_search_queries")]


@hooks.register("register_reports_menu_item")
def register_query_report_menu_item():
    return PermissionMenuItem(
        _("检索统计"),
        reverse("disclosure_search_queries"),
        icon_name="search",
        order=700,
        permission=PERMISSION,
    )
