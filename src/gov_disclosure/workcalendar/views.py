from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import YearScheduleForm, schedule_as_text
from .models import CalendarDay
from .selectors import year_notable_days, year_schedule_entered
from .services import calendar_year_replace
from .workdays import builtin_schedule_known

PERMISSION = "disclosure_workcalendar.change_calendarday"


class YearScheduleView(WagtailAdminTemplateMixin, FormView):
    """One year at a glance, and the whole of a State Council notice entered at once."""

    template_name = "disclosure_workcalendar/year_schedule.html"
    form_class = YearScheduleForm
    header_icon = "date"
    page_title = gettext_lazy("年度放假安排")

    def dispatch(self, request, *args, year: int | None = None, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        self.year = year or timezone.localdate().year
        if not 2000 <= self.year <= 2100:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.year)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["year"] = self.year
        return kwargs

    def get_initial(self):
        entered = CalendarDay.objects.filter(date__year=self.year)
        first = entered.exclude(source="").first()
        return {"schedule": schedule_as_text(entered), "source": first.source if first else ""}

    def form_valid(self, form):
        count = calendar_year_replace(
            year=self.year,
            days=form.cleaned_data["schedule"],
            source=form.cleaned_data["source"],
            user=self.request.user,
        )
        messages.success(
            self.request,
            _("%(year)d 年的安排已保存（%(count)d 天），相关期限已重新计算。")
            % {"year": self.year, "count": count},
        )
        return redirect(self.request.path)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context.update(
            year=self.year,
            years=range(today.year - 2, today.year + 3),
            days=year_notable_days(year=self.year),
            builtin_known=builtin_schedule_known(self.year),
            entered=year_schedule_entered(year=self.year),
        )
        return context
