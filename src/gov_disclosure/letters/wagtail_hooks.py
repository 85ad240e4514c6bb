from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup

from .models import OPEN_STATES, LetterState
from .panels import LetterCountsPanel
from .selectors import (
    letter_statistics_agencies,
    letters_visible_to,
    user_has_letter_role,
    user_works_on_letters,
)
from .transitions import ACTIONS, APPROVE, MANAGE, REPLY, log_action_name
from .viewsets import LetterViewSet


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(letter_statistics_agencies(request.user))


class LettersGroup(ViewSetGroup):
    menu_label = gettext_lazy("网民信件")
    menu_icon = "mail"
    menu_order = 245
    items = (LetterViewSet("letters_admin"),)
    submenu_hook = "register_letters_menu_item"


@hooks.register("register_letters_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(
        gettext_lazy("办理统计"),
        reverse("disclosure_letters_admin:statistics"),
        icon_name="table",
        order=900,
    )


@hooks.register("register_admin_viewset")
def register_letters():
    return LettersGroup()


@hooks.register("construct_homepage_panels")
def add_letter_counts_panel(request, panels):
    user = request.user
    if not user_works_on_letters(user):
        return
    visible = letters_visible_to(user=user)
    index = reverse("disclosure_letters_admin:index")
    counts = []
    if user_has_letter_role(user, MANAGE):
        unassigned = visible.filter(state=LetterState.RECEIVED).count()
        counts.append((_("封待分办"), unassigned, f"{index}?state=received", False))
    if user_has_letter_role(user, REPLY):
        to_answer = visible.filter(state=LetterState.ASSIGNED).count()
        counts.append((_("封待答复"), to_answer, f"{index}?state=assigned", False))
    if user_has_letter_role(user, APPROVE):
        to_approve = visible.filter(state=LetterState.AWAITING_APPROVAL).count()
        counts.append((_("封待审签"), to_approve, f"{index}?state=awaiting_approval", False))
    overdue = visible.filter(
        state__in=OPEN_STATES,
        reply_due_on__lt=timezone.localdate(),
    ).count()
    counts.append((_("封已超期"), overdue, f"{index}?overdue=true", bool(overdue)))
    panels.append(LetterCountsPanel(counts))


@hooks.register("register_log_actions")
def register_letter_log_actions(actions):
    for name, action in ACTIONS.items():
        actions.register_action(log_action_name(name), action.label, action.label)
