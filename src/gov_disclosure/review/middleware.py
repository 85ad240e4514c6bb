"""Wagtail's site-wide reports are the platform's. 站点历史 (site history) lists every
agency's records to anyone holding a model's permission in any agency (``viewable_by_user``
knows no agency): staff of an agency are sent to their 责任追究日志 instead, which holds their
agency's entries only. 页面类型使用情况 names the last page edited of each type and 老旧页面
the last publisher of every page, whatever the agency: refused to agency staff. Superusers and
区政务公开办 keep Wagtail's reports."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from gov_disclosure.pages.roles import agencies_where

from .views.accountability import PERMISSION

SITE_HISTORY = {"wagtailadmin_reports:site_history", "wagtailadmin_reports:site_history_results"}
PLATFORM_REPORTS = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
    "wagtailadmin_reports:aging_pages",
    "wagtailadmin_reports:aging_pages_results",
}
# Their menu items (``construct_reports_menu``).
PLATFORM_REPORT_MENU_ITEMS = {"page-types-usage", "aging-pages"}


def user_reads_the_platform(user) -> bool:
    return agencies_where(user, PERMISSION).everywhere


class SiteHistoryScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = request.user
        if match is None or not user.is_authenticated:
            return None
        if match.view_name in SITE_HISTORY and not user_reads_the_platform(user):
            return redirect(reverse("disclosure_review:accountability_log"))
        if match.view_name in PLATFORM_REPORTS and not user_reads_the_platform(user):
            raise PermissionDenied
        return None
