"""Taking personal data out of a letter's public form, and checking it is out.

The same checkers as 保密审查 (review.checks.personal_data) find ID, mobile, bank card
numbers and e-mail addresses; the writer's own name, phone, e-mail and address are
found by their stored values, which patterns alone would miss (a name, an address).
"""

import re

from django.utils.translation import gettext as _

from review.checks.findings import CheckText, excerpt
from review.checks.personal_data import find_personal_data
from review.models import CheckFinding

from .models import Letter

NAME_MASK = "×××"
NUMBER_MASK = "***"
_KIND_LABELS = dict(CheckFinding.KIND_CHOICES)


def _writer_values(letter: Letter) -> list[tuple[str, str]]:
    writer = getattr(letter, "writer", None)
    if writer is None:
        return []
    values = [
        (writer.name, _("写信人姓名")),
        (writer.phone, _("写信人电话")),
        (writer.email, _("写信人电子邮箱")),
        (writer.address, _("写信人地址")),
    ]
    # A one-character name would mask every occurrence of a common character.
    return [(value.strip(), label) for value, label in values if len(value.strip()) >= 2]


def _pattern_spans(text: str) -> list[tuple[int, int, str]]:
    return [
        (finding.start, finding.end, _KIND_LABELS.get(finding.kind, finding.kind))
        for finding in find_personal_data(CheckText(field="letter", source="", text=text))
    ]


def _writer_spans(text: str, letter: Letter) -> list[tuple[int, int, str]]:
    return [
        (match.start(), match.end(), label)
        for value, label in _writer_values(letter)
        for match in re.finditer(re.escape(value), text)
    ]


def letter_redact(text: str, *, letter: Letter) -> str:
    """``text`` with personal data replaced by ``×××`` (names) or ``***`` (the rest)."""
    writer = getattr(letter, "writer", None)
    spans = sorted(_pattern_spans(text) + _writer_spans(text, letter), reverse=True)
    covered_from = len(text) + 1
    for start, end, _label in spans:
        if end > covered_from:
            continue  # overlaps a span already masked
        mask = NAME_MASK if writer and text[start:end] == writer.name.strip() else NUMBER_MASK
        text = text[:start] + mask + text[end:]
        covered_from = start
    return text


def public_text_problems(*, letter: Letter) -> list[str]:
    """What still carries personal data in the texts that would be published; empty if none."""
    pieces = [
        (_("公开标题"), letter.public_subject),
        (_("公开的来信内容"), letter.public_content),
        (_("答复内容"), letter.reply),
    ]
    problems = []
    for field_label, text in pieces:
        for start, end, label in sorted(_pattern_spans(text) + _writer_spans(text, letter)):
            problems.append(
                _("%(field)s含有%(what)s：%(excerpt)s")
                % {
                    "field": field_label,
                    "what": label,
                    "excerpt": excerpt(text, start, end, mask=True),
                }
            )
    return problems
