import functools

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from gov_disclosure.pages.roles import agencies_where

from .forms import RatingForm
from .models import ProposalState, TargetKind
from .panels import FeedbackPanel
from .selectors import MANAGE_PROPOSALS, MODERATE, comments_pending, proposals_visible_to
from .services import ANSWER, APPROVE_COMMENT, REJECT_COMMENT, REVISE, SUBMIT
from .services.campaigns import INVITE, SUMMARY
from .viewsets import CampaignViewSet, ProposalViewSet, RatingViewSet


class FeedbackGroup(ViewSetGroup):
    menu_label = _("公众参与")
    menu_icon = "group"
    menu_order = 255
    items = (
        RatingViewSet("ratings_admin"),
        ProposalViewSet("proposals_admin"),
        CampaignViewSet("campaigns_admin"),
    )


@hooks.register("register_admin_viewset")
def register_feedback():
    return FeedbackGroup()


@hooks.register("construct_homepage_panels")
def add_feedback_panel(request, panels):
    user = request.user
    counts = []
    if agencies_where(user, MODERATE):
        url = reverse("disclosure_feedback_admin:index") + "?comment_state=pending"
        counts.append((_("条留言待审核"), comments_pending(user=user).count(), url, False))
    if agencies_where(user, MANAGE_PROPOSALS):
        waiting = proposals_visible_to(user=user).filter(state=ProposalState.RECEIVED)
        index = reverse("disclosure_proposals_admin:index")
        counts.append((_("条点题待答复"), waiting.count(), f"{index}?state=received", False))
        overdue = waiting.filter(answer_due_on__lt=timezone.localdate()).count()
        counts.append((_("条点题已超期"), overdue, f"{index}?overdue=true", bool(overdue)))
    if counts:
        panels.append(FeedbackPanel(counts))


@hooks.register("register_log_actions")
def register_feedback_log_actions(actions):
    for action, label in (
        (APPROVE_COMMENT, _("审核通过留言")),
        (REJECT_COMMENT, _("留言不予显示")),
        (SUBMIT, _("收到点题")),
        (ANSWER, _("答复点题")),
        (REVISE, _("修改点题答复")),
        (INVITE, _("邀请评议人")),
        (SUMMARY, _("生成评议结果信息")),
    ):
        actions.register_action(action, label, label)


@functools.cache
def _rating_form_rendered(kind: str, language: str) -> str:
    context = {"form": RatingForm(auto_id="rating_%s"), "target_kind": kind, "target_id": 0}
    return render_to_string("disclosure_feedback/rating_form.html", context)


def _rating_form(kind: str, pk: int) -> str:
    """The form for one page: rendered once per process and language (it is the same on
    every page but for where it posts), as it adds to every uncached item page."""
    html = _rating_form_rendered(kind, get_language())
    placeholder = reverse("disclosure_feedback:rate", args=[kind, 0])
    url = reverse("disclosure_feedback:rate", args=[kind, pk])
    return mark_safe(html.replace(f'action="{placeholder}"', f'action="{url}"'))


@hooks.register("disclosure_slot_item_page_end")
def item_rating_form(*, request, target):
    return _rating_form(TargetKind.ITEM, target.pk)


@hooks.register("disclosure_slot_letter_answer_end")
def letter_rating_form(*, request, target):
    return _rating_form(TargetKind.LETTER, target.pk)
