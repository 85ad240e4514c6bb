"""Reads of 群众点题: who sees which, the proposer's lookup, the public list, counts."""

from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from gov_disclosure.core.tracking_codes import tracking_code_normalise
from gov_disclosure.pages.models import DisclosureIndexPage, DisclosureItemPage
from gov_disclosure.pages.roles import AgencyScope, agencies_where, users_with_permission

from ..models import Proposal, ProposalAnswerKind, ProposalState

VIEW_PROPOSALS = "disclosure_feedback.view_proposal"
MANAGE_PROPOSALS = "disclosure_feedback.manage_proposals"


def proposal_agencies(user) -> AgencyScope:
    """Where ``user`` reads proposals (党政办, 监督, the district)."""
    return agencies_where(user, VIEW_PROPOSALS) | agencies_where(user, MANAGE_PROPOSALS)


def proposals_visible_to(*, user) -> QuerySet[Proposal]:
    return proposal_agencies(user).filter(Proposal.objects.select_related("agency", "item"))


def user_may_answer(*, user, proposal: Proposal) -> bool:
    return proposal.agency_id in agencies_where(user, MANAGE_PROPOSALS)


def proposal_managers(*, agency_id: int):
    """Who is told of a new proposal: the agency's 党政办 (not superusers)."""
    return users_with_permission(
        "disclosure_feedback", "manage_proposals", agency_id=agency_id, include_superusers=False
    )


def proposal_lookup(*, code: str) -> Proposal | None:
    """The proposal a tracking code opens (the code alone: it asks for no phone number)."""
    normalised = tracking_code_normalise(code)
    if not normalised:
        return None
    return (
        Proposal.objects.select_related("agency", "item").filter(tracking_code=normalised).first()
    )


def proposals_public(*, agency: DisclosureIndexPage) -> QuerySet[Proposal]:
    """The agency's answered proposals, newest answer first."""
    return (
        Proposal.objects.filter(agency=agency, state=ProposalState.ANSWERED)
        .select_related("item")
        .order_by("-answered_at", "-pk")
    )


def items_public_among(proposals) -> set[int]:
    """Which of the proposals' linked items the public can read (one query): an item is
    shown with its proposal only once it is published and public."""
    ids = {proposal.item_id for proposal in proposals if proposal.item_id}
    if not ids:
        return set()
    return set(
        DisclosureItemPage.objects.live().public().filter(pk__in=ids).values_list("pk", flat=True)
    )


def item_shown(proposal: Proposal) -> bool:
    return bool(items_public_among([proposal]))


@dataclass(frozen=True)
class ProposalCounts:
    received: int
    answered: int
    answered_on_time: int
    open: int
    overdue: int
    by_answer: dict[str, int]

    @property
    def on_time_rate(self) -> float | None:
        """按期答复率: answered by the due day, as a share of those answered or overdue."""
        due = self.answered + self.overdue
        return self.answered_on_time / due if due else None


def proposal_counts(proposals: QuerySet[Proposal]) -> ProposalCounts:
    today = timezone.localdate()
    answered = Q(state=ProposalState.ANSWERED)
    figures = proposals.aggregate(
        received=Count("pk"),
        answered=Count("pk", filter=answered),
        answered_on_time=Count("pk", filter=answered & Q(answered_on__lte=F("answer_due_on"))),
        open=Count("pk", filter=Q(state=ProposalState.RECEIVED)),
        overdue=Count("pk", filter=Q(state=ProposalState.RECEIVED, answer_due_on__lt=today)),
        **{
            f"by_{kind.value}": Count("pk", filter=answered & Q(answer_kind=kind.value))
            for kind in ProposalAnswerKind
        },
    )
    by_answer = {kind.value: figures.pop(f"by_{kind.value}") for kind in ProposalAnswerKind}
    return ProposalCounts(by_answer=by_answer, **figures)
