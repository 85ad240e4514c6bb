"""Chinese text analysis shared by every engine: the index's terms and the query's words.

Each engine indexes the same terms made here, so they agree on what matches:

* text is *folded* first: full-width forms to half-width, upper to lower case,
  traditional to simplified characters, one character for one character so a
  position in the folded text is the same position in the original;
* a *unit* is one Chinese character or a run of letters and digits (``2012``, ``covid``);
* a field's *grams* are the pairs of neighbouring units (``预算执行`` → 预算 算执 执行;
  ``2012年`` → 2012年); a unit standing alone between punctuation is its own gram.
  A word of two or more units matches where its grams stand in a row, which is
  where the word appears in the text, however the segmenter would cut the sentence;
* every unit of a document is also a *char* term, so one-character words are found.

The query side segments a run of Chinese into words with jieba (see ``query_words.py``);
each word is then matched as a phrase of its grams.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

import opencc

# CJK ideographs (basic, extension A, compatibility, and the supplementary planes).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Runs of word characters: what separators (punctuation, spaces, symbols) cut apart.
_SEGMENT = re.compile(r"[^\W_]+")
_UNIT = re.compile(rf"[{HAN}]|[^\W_{HAN}]+")
_HAN_ONLY = re.compile(rf"[{HAN}]+")
# A unit longer than this (a hash, an encoded blob) is cut: nobody searches for it whole.
MAX_UNIT_CHARS = 40

# Full-width letters, digits and quotation mark, and the ideographic space, to their
# half-width forms. Full-width punctuation (，：（）) is left: it separates words either
# way, and nearly every Chinese text has some, so the common case needs no translation.
_WIDE = "０-９Ａ-Ｚａ-ｚ＂\u3000"
_WIDTH = {
    code: (0x20 if code == 0x3000 else code - 0xFEE0)
    for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
    + [0xFF02, 0x3000]
}
_HAS_WIDE = re.compile(f"[{_WIDE}]")
_to_simplified = opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def fold(text: str) -> str:
    """``text`` with full-width forms, case and traditional characters folded, same length."""
    if not text:
        return ""
    if _HAS_WIDE.search(text):
        text = text.translate(_WIDTH)
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter (İ) lowers to two characters
        lowered = "".join(_fold_char(char) for char in text)
    simplified = _to_simplified.convert(lowered)
    # t2s converts character for character almost always; should a phrase rule change
    # the length, keep the unconverted text so positions still line up.
    return simplified if len(simplified) == len(lowered) else lowered


def segments(folded: str) -> list[list[str]]:
    """The units of ``folded`` text, in runs that separators cut apart."""
    return [
        # Most runs of a Chinese text are Chinese characters only: each is a unit.
        list(segment)
        if _HAN_ONLY.fullmatch(segment)
        else [unit[:MAX_UNIT_CHARS] for unit in _UNIT.findall(segment)]
        for segment in _SEGMENT.findall(folded)
    ]


def segment_grams(units: list[str]) -> list[str]:
    if len(units) == 1:
        return units
    return [a + b for a, b in zip(units, units[1:], strict=False)]


def grams(text: str) -> list[str]:
    """The index terms of ``text``, in order (see the module's docstring)."""
    return [gram for units in segments(fold(text)) for gram in segment_grams(units)]


def terms(text: str) -> tuple[list[str], set[str]]:
    """The grams of ``text`` and its distinct units, from one segmentation."""
    runs = segments(fold(text))
    return (
        [gram for units in runs for gram in segment_grams(units)],
        {unit for units in runs for unit in units},
    )


def chars(texts: Iterable[str]) -> list[str]:
    """Every distinct unit of ``texts``, sorted: what one-unit words are matched against."""
    found: set[str] = set()
    for text in texts:
        for units in segments(fold(text)):
            found.update(units)
    return sorted(found)


def key(text: str) -> str:
    """``text`` folded without its separators: ``庄街〔2012〕15号``, ``庄街[2012]15号`` and
    ``庄街2012 15号`` share the key ``庄街201215号``. Titles, 文号 and 索引号 are found
    exactly by their keys."""
    return "".join(unit for units in segments(fold(text or "")) for unit in units)
