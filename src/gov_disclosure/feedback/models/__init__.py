from .campaigns import Answer, Campaign, Invitation, Question, QuestionKind, ReviewerGroup, Scale
from .proposals import (
    WITHHELD_GROUNDS,
    Proposal,
    ProposalAnswerKind,
    ProposalContact,
    ProposalSequence,
    ProposalState,
)
from .ratings import CommentState, Rating, Satisfaction, TargetKind

__all__ = [
    "Answer",
    "Campaign",
    "Invitation",
    "Question",
    "QuestionKind",
    "ReviewerGroup",
    "Scale",
    "WITHHELD_GROUNDS",
    "CommentState",
    "Proposal",
    "ProposalAnswerKind",
    "ProposalContact",
    "ProposalSequence",
    "ProposalState",
    "Rating",
    "Satisfaction",
    "TargetKind",
]
