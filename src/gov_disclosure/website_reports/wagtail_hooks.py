from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from gov_disclosure.core.menu import PermissionMenuItem

from .admin_views import URL_NAMESPACE, WebsiteReportDraftDownloadView, WebsiteReportIndexView
from .selectors import PERMISSION
from .services import GENERATE


@hooks.register("register_admin_urls")
def register_website_report_urls():
    urls = [
        path("", WebsiteReportIndexView.as_view(), name="index"),
        path(
            "<int:report_id>/download.<slug:kind>",
            WebsiteReportDraftDownloadView.as_view(),
            name="download",
        ),
    ]
    return [path("website-reports/", include((urls, URL_NAMESPACE), namespace=URL_NAMESPACE))]


@hooks.register("register_annual_reports_menu_item")
def register_website_reports_menu_item():
    return PermissionMenuItem(
        _("网站年度报表"),
        reverse(f"{URL_NAMESPACE}:index"),
        icon_name="doc-full",
        order=5,
        permission=PERMISSION,
    )


@hooks.register("register_log_actions")
def register_website_report_log_actions(actions):
    actions.register_action(
        GENERATE, _("生成网站年度报表"), _("按数据生成或更新政府网站工作年度报表")
    )
