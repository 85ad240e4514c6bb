"""The automated confidentiality checks (保密审查 aids), as pure functions over text.

Nothing here touches the database, so the checks run the same in the review
step, in tests and in the benchmark (bench/checker.py).
"""

from collections.abc import Iterable

from .findings import CheckText, Finding, Kind, Severity
from .markers import find_classification_markers
from .personal_data import find_personal_data
from .words import WordRule, matcher_for

__all__ = ["CheckText", "Finding", "Kind", "Severity", "WordRule", "run_checks"]


def run_checks(
    pieces: Iterable[CheckText],
    *,
    word_rules: tuple[WordRule, ...] = (),
    allowed_emails: frozenset[str] = frozenset(),
    emails_expected: bool = False,
) -> list[Finding]:
    """Every finding in ``pieces``, in reading order.

    ``emails_expected`` is set for items that publish contacts (办事指南): an
    e-mail address there is the point, not a leak.
    """
    matcher = matcher_for(word_rules)
    findings: list[Finding] = []
    for piece in pieces:
        findings.extend(
            find_personal_data(
                piece,
                allowed_emails=allowed_emails,
                check_email=not emails_expected and piece.field != "title",
            )
        )
        findings.extend(find_classification_markers(piece))
        findings.extend(matcher.find(piece))
    order = {"title": 0, "summary": 1, "body": 2, "attachment": 3}
    findings.sort(key=lambda finding: (order.get(finding.field, 9), finding.source, finding.start))
    return findings
