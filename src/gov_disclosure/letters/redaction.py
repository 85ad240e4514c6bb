"""Taking personal data out of a letter's public form, and checking it is out.

The same checkers as 保密审查 (gov_disclosure.review.checks.personal_data) find ID, mobile,
bank card numbers and e-mail addresses; the writer's own name, phone, e-mail and address are
found by their stored values, which patterns alone would miss (a name, an address).
"""

import re

from django.utils.translation import gettext as _

from gov_disclosure.review.checks.findings import CheckText, excerpt
from gov_disclosure.review.checks.personal_data import find_personal_data
from gov_disclosure.review.models import CheckFinding

from .models import Letter

NAME_MASK = "×××"
NUMBER_MASK = "***"
_KIND_LABELS = dict(CheckFinding.KIND_CHOICES)


# Where a Chinese address can be cut: a writer mentions "兴庄路12号", not the whole
# "宁波市镇海区庄市街道兴庄路12号" they typed in the form.
_ADDRESS_DIVISIONS = re.compile(r"(?<=省|市|区|县|镇|乡|道|村)")
_SHORTEST_ADDRESS_PART = 4


def _address_parts(address: str) -> list[str]:
    """The address and each of its tails after an administrative division, longest first."""
    cuts = [match.start() for match in _ADDRESS_DIVISIONS.finditer(address)]
    parts = {address[cut:] for cut in [0, *cuts]}
    return sorted(
        (part for part in parts if len(part) >= _SHORTEST_ADDRESS_PART), key=len, reverse=True
    )


def _writer_values(letter: Letter) -> list[tuple[str, str]]:
    writer = getattr(letter, "writer", None)
    if writer is None:
        return []
    values = [
        (writer.name, _("写信人姓名")),
        (writer.phone, _("写信人电话")),
        (writer.email, _("写信人电子邮箱")),
    ]
    values += [(part, _("写信人地址")) for part in _address_parts(writer.address.strip())]
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


def _personal_spans(text: str, letter: Letter) -> list[tuple[int, int, str]]:
    """Non-overlapping spans of personal data in ``text``, in order; where spans overlap
    (a phone found both as a mobile and as the writer's), the widest one wins."""
    spans = sorted(_pattern_spans(text) + _writer_spans(text, letter), key=lambda s: (s[0], -s[1]))
    merged: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if merged and start < merged[-1][1]:
            last_start, last_end, last_label = merged[-1]
            merged[-1] = (last_start, max(last_end, end), last_label)
        else:
            merged.append((start, end, label))
    return merged


def letter_redact(text: str, *, letter: Letter) -> str:
    """``text`` with personal data replaced by ``×××`` (the writer's name) or ``***``."""
    writer = getattr(letter, "writer", None)
    name = writer.name.strip() if writer else None
    for start, end, _label in reversed(_personal_spans(text, letter)):
        mask = NAME_MASK if text[start:end] == name else NUMBER_MASK
        text = text[:start] + mask + text[end:]
    return text


def public_text_problems(*, letter: Letter) -> list[str]:
    """What still carries personal data in the texts that would be published; empty if none."""
    pieces = [
        (_("公开标题"), letter.public_subject),
        (_("公开的来信内容"), letter.public_content),
        (_("答复内容"), letter.reply),
    ]
    return [
        _("%(field)s含有%(what)s：%(excerpt)s")
        % {"field": field_label, "what": label, "excerpt": excerpt(text, start, end, mask=True)}
        for field_label, text in pieces
        for start, end, label in _personal_spans(text, letter)
    ]
