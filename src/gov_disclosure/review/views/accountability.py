"""责任追究日志: every logged action of an agency, for its 党政办 and 监督 (the district:
every agency and the platform), with export.

Wagtail's site history shows each user only the objects they may edit;
supervisors edit nothing yet must see everything of their agency, so this report
reads the log entries about the agencies where the reader holds its permission.
"""

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import IntegerField, Q, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import PageLogEntry

from gov_disclosure.pages.models import Department, DisclosureItemPage
from gov_disclosure.pages.roles import NOWHERE, agencies_where
from gov_disclosure.review.selectors import log_entries_of_agencies

PERMISSION = "disclosure_review.view_accountability_log"


def _local_time(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")


def _all_log_models():
    return list(log_action_registry.get_log_entry_models())


class AccountabilityLogFilterSet(SiteHistoryReportFilterSet):
    department = django_filters.ModelChoiceFilter(
        label=_("部门"),
        queryset=Department.objects.order_by("agency", "code"),
        method="filter_department",
        empty_label=_("全部部门"),
    )

    def __init__(self, *args, **kwargs):
        # Before the base class, which asks get_users_queryset for its choices.
        request = kwargs.get("request")
        self.scope = agencies_where(request.user, PERMISSION) if request is not None else NOWHERE
        super().__init__(*args, **kwargs)
        self.filters["department"].queryset = self.scope.filter(
            Department.objects.order_by("agency", "code")
        )

    def filter_department(self, queryset, name, value):
        """Entries about the department's items, its members and the department itself."""
        if not value:
            return queryset
        if issubclass(queryset.model, PageLogEntry):
            items = DisclosureItemPage.objects.filter(publisher=value).values("pk")
            return queryset.filter(page_id__in=items)
        User = get_user_model()
        member_ids = [str(pk) for pk in value.members.values_list("pk", flat=True)]
        return queryset.filter(
            Q(content_type=ContentType.objects.get_for_model(Department), object_id=str(value.pk))
            | Q(content_type=ContentType.objects.get_for_model(User), object_id__in=member_ids)
        )

    def get_action_choices(self):
        used = set()
        for model in _all_log_models():
            used.update(model.objects.all().get_actions())
        return [choice for choice in log_action_registry.get_choices() if choice[0] in used]

    def get_users_queryset(self):
        # Whoever acted in the log; for an agency's reader, that agency's staff only.
        ids = set()
        for model in _all_log_models():
            ids.update(model.objects.all().get_user_ids())
        User = get_user_model()
        users = User.objects.filter(pk__in=ids)
        if not self.scope.everywhere:
            users = users.filter(
                groups__disclosure_agency_role__agency_id__in=self.scope.agency_ids
            ).distinct()
        return users.order_by(User.USERNAME_FIELD)


class AccountabilityLogView(LogEntriesView):
    page_title = _("责任追究日志")
    results_template_name = "disclosure_review/accountability_log_results.html"
    header_icon = "history"
    filterset_class = AccountabilityLogFilterSet
    index_url_name = "disclosure_review:accountability_log"
    index_results_url_name = "disclosure_review:accountability_log_results"

    export_headings = {
        "timestamp": _("时间"),
        "user_display_name": _("操作人"),
        "action": _("操作"),
        "label": _("对象"),
        "content_type": _("类型"),
        "object_id": _("对象ID"),
        "revision_id": _("版本"),
        "note": _("意见或理由"),
    }
    list_export = list(export_headings)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Local time, as officials read it, in both formats.
        self.custom_field_preprocess["timestamp"] = {
            self.FORMAT_CSV: _local_time,
            self.FORMAT_XLSX: _local_time,
        }

    def dispatch(self, request, *args, **kwargs):
        self.scope = agencies_where(request.user, PERMISSION)
        if not self.scope:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return "accountability-log-" + super().get_filename().removeprefix("audit-log-")

    def get_filtered_queryset(self):
        # As Wagtail's LogEntriesView, with the reader's agencies in place of
        # ``viewable_by_user``.
        self.log_models = _all_log_models()
        queryset = None
        for index, model in enumerate(self.log_models):
            sub = (
                log_entries_of_agencies(model.objects.all(), self.scope)
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            )
            sub = self.filter_queryset(sub).order_by()
            queryset = sub if queryset is None else queryset.union(sub, all=True)
        return queryset.order_by("-timestamp")

    def decorate_paginated_queryset(self, queryset):
        entries = super().decorate_paginated_queryset(queryset)
        for entry in entries:
            data = entry.data or {}
            entry.note = data.get("comment") or data.get("reason") or ""
        return entries
