"""The office's annual-report pages in the admin: the list with "generate", the
submission to the district, draft downloads and the CSV import of yearly figures."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from gov_disclosure.pages.roles import agencies_where, agency_id_of_page

from . import selectors, services, tables
from .exports import report_download
from .forms import FiguresImportForm, GenerateReportForm, SubmitReportForm
from .models import AnnualReportPage

PERMISSION = "disclosure_annual_reports.generate_annual_report"
URL_NAMESPACE = "annual_reports_admin"


class ReportAccessMixin:
    """The permission to generate reports, for an agency whose catalogue the user may add to."""

    permission = PERMISSION
    report_model = AnnualReportPage

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_report(self, report_id: int):
        report = get_object_or_404(self.report_model, pk=report_id)
        user = self.request.user
        if not (
            report.permissions_for_user(user).can_edit()
            and agency_id_of_page(report, cache_on=user) in agencies_where(user, self.permission)
        ):
            raise PermissionDenied
        return report


class GenerateReportView(ReportAccessMixin, WagtailAdminTemplateMixin, FormView):
    """A list of reports with the form to generate one (agency and year); subclasses say
    how a report is generated and what the office is told."""

    form_class = GenerateReportForm
    header_icon = "doc-full"

    @cached_property
    def agencies(self):
        return selectors.agencies_for_reports(user=self.request.user, permission=self.permission)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "agencies": self.agencies}

    def generate(self, *, agency, year: int, user):
        raise NotImplementedError

    def tell(self, result) -> None:
        """Messages after a generation."""

    def form_valid(self, form):
        try:
            result = self.generate(
                agency=form.cleaned_data["agency"],
                year=form.cleaned_data["year"],
                user=self.request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        self.tell(result)
        return redirect("wagtailadmin_pages:edit", result.report.pk)


class ReportIndexView(GenerateReportView):
    """Every report of the user's agencies, with its state, and the form to generate one."""

    template_name = "disclosure_annual_reports/admin/index.html"
    page_title = gettext_lazy("年度报告")

    def generate(self, *, agency, year: int, user):
        return services.report_generate(agency=agency, year=year, user=user)

    def tell(self, result) -> None:
        report = result.report
        if result.created:
            messages.success(
                self.request,
                _("已按 %(year)s 年的数据生成报告草稿，请核对后提交审核。") % {"year": report.year},
            )
        else:
            messages.success(self.request, _("已按最新数据更新报告草稿。"))
        if report.year >= timezone.localdate().year:
            messages.warning(
                self.request,
                _("%(year)s 年尚未结束：报告中的数据截至今天，年度结束后请重新生成。")
                % {"year": report.year},
            )
        if result.overview_kept:
            messages.warning(
                self.request,
                _("“一、总体情况”已有修改，未被覆盖；按最新数据生成的文字见编辑页顶部。"),
            )
        if result.kept_cells:
            messages.warning(
                self.request,
                _("以下单元格保留了您修改过的数值（与最新数据不同）：%(cells)s")
                % {"cells": "；".join(result.kept_cells)},
            )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = []
        for agency in self.agencies:
            reports = AnnualReportPage.objects.child_of(agency).order_by("-year")
            for report in reports:
                rows.append(
                    {
                        "agency": agency,
                        "report": report,
                        "submission": selectors.report_latest_submission(report=report),
                    }
                )
        context["rows"] = rows
        return context


class ReportSubmitView(ReportAccessMixin, WagtailAdminTemplateMixin, FormView):
    """Record that the report went to the district (报送区政府)."""

    template_name = "disclosure_annual_reports/admin/submit.html"
    form_class = SubmitReportForm
    header_icon = "doc-full"
    page_title = gettext_lazy("报送区政府")

    def dispatch(self, request, *args, report_id: int, **kwargs):
        self.report_id = report_id
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def report(self) -> AnnualReportPage:
        return self.get_report(self.report_id)

    def get_page_subtitle(self):
        return self.report.title

    def form_valid(self, form):
        try:
            services.report_submit(
                report=self.report,
                user=self.request.user,
                submitted_on=form.cleaned_data["submitted_on"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, _("已登记报送。"))
        return redirect(f"{URL_NAMESPACE}:index")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        draft = self.report.get_latest_revision_as_object()
        context.update(
            report=self.report,
            imbalances=tables.request_imbalances(draft.table(tables.REQUESTS)),
            submissions=self.report.submissions.select_related("submitted_by"),
        )
        return context


class ReportDraftDownloadView(ReportAccessMixin, View):
    """The latest revision as XLSX or PDF, for checking and for sending to the district."""

    # kind → function making the file; None: the annual report's (exports.BUILDERS).
    builders = None

    def get(self, request, report_id: int, kind: str):
        if kind not in ("xlsx", "pdf"):
            raise Http404
        report = self.get_report(report_id)
        revision = report.get_latest_revision()
        return report_download(
            revision.as_object(), kind, revision_id=revision.pk, builders=self.builders
        )


class FiguresImportView(WagtailAdminTemplateMixin, FormView):
    """Yearly figures from a CSV file, all rows or none."""

    template_name = "disclosure_annual_reports/admin/figures_import.html"
    form_class = FiguresImportForm
    header_icon = "upload"
    page_title = gettext_lazy("导入年度统计数据")

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        self.scope = agencies_where(user, "disclosure_annual_reports.add_annualfigures") & (
            agencies_where(user, "disclosure_annual_reports.change_annualfigures")
        )
        if not self.scope:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        from gov_disclosure.pages.models import DisclosureIndexPage

        return {
            **super().get_form_kwargs(),
            "agencies": self.scope.filter(DisclosureIndexPage.objects.order_by("path"), "pk"),
        }

    def form_valid(self, form):
        try:
            result = services.figures_import_csv(
                agency=form.cleaned_data["agency"],
                content=form.cleaned_data["file"].read(),
                user=self.request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error("file", message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("已导入：新增 %(created)s 个年度，更新 %(updated)s 个年度。")
            % {"created": result.created, "updated": result.updated},
        )
        return redirect(reverse("annual_figures:index"))
