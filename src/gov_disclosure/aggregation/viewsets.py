"""Admin of the district's sources, the items mirrored from them and the records held back."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from gov_disclosure.core.admin_columns import DayColumn

from .forms import SourceForm
from .models import MirroredItem, QuarantinedRecord, Source


class ReceivedOnlyPermissionPolicy(ModelPermissionPolicy):
    """Records that only a sync writes: nobody adds or edits them in the admin."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)


register_permission_policy(MirroredItem, ReceivedOnlyPermissionPolicy(MirroredItem))
register_permission_policy(QuarantinedRecord, ReceivedOnlyPermissionPolicy(QuarantinedRecord))


def _status(source: Source) -> str:
    if not source.enabled:
        return _("已停用")
    if source.last_error:
        return _("出错（连续 %(n)d 次）：%(error)s") % {
            "n": source.failures,
            "error": source.last_error[:80],
        }
    return _("正常") if source.last_success_at else _("尚未同步")


class SourceViewSet(ModelViewSet):
    model = Source
    icon = "site"
    menu_label = _("汇聚来源")
    list_display = [
        "name",
        "base_url",
        Column("status", label=_("状态"), accessor=_status),
        DateColumn("last_success_at", label=_("最近成功")),
        Column("items", label=_("信息数"), accessor=lambda s: s.items.count()),
        Column("quarantined", label=_("隔离记录"), accessor=lambda s: s.quarantined.count()),
    ]
    list_filter = ["enabled"]
    search_fields = ["name", "base_url"]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return SourceForm


class MirroredItemViewSet(ModelViewSet):
    model = MirroredItem
    icon = "doc-full"
    menu_label = _("汇聚信息")
    inspect_view_enabled = True
    list_display = [
        "title",
        "source",
        "index_number",
        "publisher_name",
        DayColumn("publish_date", sort_key="publish_date", label=_("发布日期")),
        "validity",
        DateColumn("synced_at", label=_("同步时间")),
    ]
    list_filter = ["source", "validity"]
    search_fields = ["title", "index_number", "document_number"]
    form_fields = []


class QuarantinedRecordViewSet(ModelViewSet):
    model = QuarantinedRecord
    icon = "warning"
    menu_label = _("隔离记录")
    inspect_view_enabled = True
    list_display = ["source", "remote_id", "error", DateColumn("received_at", label=_("收到时间"))]
    list_filter = ["source"]
    form_fields = []


class AggregationGroup(ViewSetGroup):
    menu_label = _("信息汇聚")
    menu_icon = "site"
    menu_order = 250
    # The roll-up of annual reports joins the group through this hook (wagtail_hooks).
    submenu_hook = "register_aggregation_menu_item"
    items = (SourceViewSet("sources"), MirroredItemViewSet("mirrored_items"),
             QuarantinedRecordViewSet("quarantined_records"))  # fmt: skip
