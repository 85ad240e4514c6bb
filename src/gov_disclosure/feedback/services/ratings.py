"""Writes to ratings: a rating received, a comment moderated."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from gov_disclosure.page_cache.store import page_cache_clear

from ..models import CommentState, Rating
from ..selectors.ratings import RatingTarget, user_may_moderate

APPROVE_COMMENT = "disclosure_feedback.approve_comment"
REJECT_COMMENT = "disclosure_feedback.reject_comment"


class RatingActionRefused(Exception):
    """A moderation the rating's state or the user's role does not allow."""


def rating_submit(*, target: RatingTarget, satisfaction: str, comment: str = "") -> Rating:
    """Record the public's rating of ``target``; a comment waits for moderation."""
    comment = comment.strip()
    return Rating.objects.create(
        agency=target.agency,
        kind=target.kind,
        item=target.item,
        letter=target.letter,
        target_title=target.title[:255],
        satisfaction=satisfaction,
        comment=comment,
        comment_state=CommentState.PENDING if comment else CommentState.NONE,
    )


@transaction.atomic
def rating_comment_moderate(*, rating: Rating, user, approve: bool) -> Rating:
    """党政办 approves a comment (the district and the public see it) or keeps it hidden.

    A decision can be changed later (a comment approved by mistake is hidden again)."""
    current = Rating.objects.select_for_update().get(pk=rating.pk)
    if not user_may_moderate(user=user, rating=current):
        raise RatingActionRefused(_("您无权审核此留言。"))
    if current.comment_state == CommentState.NONE:
        raise RatingActionRefused(_("此评价没有留言。"))
    state = CommentState.APPROVED if approve else CommentState.REJECTED
    if current.comment_state == state:
        raise RatingActionRefused(
            _("留言已是“%(state)s”。") % {"state": current.get_comment_state_display()}
        )
    current.comment_state = state
    current.moderated_by = user
    current.moderated_at = timezone.now()
    current.save(update_fields=["comment_state", "moderated_by", "moderated_at"])
    log(
        instance=current,
        action=APPROVE_COMMENT if approve else REJECT_COMMENT,
        user=user,
        data={"satisfaction": current.satisfaction},
    )
    page_cache_clear()  # the agency's public ratings page lists approved comments
    return current
