"""个人信息查看记录: every time staff open or export an applicant's, writer's or
proposer's personal data, who, when, which record and from where; read by the agency's
监督 and by 区政务公开办 (each their own agencies), exported for an assessor."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from gov_disclosure.core.client_ip import client_ip
from gov_disclosure.core.people import person_name
from gov_disclosure.pages.roles import agencies_where

from .models import AccessKind, PersonalDataAccess

PERMISSION = "disclosure_security.view_personaldataaccess"


def personal_data_viewed(
    request, *, record, agency_id, label: str, kind=AccessKind.VIEW, count: int = 1
) -> None:
    """Record that ``request.user`` saw the personal data of ``record`` (``count`` people,
    for an export)."""
    user = request.user
    PersonalDataAccess.objects.create(
        user=user,
        username=user.get_username(),
        agency_id=agency_id,
        kind=kind,
        record_type=record._meta.label_lower if record is not None else "",
        record_id=str(record.pk) if record is not None else "",
        record_label=str(label)[:200],
        count=count,
        address=client_ip(request),
    )


def _local_time(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")


class AccessFilterSet(WagtailFilterSet):
    at = django_filters.DateFromToRangeFilter(label=_("时间"), widget=DateRangePickerWidget)
    username = django_filters.CharFilter(label=_("账号"), lookup_expr="icontains")
    record_label = django_filters.CharFilter(label=_("记录"), lookup_expr="icontains")
    kind = django_filters.ChoiceFilter(label=_("方式"), choices=AccessKind.choices)

    class Meta:
        model = PersonalDataAccess
        fields = ["at", "username", "record_label", "kind"]


class AccessLogView(ReportView):
    page_title = _("个人信息查看记录")
    header_icon = "view"
    index_url_name = "disclosure_security:access_log"
    index_results_url_name = "disclosure_security:access_log_results"
    filterset_class = AccessFilterSet
    columns = [
        Column("at", label=_("时间"), accessor=lambda r: _local_time(r.at)),
        Column("user", label=_("查看人"), accessor=lambda r: person_name(r.user) or r.username),
        Column("agency", label=_("机关")),
        Column("kind", label=_("方式"), accessor="get_kind_display"),
        Column("record_label", label=_("记录")),
        Column("count", label=_("人数")),
        Column("address", label=_("来源地址")),
    ]
    list_export = ["at", "user", "username", "agency", "kind", "record_label", "count", "address"]
    export_headings = {
        "at": _("时间"),
        "user": _("查看人"),
        "username": _("账号"),
        "agency": _("机关"),
        "kind": _("方式"),
        "record_label": _("记录"),
        "count": _("人数"),
        "address": _("来源地址"),
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.custom_field_preprocess["at"] = {
            self.FORMAT_CSV: _local_time,
            self.FORMAT_XLSX: _local_time,
        }
        self.custom_field_preprocess["user"] = {
            self.FORMAT_CSV: person_name,
            self.FORMAT_XLSX: person_name,
        }
        self.custom_field_preprocess["kind"] = {
            self.FORMAT_CSV: lambda kind: AccessKind(kind).label,
            self.FORMAT_XLSX: lambda kind: AccessKind(kind).label,
        }

    def dispatch(self, request, *args, **kwargs):
        self.scope = agencies_where(request.user, PERMISSION)
        if not self.scope:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        records = PersonalDataAccess.objects.select_related("agency", "user")
        if not self.scope.everywhere:
            records = records.filter(agency_id__in=self.scope.agency_ids)
        return records.order_by("-at", "-pk")

    def get_filename(self):
        return "personal-data-access-" + timezone.localdate().isoformat()


def personal_data_listed(request, rows, *, label, kind=AccessKind.VIEW) -> None:
    """Record a list or an export showing several people's data: one record per agency,
    with how many people of it. ``rows``: (agency id, record) pairs."""
    per_agency: dict = {}
    for agency_id, _record in rows:
        per_agency[agency_id] = per_agency.get(agency_id, 0) + 1
    for agency_id, count in per_agency.items():
        personal_data_viewed(
            request, record=None, agency_id=agency_id, label=label, kind=kind, count=count
        )
