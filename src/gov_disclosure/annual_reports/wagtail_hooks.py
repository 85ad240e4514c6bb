from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from gov_disclosure.core.menu import PermissionMenuItem
from gov_disclosure.pages.roles import agencies_where

from . import reminders
from .admin_views import (
    PERMISSION,
    URL_NAMESPACE,
    ReportDraftDownloadView,
    ReportIndexView,
    ReportSubmitView,
)
from .panels import ReportDeadlinesPanel
from .viewsets import AnnualReportsGroup


@hooks.register("register_admin_viewset")
def register_annual_reports():
    return AnnualReportsGroup()


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("", ReportIndexView.as_view(), name="index"),
        path("<int:report_id>/submit/", ReportSubmitView.as_view(), name="submit"),
        path(
            "<int:report_id>/download.<slug:kind>",
            ReportDraftDownloadView.as_view(),
            name="download",
        ),
    ]
    return [path("annual-reports/", include((urls, URL_NAMESPACE), namespace=URL_NAMESPACE))]


@hooks.register("register_annual_reports_menu_item")
def register_reports_menu_item():
    return PermissionMenuItem(
        _("年度报告"),
        reverse(f"{URL_NAMESPACE}:index"),
        icon_name="doc-full",
        order=0,
        permission=PERMISSION,
    )


@hooks.register("construct_homepage_panels")
def add_report_deadlines_panel(request, panels):
    if not request.user.has_perm(PERMISSION):
        return
    today = timezone.localdate()
    report_year = today.year - 1
    scope = agencies_where(request.user, PERMISSION)
    pending = [
        entry
        for entry in reminders.reports_pending(reminders.PUBLICATION, report_year=report_year)
        if entry.agency.pk in scope
    ]
    if pending:
        panels.append(
            ReportDeadlinesPanel(
                report_year=report_year,
                pending=pending,
                submission_due=reminders.deadline(reminders.SUBMISSION, report_year=report_year),
                publication_due=reminders.deadline(reminders.PUBLICATION, report_year=report_year),
                today=today,
            )
        )


@hooks.register("insert_global_admin_css")
def report_table_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("disclosure_annual_reports/editor.css")
    )


@hooks.register("register_log_actions")
def register_report_log_actions(actions):
    actions.register_action(
        "annual_report.generate", _("生成年度报告"), _("按数据生成或更新年度报告")
    )
    actions.register_action("annual_report.submit", _("报送年度报告"), _("年度报告报送区政府"))
