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
