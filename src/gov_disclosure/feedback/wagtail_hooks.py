import functools

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from gov_disclosure.pages.roles import agencies_where

from .forms import RatingForm
from .models import TargetKind
from .panels import PendingCommentsPanel
from .selectors import MODERATE, comments_pending
from .services import APPROVE_COMMENT, REJECT_COMMENT
from .viewsets import RatingViewSet


@hooks.register("register_admin_viewset")
def register_ratings():
    return RatingViewSet("ratings_admin")


@hooks.register("construct_homepage_panels")
def add_pending_comments_panel(request, panels):
    if agencies_where(request.user, MODERATE):
        panels.append(PendingCommentsPanel(comments_pending(user=request.user).count()))


@hooks.register("register_log_actions")
def register_rating_log_actions(actions):
    actions.register_action(APPROVE_COMMENT, _("审核通过留言"), _("审核通过留言"))
    actions.register_action(REJECT_COMMENT, _("留言不予显示"), _("留言不予显示"))


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
