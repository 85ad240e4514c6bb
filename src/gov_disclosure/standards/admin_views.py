"""标准目录 in the admin: the agencies' applied areas and their coverage (监督 and the
district read it), and applying an area to a catalogue (党政办)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from gov_disclosure.pages.models import DisclosureIndexPage
from gov_disclosure.pages.roles import agencies_where

from .forms import ApplyAreaForm, CoverageYearForm
from .models import AppliedArea
from .selectors import applied_areas, area_coverage
from .services import ApplyError, standard_area_apply
from .spec import available_areas

VIEW_PERMISSION = "disclosure_standards.view_appliedarea"
APPLY_PERMISSION = "disclosure_standards.apply_standard"
URL_NAMESPACE = "disclosure_standards"


class StandardsView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "list-ul"

    def get_breadcrumbs_items(self):
        items = self.breadcrumbs_items + [
            {"url": reverse(f"{URL_NAMESPACE}:index"), "label": gettext_lazy("标准目录")}
        ]
        return items + ([{"url": "", "label": self.page_title}] if self.subpage else [])

    subpage = True

    def dispatch(self, request, *args, **kwargs):
        self.scope = agencies_where(request.user, VIEW_PERMISSION)
        self.apply_scope = agencies_where(request.user, APPLY_PERMISSION)
        if not (self.scope or self.apply_scope):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def year(self) -> tuple[int, CoverageYearForm]:
        form = CoverageYearForm(self.request.GET or {"year": timezone.localdate().year})
        year = form.cleaned_data["year"] if form.is_valid() else timezone.localdate().year
        return year, form


class StandardIndexView(StandardsView):
    """Per agency the user may see: the areas applied, and how many 事项 are covered."""

    template_name = "disclosure_standards/index.html"
    page_title = gettext_lazy("基层政务公开标准目录")
    subpage = False

    def get(self, request, *args, **kwargs):
        year, form = self.year()
        scope = self.scope | self.apply_scope
        agencies = scope.filter(DisclosureIndexPage.objects.order_by("path"), "pk")
        by_agency = {agency.pk: [] for agency in agencies}
        for applied in applied_areas(agencies=scope).order_by("agency__path", "key"):
            by_agency.setdefault(applied.agency_id, []).append(
                area_coverage(applied=applied, year=year)
            )
        rows = [
            (agency, by_agency.get(agency.pk, []), agency.pk in self.apply_scope)
            for agency in agencies
        ]
        context = self.get_context_data(rows=rows, year=year, form=form)
        return self.render_to_response(context, status=200 if form.is_valid() else 400)


class AreaCoverageView(StandardsView):
    """One applied area: per 公开事项, what was published and whether the 公开时限 is met."""

    template_name = "disclosure_standards/coverage.html"

    def get(self, request, applied_id: int):
        applied = get_object_or_404(AppliedArea.objects.select_related("agency"), pk=applied_id)
        if applied.agency_id not in self.scope and applied.agency_id not in self.apply_scope:
            raise PermissionDenied
        year, form = self.year()
        coverage = area_coverage(applied=applied, year=year)
        only_gaps = request.GET.get("only") == "gaps"
        slots = [s for s in coverage.slots if not (only_gaps and s.is_covered)]
        self.page_title = f"{applied.agency.agency_name} · {applied.area}"
        context = self.get_context_data(
            applied=applied,
            coverage=coverage,
            slots=slots,
            only_gaps=only_gaps,
            year=year,
            form=form,
            can_apply=applied.agency_id in self.apply_scope,
        )
        return self.render_to_response(context, status=200 if form.is_valid() else 400)


class ApplyAreaView(StandardsView):
    """党政办 applies an area to its agency: first the area, then where each 事项 goes."""

    template_name = "disclosure_standards/apply.html"
    page_title = gettext_lazy("应用标准目录")

    def dispatch(self, request, *args, agency_id: int, **kwargs):
        self.agency = get_object_or_404(DisclosureIndexPage, pk=agency_id)
        return super().dispatch(request, *args, **kwargs)

    def _check(self):
        if self.agency.pk not in self.apply_scope:
            raise PermissionDenied

    def _area(self, key):
        if not key:
            return None
        area = available_areas().get(key)
        if area is None:
            raise Http404(_("没有这个标准目录领域。"))
        return area

    def _form(self, area, data=None):
        slots = {}
        applied = AppliedArea.objects.filter(agency=self.agency, key=area.key).first()
        if applied is not None:
            slots = {slot.code: slot for slot in applied.slots.all()}
        initial = {"area_category": applied.category_id} if applied and applied.category_id else {}
        return ApplyAreaForm(data, agency=self.agency, area=area, slots=slots, initial=initial)

    def _render(self, area, form, status=200):
        applied = {a.key: a for a in AppliedArea.objects.filter(agency=self.agency)}
        areas = [
            (candidate, applied.get(candidate.key), len(candidate.township_matters))
            for candidate in available_areas().values()
        ]
        context = self.get_context_data(agency=self.agency, areas=areas, area=area, form=form)
        return self.render_to_response(context, status=status)

    def get(self, request, *args, **kwargs):
        self._check()
        area = self._area(request.GET.get("area"))
        return self._render(area, self._form(area) if area else None)

    def post(self, request, *args, **kwargs):
        self._check()
        area = self._area(request.POST.get("area"))
        if area is None:
            raise Http404(_("没有这个标准目录领域。"))
        form = self._form(area, request.POST)
        if not form.is_valid():
            return self._render(area, form, status=400)
        try:
            applied = standard_area_apply(
                agency=self.agency,
                area=area,
                user=request.user,
                level=form.cleaned_data["level"],
                area_category=form.cleaned_data.get("area_category"),
                mapping=form.mapping(),
            )
        except ApplyError as error:
            form.add_error(None, str(error))
            return self._render(area, form, status=400)
        messages.success(
            request,
            _("已应用“%(area)s”：%(count)s 个公开事项。")
            % {"area": area.area, "count": applied.slots.count()},
        )
        return redirect(f"{URL_NAMESPACE}:coverage", applied.pk)
