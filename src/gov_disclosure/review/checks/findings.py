"""What a check reports: a finding with where it is and a short, masked excerpt."""

from dataclasses import dataclass

EXCERPT_CONTEXT = 12


class Kind:
    ID_NUMBER = "id_number"
    MOBILE = "mobile"
    BANK_CARD = "bank_card"
    EMAIL = "email"
    CLASSIFICATION = "classification"
    BANNED_WORD = "banned_word"
    SENSITIVE_WORD = "sensitive_word"
    UNREADABLE_ATTACHMENT = "unreadable_attachment"


class Severity:
    BLOCKING = "blocking"
    WARNING = "warning"


@dataclass(frozen=True)
class CheckText:
    """One piece of an item's text: ``field`` is title/summary/body/attachment."""

    field: str
    source: str
    text: str


@dataclass(frozen=True)
class Finding:
    kind: str
    severity: str
    field: str
    source: str
    start: int
    end: int
    excerpt: str
    rule: str = ""

    @property
    def is_blocking(self) -> bool:
        return self.severity == Severity.BLOCKING


def excerpt(text: str, start: int, end: int, *, mask: bool = False) -> str:
    """The match with a little context; personal data is masked so the excerpt leaks nothing."""
    matched = text[start:end]
    if mask:
        matched = mask_middle(matched)
    before = text[max(0, start - EXCERPT_CONTEXT) : start]
    after = text[end : end + EXCERPT_CONTEXT]
    prefix = "…" if start > EXCERPT_CONTEXT else ""
    suffix = "…" if end + EXCERPT_CONTEXT < len(text) else ""
    return " ".join(f"{prefix}{before}【{matched}】{after}{suffix}".split())


def mask_middle(value: str) -> str:
    """Keep the first 3 and last 4 characters (as banks and ID readers print them)."""
    if "@" in value:
        name, _, domain = value.partition("@")
        return f"{name[:2]}***@{domain}"
    keep_head, keep_tail = 3, 4
    if len(value) <= keep_head + keep_tail:
        return value[:1] + "*" * (len(value) - 1)
    middle = "".join("*" if ch.isalnum() else ch for ch in value[keep_head:-keep_tail])
    return value[:keep_head] + middle + value[-keep_tail:]
