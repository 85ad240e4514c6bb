from .access import ReviewReports
from .findings import CheckFinding, RevisionCheck
from .tasks import ConfidentialityReviewTask, SignOffTask
from .words import SensitiveWord

__all__ = [
    "CheckFinding",
    "ConfidentialityReviewTask",
    "ReviewReports",
    "RevisionCheck",
    "SensitiveWord",
    "SignOffTask",
]
