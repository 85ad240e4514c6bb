"""The assessment's admin pages: results (ranking, charts, export), the evidence behind
one figure, and entering a figure by hand.

Results are scoped like everything else: the district reads every agency; an agency's
党政办 and 监督 read their own row (and its rank), never another agency's figures.
"""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from gov_disclosure.aggregation.models import Source

from .charts import totals_chart, trend_chart
from .exports import results_workbook
from .measures import MANUAL, MEASURES
from .models import ManualValue, Rubric
from .remote import remote_figures_sync_sources, trend_years
from .selectors import (
    Assessed,
    assessed_agencies,
    assessed_units,
    assessment_agencies,
    assessment_results,
    indicator_evidence_page,
    indicator_trend,
    remote_agencies,
    user_manages_assessment,
)
from .services import AssessmentActionRefused, manual_value_save


class ScopedMixin:
    """The rubric of the URL, and the agencies the user reads (404 for others)."""

    def dispatch(self, request, *args, **kwargs):
        self.scope = assessment_agencies(request.user)
        if not self.scope:
            raise PermissionDenied
        self.rubric = get_object_or_404(Rubric, pk=kwargs["rubric_id"])
        return super().dispatch(request, *args, **kwargs)

    def visible_units(self) -> list[Assessed]:
        return assessed_units(scope=self.scope, year=self.rubric.year)

    def visible_unit(self) -> Assessed:
        """The agency of the URL (``agency_id`` on this platform, ``remote_id`` aggregated),
        if the user reads it."""
        if "remote_id" in self.kwargs:
            if not self.scope.everywhere:
                raise Http404
            remote = remote_agencies(year=self.rubric.year).filter(pk=self.kwargs["remote_id"])
            unit = Assessed(remote=get_object_or_404(remote))
        else:
            agencies = self.scope.filter(assessed_agencies(), "pk")
            unit = Assessed(agency=get_object_or_404(agencies, pk=self.kwargs["agency_id"]))
        return unit

    def results(self):
        return assessment_results(rubric=self.rubric, units=self.visible_units())

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("disclosure_assessment:index"), "label": _("考核方案")},
            {"url": "", "label": self.get_page_title()},
        ]


class ResultsView(ScopedMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "disclosure_assessment/results.html"
    header_icon = "table"

    def get_page_title(self):
        return _("%(year)s年考核结果") % {"year": self.rubric.year}

    def get_page_subtitle(self):
        return self.rubric.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        indicators = list(self.rubric.indicators.all())
        context.update(
            rubric=self.rubric,
            indicators=indicators,
            results=self.results(),
            full_score=self.rubric.full_score,
            manages=user_manages_assessment(self.request.user),
            everywhere=self.scope.everywhere,
            has_sources=Source.objects.filter(enabled=True).exists(),
        )
        return context


class EvidenceView(ScopedMixin, WagtailAdminTemplateMixin, TemplateView):
    """The records one figure counts, each with whether it meets the criterion."""

    template_name = "disclosure_assessment/evidence.html"
    header_icon = "list-ul"

    def get_page_title(self):
        return self.indicator.name

    def get_page_subtitle(self):
        return self.unit.name

    def get(self, request, *args, **kwargs):
        self.indicator = get_object_or_404(self.rubric.indicators, pk=kwargs["indicator_id"])
        self.unit = self.visible_unit()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        evidence = indicator_evidence_page(
            self.indicator,
            unit=self.unit,
            year=self.rubric.year,
            page_number=self.request.GET.get("p"),
        )
        context.update(
            rubric=self.rubric,
            indicator=self.indicator,
            unit=self.unit,
            remote_figures=(
                self.unit.remote.figures.filter(year=self.rubric.year).defer("measures").first()
                if self.unit.remote
                else None
            ),
            measure=MEASURES.get(self.indicator.measure),
            value=evidence.value,
            met=evidence.met,
            total=evidence.total,
            manual=evidence.manual,
            page_obj=evidence.page,
            rows=evidence.rows,
            results_url=reverse("disclosure_assessment:results", args=[self.rubric.pk]),
            manual_url=(
                self.unit.url("manual", self.indicator)
                if self.indicator.is_manual and user_manages_assessment(self.request.user)
                else ""
            ),
        )
        return context


def _svg(content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response


class TotalsChartView(ScopedMixin, View):
    def get(self, request, *args, **kwargs):
        results = self.results()
        return _svg(
            totals_chart(
                title=_("总分"),
                names=[result.unit.label for result in results],
                totals=[float(result.total) for result in results],
                full=float(self.rubric.full_score),
            )
        )


class TrendChartView(ScopedMixin, View):
    def get(self, request, *args, **kwargs):
        indicator = get_object_or_404(self.rubric.indicators, pk=kwargs["indicator_id"])
        if indicator.is_manual:
            raise Http404
        units = self.visible_units()
        years = trend_years(self.rubric.year)
        trend = indicator_trend(indicator=indicator, units=units, years=years)
        return _svg(
            trend_chart(
                title=indicator.name,
                years=years,
                series={unit.label: trend[unit.key] for unit in units},
                percent=indicator.kind == "share",
            )
        )


class ExportView(ScopedMixin, View):
    def get(self, request, *args, **kwargs):
        content = results_workbook(rubric=self.rubric, results=self.results())
        response = HttpResponse(
            content,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        filename = f"assessment-{self.rubric.year}-{datetime.date.today().isoformat()}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ManualValueForm(forms.Form):
    value = forms.DecimalField(
        label=gettext_lazy("数值"),
        max_digits=12,
        decimal_places=4,
        error_messages={"required": gettext_lazy("请填写数值。")},
        help_text=gettext_lazy("比例以小数表示（如 0.95 即 95%）；“是否”类填 1 或 0。"),
    )
    evidence = forms.CharField(
        label=gettext_lazy("依据"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": gettext_lazy("请填写数值的依据。")},
        help_text=gettext_lazy("检查记录、文件名称和文号、核查人等，可供追溯。"),
    )


class ManualValueView(ScopedMixin, WagtailAdminTemplateMixin, FormView):
    """手工填报: a figure the platform does not hold, for one agency, with its evidence."""

    template_name = "disclosure_assessment/manual_value.html"
    form_class = ManualValueForm
    header_icon = "edit"

    def dispatch(self, request, *args, **kwargs):
        if not user_manages_assessment(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("填报考核数据")

    def get_page_subtitle(self):
        return f"{self.indicator.name} · {self.unit.name}"

    def get_form(self, form_class=None):
        self.indicator = get_object_or_404(
            self.rubric.indicators, pk=self.kwargs["indicator_id"], measure=MANUAL
        )
        self.unit = self.visible_unit()
        return super().get_form(form_class)

    def get_initial(self):
        whose = (
            {"agency_id": self.kwargs["agency_id"]}
            if "agency_id" in self.kwargs
            else {"remote_agency_id": self.kwargs["remote_id"]}
        )
        manual = ManualValue.objects.filter(
            indicator_id=self.kwargs["indicator_id"], **whose
        ).first()
        return {"value": manual.value, "evidence": manual.evidence} if manual else {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(back_url=reverse("disclosure_assessment:results", args=[self.rubric.pk]))
        return context

    def form_valid(self, form):
        try:
            manual_value_save(
                indicator=self.indicator,
                unit=self.unit,
                value=form.cleaned_data["value"],
                evidence=form.cleaned_data["evidence"],
                user=self.request.user,
            )
        except AssessmentActionRefused as refused:
            form.add_error(None, str(refused))
            return self.form_invalid(form)
        return redirect("disclosure_assessment:results", self.rubric.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class RemoteSyncView(ScopedMixin, View):
    """The district pulls the aggregated sites' figures now (also done daily)."""

    def dispatch(self, request, *args, **kwargs):
        if not user_manages_assessment(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        years = trend_years(self.rubric.year)
        for result in remote_figures_sync_sources(years=years):
            if result.error:
                messages.error(
                    request,
                    _("%(source)s：%(error)s") % {"source": result.source, "error": result.error},
                )
            elif not result.served:
                messages.warning(
                    request,
                    _("%(source)s 的平台版本较早，尚不提供考核数据。") % {"source": result.source},
                )
            else:
                messages.success(
                    request,
                    _("%(source)s：已同步 %(count)s 个机关的考核数据。")
                    % {"source": result.source, "count": result.agencies},
                )
        return redirect("disclosure_assessment:results", self.rubric.pk)
