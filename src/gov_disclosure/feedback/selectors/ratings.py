"""Reads of ratings: what may be rated, who sees which rating, the counts."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.urls import reverse

from gov_disclosure.letters.models import Letter
from gov_disclosure.pages.models import DisclosureIndexPage, DisclosureItemPage
from gov_disclosure.pages.roles import AgencyScope, agencies_where
from gov_disclosure.pages.selectors import agency_for_page, public_agencies

from ..models import CommentState, Rating, Satisfaction, TargetKind

VIEW = "disclosure_feedback.view_rating"
MODERATE = "disclosure_feedback.moderate_ratings"


@dataclass(frozen=True)
class RatingTarget:
    """What the public rates: a published item or a published letter answer."""

    kind: str
    pk: int
    agency: DisclosureIndexPage
    title: str
    url: str
    item: DisclosureItemPage | None = None
    letter: Letter | None = None


def rating_target(*, kind: str, pk: int) -> RatingTarget | None:
    """The public item or published letter answer ``kind``/``pk``, or None: drafts,
    private pages, unpublished letters and agencies the public cannot reach are not rated."""
    if kind == TargetKind.ITEM:
        item = DisclosureItemPage.objects.live().public().defer("body").filter(pk=pk).first()
        agency = item and agency_for_page(page=item)
        if agency is None or not public_agencies().filter(pk=agency.pk).exists():
            return None
        return RatingTarget(kind, pk, agency, item.title, item.url, item=item)
    if kind == TargetKind.LETTER:
        letter = (
            Letter.objects.select_related("agency")
            .filter(pk=pk, published_at__isnull=False, agency__in=public_agencies())
            .first()
        )
        if letter is None:
            return None
        url = reverse("disclosure_letters:answer", args=[letter.agency_id, letter.pk])
        return RatingTarget(kind, pk, letter.agency, letter.public_subject, url, letter=letter)
    return None


def rating_agencies(user) -> AgencyScope:
    """Where ``user`` reads ratings (党政办, 监督, the district)."""
    return agencies_where(user, VIEW) | agencies_where(user, MODERATE)


def ratings_visible_to(*, user) -> QuerySet[Rating]:
    return rating_agencies(user).filter(Rating.objects.select_related("agency"))


def user_may_moderate(*, user, rating: Rating) -> bool:
    return rating.agency_id in agencies_where(user, MODERATE)


def comment_visible(*, user, rating: Rating) -> bool:
    """A comment is read by the agency's moderators until approved, by every reader after."""
    if rating.comment_state == CommentState.APPROVED:
        return True
    return rating.comment_state != CommentState.NONE and user_may_moderate(user=user, rating=rating)


@dataclass(frozen=True)
class RatingCounts:
    satisfied: int = 0
    basic: int = 0
    unsatisfied: int = 0

    @property
    def total(self) -> int:
        return self.satisfied + self.basic + self.unsatisfied

    @property
    def satisfaction_rate(self) -> float | None:
        """满意率: 满意 and 基本满意 as a share of all ratings (None without any)."""
        if not self.total:
            return None
        return (self.satisfied + self.basic) / self.total


def rating_counts(ratings: QuerySet[Rating]) -> RatingCounts:
    figures = ratings.aggregate(
        **{
            choice.value: Count("pk", filter=Q(satisfaction=choice.value))
            for choice in Satisfaction
        }
    )
    return RatingCounts(**figures)


def comments_pending(*, user) -> QuerySet[Rating]:
    """Comments waiting for ``user``'s moderation."""
    return agencies_where(user, MODERATE).filter(
        Rating.objects.filter(comment_state=CommentState.PENDING)
    )


def comments_public(*, agency: DisclosureIndexPage) -> QuerySet[Rating]:
    """Approved comments of the agency, newest first, with what they rate."""
    return Rating.objects.filter(agency=agency, comment_state=CommentState.APPROVED).order_by(
        "-created_at", "-pk"
    )
