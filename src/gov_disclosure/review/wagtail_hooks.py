from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from gov_disclosure.core.menu import PermissionMenuItem
from gov_disclosure.pages.models import DisclosureItemPage
from gov_disclosure.pages.models.mixins import OfficePermissionsMixin

from . import urls
from .middleware import PLATFORM_REPORT_MENU_ITEMS, user_reads_the_platform
from .models import SensitiveWord
from .panels import RejectedItemsPanel
from .selectors import rejected_items_for_author
from .views.accountability import PERMISSION as LOG_PERMISSION
from .views.timeliness import INTERPRETATION_PERMISSION
from .views.timeliness import PERMISSION as TIMELINESS_PERMISSION
from .views.unpublish import item_unpublish_confirmed


class SensitiveWordViewSet(SnippetViewSet):
    model = SensitiveWord
    icon = "warning"
    menu_label = _("敏感词")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["word", "level", "match_variants", "active", "note"]
    list_filter = ["level", "active"]
    search_fields = ["word", "note"]


register_snippet(SensitiveWordViewSet)


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("review/", include((urls, "disclosure_review"), namespace="disclosure_review"))]


@hooks.register("register_reports_menu_item")
def register_accountability_log_menu_item():
    return PermissionMenuItem(
        _("责任追究日志"),
        reverse("disclosure_review:accountability_log"),
        name="accountability-log",
        icon_name="history",
        order=50,
        permission=LOG_PERMISSION,
    )


@hooks.register("register_reports_menu_item")
def register_timeliness_menu_item():
    return PermissionMenuItem(
        _("公开时效报告"),
        reverse("disclosure_review:timeliness"),
        name="timeliness",
        icon_name="time",
        order=60,
        permission=TIMELINESS_PERMISSION,
    )


@hooks.register("register_reports_menu_item")
def register_interpretation_menu_item():
    return PermissionMenuItem(
        _("政策解读情况"),
        reverse("disclosure_review:interpretations"),
        name="interpretations",
        icon_name="doc-full",
        order=61,
        permission=INTERPRETATION_PERMISSION,
    )


@hooks.register("construct_reports_menu")
def hide_platform_reports(request, menu_items):
    if not user_reads_the_platform(request.user):
        menu_items[:] = [i for i in menu_items if i.name not in PLATFORM_REPORT_MENU_ITEMS]


@hooks.register("construct_homepage_panels")
def add_rejected_items_panel(request, panels):
    rows = rejected_items_for_author(user=request.user)
    if rows:
        panels.append(RejectedItemsPanel(rows))


@hooks.register("construct_page_action_menu")
def hide_review_link_in_the_editor(menu_items, request, context):
    """审阅 opens the step page for reviewers outside the editor; inside it would only save.

    Only in the editor of disclosure pages: a host site's own pages keep their menu."""
    if not isinstance(context.get("page"), OfficePermissionsMixin):
        return
    menu_items[:] = [
        item
        for item in menu_items
        if not (isinstance(item, WorkflowMenuItem) and item.name == "review")
    ]


@hooks.register("before_unpublish_page")
def unpublish_items_with_a_reason(request, page):
    """Taking an item down needs a reason in the log: its confirmation takes one."""
    if getattr(page.specific, "unpublish_needs_reason", False):
        return item_unpublish_confirmed(request, page.specific)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_unpublish_of_items(request, action_type, objects, action_class_instance):
    """Each unpublished item needs its own reason in the log: no bulk unpublishing of items."""
    if action_type != "unpublish":
        return None
    if any(isinstance(getattr(obj, "specific", obj), DisclosureItemPage) for obj in objects):
        messages.error(request, _("撤下公开信息须逐条写明原因，不能批量撤下。"))
        return redirect(request.GET.get("next") or "wagtailadmin_explore_root")
    return None


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action(
        "disclosure.check_override", _("保密审查说明理由"), _("保密审查：不予修改并说明理由")
    )
    actions.register_action("disclosure.unpublish", _("撤下（附原因）"), _("撤下公开信息"))
    actions.register_action(
        "disclosure.schedule_refused", _("拒绝未经审核的定时发布"), _("定时发布未经审核，已取消")
    )
    actions.register_action(
        "disclosure.validity_lapsed", _("有效性到期失效"), _("已到失效日期，有效性改为已失效")
    )
    actions.register_action("disclosure.roles_changed", _("角色变更"), _("用户角色变更"))
    actions.register_action(
        "disclosure.department_members_changed", _("部门信息员变更"), _("部门信息员变更")
    )
