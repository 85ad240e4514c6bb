"""The office's side in the Wagtail admin: the requests and appeals viewsets, the list's
filters and columns (the views themselves are in ``admin_views``)."""

import django_filters
from django.contrib.auth import get_user_model
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from gov_disclosure.core.admin_columns import DayColumn
from gov_disclosure.core.admin_filters import recent_year_choices
from gov_disclosure.core.people import person_name
from gov_disclosure.pages.agency_admin import agency_scoped

from .admin_forms import UserChoiceField
from .admin_views import (
    URL_NAMESPACE,
    RegisterRequestView,
    RequestActionView,
    RequestEditView,
    RequestHistoryView,
    RequestIndexView,
    RequestInspectView,
    RequestUsageView,
    applicant_field,
    request_file,
)
from .models import Appeal, DisclosureRequest, State
from .permissions import ManagersOnlyPermissionPolicy, RequestPermissionPolicy
from .selectors import request_clock, requests_due_soon, requests_overdue, requests_visible_to

register_permission_policy(DisclosureRequest, RequestPermissionPolicy(DisclosureRequest))
register_permission_policy(Appeal, ManagersOnlyPermissionPolicy(Appeal))


class PersonFilter(django_filters.ModelChoiceFilter):
    field_class = UserChoiceField  # people by their names


class RequestFilterSet(WagtailFilterSet):
    state = django_filters.MultipleChoiceFilter(label=gettext_lazy("状态"), choices=State.choices)
    due = django_filters.ChoiceFilter(
        label=gettext_lazy("期限"),
        choices=[("due_soon", gettext_lazy("即将到期")), ("overdue", gettext_lazy("已超期"))],
        method="filter_due",
        empty_label=gettext_lazy("全部"),
    )
    handler = PersonFilter(
        label=gettext_lazy("承办人"),
        # The handlers of the requests the user sees: not another agency's staff.
        queryset=lambda request: (
            get_user_model()
            .objects.filter(pk__in=requests_visible_to(user=request.user).values("handler"))
            .order_by("username")
        ),
    )
    year = django_filters.ChoiceFilter(
        label=gettext_lazy("收到年份"),
        field_name="received_on__year",
        choices=recent_year_choices,
        empty_label=gettext_lazy("全部年份"),
    )

    class Meta:
        model = DisclosureRequest
        fields = ["state", "due", "handler", "year", "agency", "applicant_category", "channel"]

    def filter_due(self, queryset, name, value):
        today = timezone.localdate()
        if value == "due_soon":
            return requests_due_soon(queryset, today=today)
        if value == "overdue":
            return requests_overdue(queryset, today=today)
        return queryset


def _due_text(request: DisclosureRequest) -> str:
    clock = request_clock(request=request)
    if clock.paused:
        return _("暂停计时")
    if request.state == State.CORRECTION:
        return _("待补正")
    if not clock.answer_due_on:
        return "—"
    text = clock.answer_due_on.isoformat()
    if clock.overdue:
        return _("%(date)s（已超期）") % {"date": text}
    if clock.answered_late:
        return _("%(date)s（超期答复）") % {"date": text}
    return text


class DisclosureRequestViewSet(ModelViewSet):
    model = DisclosureRequest
    icon = "mail"
    menu_label = gettext_lazy("申请办理")
    url_namespace = URL_NAMESPACE
    url_prefix = "disclosure-requests"
    index_view_class = RequestIndexView
    inspect_view_class = RequestInspectView
    edit_view_class = RequestEditView
    history_view_class = RequestHistoryView
    usage_view_class = RequestUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = RequestFilterSet
    # Searched in the database, never through a search index: applicants' data stays out
    # (the applicant is found by name or phone in RequestIndexView).
    search_backend_name = None
    search_fields = ["reference", "tracking_code", "description"]
    list_per_page = 50
    list_display = [
        "reference",
        DayColumn("received_on", sort_key="received_on", label=gettext_lazy("收到日期")),
        Column(
            "applicant",
            label=gettext_lazy("申请人"),
            accessor=applicant_field("name", purged=gettext_lazy("（已清除）")),
        ),
        "applicant_category",
        "state",
        Column("handler", label=gettext_lazy("承办人"), accessor=lambda r: person_name(r.handler)),
        Column("due", label=gettext_lazy("答复期限"), accessor=_due_text),
        "answer_type",
    ]
    export_headings = {
        "applicant.name": gettext_lazy("申请人"),
        "applicant.phone": gettext_lazy("联系电话"),
        "applicant.email": gettext_lazy("电子邮箱"),
    }
    form_fields = ["description", "purpose", "information_form", "delivery"]

    @property
    def add_view(self):
        return RegisterRequestView.as_view()

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("action/<int:pk>/<slug:action>/", RequestActionView.as_view(), name="action"),
            path("file/<int:pk>/<slug:kind>/<int:file_id>/", request_file, name="file"),
        ]


@agency_scoped
class AppealViewSet(ModelViewSet):
    model = Appeal
    icon = "clipboard-list"
    menu_label = gettext_lazy("复议诉讼")
    url_prefix = "disclosure-appeals"
    copy_view_enabled = False
    list_display = [
        "kind",
        "case_number",
        DayColumn("filed_on", sort_key="filed_on", label=gettext_lazy("受理日期")),
        "authority",
        "request",
        "result",
        DayColumn("decided_on", sort_key="decided_on", label=gettext_lazy("审结日期")),
    ]
    list_filter = ["kind", "result", "agency"]
    form_fields = [
        "agency",
        "request",
        "kind",
        "filed_on",
        "authority",
        "case_number",
        "result",
        "decided_on",
        "note",
    ]
    search_backend_name = None
    search_fields = ["case_number", "authority", "note"]


class RequestsGroup(ViewSetGroup):
    menu_label = gettext_lazy("依申请公开")
    menu_icon = "mail"
    menu_order = 240
    items = (
        DisclosureRequestViewSet("disclosure_requests_admin"),
        AppealViewSet("disclosure_appeals"),
    )
