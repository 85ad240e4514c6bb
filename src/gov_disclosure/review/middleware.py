"""Wagtail's 站点历史 (site history) is the platform's: it lists every agency's records to
anyone holding a model's permission in any agency (``viewable_by_user`` knows no agency).
Staff of an agency are sent to their 责任追究日志 instead, which holds their agency's
entries only; superusers and 区政务公开办 keep Wagtail's report."""

from django.shortcuts import redirect
from django.urls import reverse

from gov_disclosure.pages.roles import agencies_where

from .views.accountability import PERMISSION

SITE_HISTORY = {"wagtailadmin_reports:site_history", "wagtailadmin_reports:site_history_results"}


class SiteHistoryScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name not in SITE_HISTORY:
            return None
        user = request.user
        if user.is_authenticated and not agencies_where(user, PERMISSION).everywhere:
            return redirect(reverse("disclosure_review:accountability_log"))
        return None
