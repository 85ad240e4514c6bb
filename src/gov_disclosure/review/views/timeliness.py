"""公开时效报告 (Art. 26): per department, how long items took from 成文日期 to publication."""

import datetime

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from gov_disclosure.pages.models import PUBLICATION_DEADLINE_WORKING_DAYS
from gov_disclosure.pages.roles import agencies_where

from ..forms import TimelinessRangeForm
from ..selectors import timeliness_report

PERMISSION = "disclosure_review.view_timeliness_report"


class TimelinessReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "disclosure_review/timeliness_report.html"
    page_title = _("公开时效报告")
    header_icon = "time"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        self.scope = agencies_where(request.user, PERMISSION)
        if not self.scope:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        today = timezone.localdate()
        data = (
            request.GET
            if request.GET
            else {
                "date_from": datetime.date(today.year, 1, 1).isoformat(),
                "date_to": today.isoformat(),
            }
        )
        form = TimelinessRangeForm(data)
        rows = []
        if form.is_valid():
            rows = timeliness_report(
                date_from=form.cleaned_data["date_from"],
                date_to=form.cleaned_data["date_to"],
                agencies=self.scope,
            )
        context = self.get_context_data(
            form=form,
            rows=rows,
            deadline=PUBLICATION_DEADLINE_WORKING_DAYS,
            total=sum(row.count for row in rows),
            overdue_total=sum(row.overdue_count for row in rows),
        )
        return self.render_to_response(context, status=200 if form.is_valid() else 400)
