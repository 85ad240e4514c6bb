"""Reads of 民主评议: whose campaigns a user runs, an invitation's state, the results."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from gov_disclosure.core.tracking_codes import tracking_code_normalise
from gov_disclosure.pages.roles import AgencyScope, agencies_where

from ..models import Answer, Campaign, Invitation, Question, QuestionKind, Scale

MANAGE_CAMPAIGNS = "disclosure_feedback.change_campaign"


def campaign_agencies(user) -> AgencyScope:
    """Where ``user`` runs 民主评议 (党政办; the district reads every agency's)."""
    return agencies_where(user, MANAGE_CAMPAIGNS) | agencies_where(
        user, "disclosure_feedback.view_campaign"
    )


def campaigns_visible_to(*, user) -> QuerySet[Campaign]:
    return campaign_agencies(user).filter(Campaign.objects.select_related("agency"))


def user_runs_campaign(*, user, campaign: Campaign) -> bool:
    return campaign.agency_id in agencies_where(user, MANAGE_CAMPAIGNS)


def invitation_by_code(code: str) -> Invitation | None:
    normalised = tracking_code_normalise(code)
    if not normalised:
        return None
    return (
        Invitation.objects.select_related("campaign", "campaign__agency")
        .filter(code=normalised)
        .first()
    )


def campaign_is_open(campaign: Campaign, *, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return campaign.opens_on <= today <= campaign.closes_on


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    counts: list[tuple[str, int]]  # (scale label, answers), 很满意 first
    answered: int
    average: float | None  # on the five-point scale
    satisfied_share: float | None  # 很满意, 满意 and 基本满意
    texts: list[str]


def campaign_results(*, campaign: Campaign) -> list[QuestionResult]:
    """Each question's answers counted (scales) or listed (texts), never by reviewer."""
    answers = Answer.objects.filter(invitation__campaign=campaign)
    results = []
    for question in campaign.questions.all():
        mine = answers.filter(question=question)
        if question.kind == QuestionKind.TEXT:
            texts = [text for text in mine.exclude(text="").values_list("text", flat=True)]
            results.append(QuestionResult(question, [], len(texts), None, None, texts))
            continue
        tally = Counter(mine.exclude(scale=None).values_list("scale", flat=True))
        answered = sum(tally.values())
        results.append(
            QuestionResult(
                question,
                [(choice.label, tally.get(choice.value, 0)) for choice in Scale],
                answered,
                sum(v * n for v, n in tally.items()) / answered if answered else None,
                sum(n for v, n in tally.items() if v >= Scale.BASIC) / answered
                if answered
                else None,
                [],
            )
        )
    return results
