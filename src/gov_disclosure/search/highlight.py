"""Highlighted passages around the words found, cut in Python for every engine.

Words are found in the folded text (``analysis.fold`` keeps every position), so
``預算`` and ``ＣＯＶＩＤ`` in a document are marked for the words 预算 and covid,
and a 文号 typed without its brackets is marked where the item writes them.
"""

import html
import re
from functools import lru_cache

from . import analysis

FRAGMENT_CHARS = 80
# Fragments are looked for in the first this many characters of a text: a long
# attachment is searched whole, but a result shows where it first mentions the words.
SCAN_CHARS = 20_000


@lru_cache(maxsize=256)
def _pattern(words: tuple[str, ...]) -> re.Pattern | None:
    alternatives = []
    for word in sorted({w for w in words if w}, key=len, reverse=True):
        units = [unit for segment in analysis.segments(word) for unit in segment]
        if not units:
            continue
        # Between the units of a word, the text may put punctuation the query left out.
        alternatives.append(r"[\W_]{0,3}".join(re.escape(unit) for unit in units))
    return re.compile("|".join(alternatives)) if alternatives else None


def _marked(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    parts, position = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        parts.append(html.escape(text[position:span_start], quote=False))
        parts.append(f"<em>{html.escape(text[span_start:span_end], quote=False)}</em>")
        position = span_end
    parts.append(html.escape(text[position:end], quote=False))
    return " ".join("".join(parts).split())


def _spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    pattern = _pattern(tuple(words))
    if not text or pattern is None:
        return []
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(analysis.fold(text)):
        if spans and spans[-1][1] == match.start():  # 预算 and 管理 side by side: one mark
            spans[-1] = (spans[-1][0], match.end())
        else:
            spans.append(match.span())
    return spans


def marked_text(text: str, words: list[str]) -> str:
    """All of ``text``, HTML-escaped, the words in ``<em>``; "" when none is in it."""
    spans = _spans(text, words)
    return _marked(text, spans, 0, len(text)) if spans else ""


def fragments(
    text: str, words: list[str], *, size: int = FRAGMENT_CHARS, count: int = 2
) -> list[str]:
    """Up to ``count`` passages of about ``size`` characters around the words,
    HTML-escaped with only ``<em>`` added."""
    # Most texts name the words early: look in a short head first, further only if needed.
    for limit in (2_000, SCAN_CHARS):
        head = text[:limit]
        passages = _passages(head, _spans(head, words), size=size, count=count)
        if len(passages) == count or len(text) <= limit:
            break
    return passages


def _passages(text: str, spans: list[tuple[int, int]], *, size: int, count: int) -> list[str]:
    passages: list[str] = []
    covered_until = -1
    for span_start, span_end in spans:
        if span_start < covered_until:
            continue
        start = max(0, span_start - (size - (span_end - span_start)) // 2)
        end = min(len(text), start + size)
        start = max(0, min(start, end - size))
        passages.append(_marked(text, spans, start, end))
        covered_until = end
        if len(passages) == count:
            break
    return passages
