"""Matching the office's sensitive and banned-word list, exactly or in variant spellings.

Variant matching finds a word written with full-width letters, in traditional
characters, in another letter case, or with spaces and symbols pushed between
its characters (法 轮*功). Matching runs on a normalised copy of the text with a
map back to the original positions, so findings point at what the author wrote.
Both passes use an Aho-Corasick automaton: one scan of the text for the whole list.
"""

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
import opencc

from .findings import CheckText, Finding, Kind, Severity, excerpt

_to_simplified = opencc.OpenCC("t2s")


@dataclass(frozen=True)
class WordRule:
    word: str
    blocking: bool
    variants: bool


def _is_separator(char: str) -> bool:
    # Punctuation, spaces, symbols and control characters hide nothing of a word.
    return unicodedata.category(char)[0] in "PZSC"


def normalise(text: str) -> tuple[str, list[int]]:
    """The text in a canonical spelling, and for each of its characters the original index."""
    chars: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        for folded in unicodedata.normalize("NFKC", char).casefold():
            if not _is_separator(folded):
                chars.append(folded)
                positions.append(index)
    folded_text = "".join(chars)
    simplified = _to_simplified.convert(folded_text)
    # t2s is character for character almost always; a rare phrase rule that
    # changes the length would break the position map, so keep the folded text then.
    return (simplified if len(simplified) == len(folded_text) else folded_text), positions


class WordMatcher:
    def __init__(self, rules: Iterable[WordRule]):
        self._exact = ahocorasick.Automaton()
        self._variant = ahocorasick.Automaton()
        for rule in rules:
            if not rule.word.strip():
                continue
            self._exact.add_word(rule.word, rule)
            if rule.variants:
                key, _ = normalise(rule.word)
                if key:
                    self._variant.add_word(key, (rule, len(key)))
        self._has_exact = len(self._exact) > 0
        self._has_variant = len(self._variant) > 0
        if self._has_exact:
            self._exact.make_automaton()
        if self._has_variant:
            self._variant.make_automaton()

    def find(self, piece: CheckText) -> Iterator[Finding]:
        text = piece.text
        seen: set[tuple[int, int]] = set()
        if self._has_exact:
            for last, rule in self._exact.iter(text):
                start, end = last - len(rule.word) + 1, last + 1
                seen.add((start, end))
                yield _finding(piece, rule, start, end)
        if not self._has_variant:
            return
        normalised, positions = normalise(text)
        for last, (rule, key_length) in self._variant.iter(normalised):
            start = positions[last - key_length + 1]
            end = positions[last] + 1
            if (start, end) not in seen:
                seen.add((start, end))
                yield _finding(piece, rule, start, end)


def _finding(piece: CheckText, rule: WordRule, start: int, end: int) -> Finding:
    return Finding(
        kind=Kind.BANNED_WORD if rule.blocking else Kind.SENSITIVE_WORD,
        severity=Severity.BLOCKING if rule.blocking else Severity.WARNING,
        field=piece.field,
        source=piece.source,
        start=start,
        end=end,
        excerpt=excerpt(piece.text, start, end),
        rule=rule.word,
    )


@lru_cache(maxsize=8)
def matcher_for(rules: tuple[WordRule, ...]) -> WordMatcher:
    """A matcher per distinct word list: rebuilding the automaton per check would waste time."""
    return WordMatcher(rules)
