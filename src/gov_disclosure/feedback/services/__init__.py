"""Writes to ratings and proposals."""

from .proposals import (
    ANSWER,
    REVISE,
    SUBMIT,
    ProposalActionRefused,
    proposal_answer,
    proposal_submit,
)
from .ratings import (
    APPROVE_COMMENT,
    REJECT_COMMENT,
    RatingActionRefused,
    rating_comment_moderate,
    rating_submit,
)

__all__ = [
    "ANSWER",
    "APPROVE_COMMENT",
    "REJECT_COMMENT",
    "REVISE",
    "SUBMIT",
    "ProposalActionRefused",
    "RatingActionRefused",
    "proposal_answer",
    "proposal_submit",
    "rating_comment_moderate",
    "rating_submit",
]
