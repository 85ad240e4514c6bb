"""公开时效报告 (Art. 26): per department, how long items took from 成文日期 to publication;
and 政策解读情况: documents published without their interpretation, or before it."""

import datetime

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from gov_disclosure.pages.models import PUBLICATION_DEADLINE_WORKING_DAYS, Genre
from gov_disclosure.pages.relations import interpretation_report
from gov_disclosure.pages.roles import agencies_where

from ..forms import TimelinessRangeForm
from ..selectors import timeliness_report

PERMISSION = "disclosure_review.view_timeliness_report"
INTERPRETATION_PERMISSION = "disclosure_review.view_interpretation_report"


class PublicationRangeReportView(WagtailAdminTemplateMixin, TemplateView):
    """A report over the items first published in a range of dates (this year so far
    unless asked), in the agencies where the user holds ``permission``."""

    permission: str

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        self.scope = agencies_where(request.user, self.permission)
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
        report = {}
        if form.is_valid():
            report = self.report(
                date_from=form.cleaned_data["date_from"], date_to=form.cleaned_data["date_to"]
            )
        context = self.get_context_data(form=form, **report)
        return self.render_to_response(context, status=200 if form.is_valid() else 400)

    def report(self, *, date_from: datetime.date, date_to: datetime.date) -> dict:
        raise NotImplementedError


class TimelinessReportView(PublicationRangeReportView):
    template_name = "disclosure_review/timeliness_report.html"
    page_title = _("公开时效报告")
    header_icon = "time"
    permission = PERMISSION

    def report(self, *, date_from, date_to):
        rows = timeliness_report(date_from=date_from, date_to=date_to, agencies=self.scope)
        return {
            "rows": rows,
            "deadline": PUBLICATION_DEADLINE_WORKING_DAYS,
            "total": sum(row.count for row in rows),
            "overdue_total": sum(row.overdue_count for row in rows),
        }


class InterpretationReportView(PublicationRangeReportView):
    template_name = "disclosure_review/interpretation_report.html"
    page_title = _("政策解读情况")
    header_icon = "doc-full"
    permission = INTERPRETATION_PERMISSION

    def report(self, *, date_from, date_to):
        report = interpretation_report(date_from=date_from, date_to=date_to, agencies=self.scope)
        return {
            "report": report,
            "genre_labels": "、".join(
                str(Genre(genre).label) if genre in Genre.values else genre
                for genre in report.genres
            ),  # fmt: skip
        }
