"""What people search, for 党政办: the most searched queries and those that found nothing."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .query_log import query_report

PERMISSION = "disclosure_search.view_searchqueryday"
PERIODS = {7: _("近 7 天"), 30: _("近 30 天"), 90: _("近 90 天"), 365: _("近一年")}


class QueryReportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = PERMISSION
    raise_exception = True
    template_name = "disclosure_search/admin/query_report.html"
    header_icon = "search"
    page_title = _("检索统计")

    def get_context_data(self, **kwargs):
        try:
            days = int(self.request.GET.get("days", 30))
        except ValueError:
            days = 30
        days = days if days in PERIODS else 30
        return super().get_context_data(
            days=days,
            periods=PERIODS.items(),
            popular=query_report(days=days, unanswered=False),
            unanswered=query_report(days=days, unanswered=True),
            **kwargs,
        )
