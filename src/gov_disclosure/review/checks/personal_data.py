"""Personal data that must not be published: resident ID, mobile, bank card numbers, e-mail.

Each pattern is validated beyond its shape (ID check digit and birth date, Luhn
for cards), so ordinary runs of digits in tables and laws do not fire.
"""

import datetime
import re
from collections.abc import Iterator

from .findings import CheckText, Finding, Kind, Severity, excerpt

_ID_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
    r"(?![0-9A-Za-z])"
)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

_MOBILE = re.compile(r"(?<![\d+])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)")
# 16 to 19 digits, optionally grouped by spaces or hyphens as cards are printed.
_CARD = re.compile(r"(?<![\d-])[3-6]\d{3}(?:[ -]?\d){12,15}(?![\d-])")
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)

# Addresses of government bodies are contacts the office is meant to publish.
OFFICIAL_EMAIL_SUFFIXES = (".gov.cn", "@gov.cn")


def id_check_character(body17: str) -> str:
    """The 18th character of a resident ID (GB 11643, ISO 7064 MOD 11-2) for its first 17 digits."""
    total = sum(int(digit) * weight for digit, weight in zip(body17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def is_valid_id_number(value: str) -> bool:
    if len(value) != 18:
        return False
    try:
        datetime.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return False
    return id_check_character(value[:17]) == value[17].upper()


def passes_luhn(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        digit = int(char)
        if position % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def find_personal_data(
    piece: CheckText, *, allowed_emails: frozenset[str] = frozenset(), check_email: bool = True
) -> Iterator[Finding]:
    text = piece.text
    id_spans = []
    for match in _ID_NUMBER.finditer(text):
        if is_valid_id_number(match.group()):
            id_spans.append(match.span())
            yield _finding(piece, match, Kind.ID_NUMBER)
    for match in _MOBILE.finditer(text):
        yield _finding(piece, match, Kind.MOBILE)
    for match in _CARD.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if 16 <= len(digits) <= 19 and passes_luhn(digits) and match.span() not in id_spans:
            yield _finding(piece, match, Kind.BANK_CARD)
    if not check_email:
        return
    for match in _EMAIL.finditer(text):
        address = match.group().lower()
        if address in allowed_emails or address.endswith(OFFICIAL_EMAIL_SUFFIXES):
            continue
        yield _finding(piece, match, Kind.EMAIL)


def _finding(piece: CheckText, match: re.Match, kind: str) -> Finding:
    start, end = match.span()
    return Finding(
        kind=kind,
        severity=Severity.BLOCKING,
        field=piece.field,
        source=piece.source,
        start=start,
        end=end,
        excerpt=excerpt(piece.text, start, end, mask=True),
    )
