"""What the user typed, as words: the same for every engine.

* Whitespace and list punctuation (，、；) separate words, and every word must match.
* A run of Chinese without spaces is cut into words by jieba, with the office's own
  terms (keywords, synonyms) in its dictionary. A compound the dictionary can tile
  (财政预算 → 财政 预算) is cut further, so an item saying 预算 and 财政 apart is still
  found; items where the run stands whole rank higher. Function words (的, 关于, 如何)
  are dropped when other words remain.
* Text in quotation marks ("…", “…”, 「…」) is one exact phrase. So is a word written
  with brackets, as a 文号 is (庄街〔2012〕15号).
* Nothing typed is query syntax: the words only ever become phrases of index terms.
"""

import logging
import re
import threading
from dataclasses import dataclass, field
from functools import cached_property

from . import analysis

MAX_WORDS = 12
# Function words dropped from a segmented run while other words remain.
_FUNCTION_WORDS = (
    "的 地 得 了 着 过 和 与 及 或 在 是 对 为 于 之 其 等 把 被 从 以 将 由 而 也 并 且 就 都 向 "
    "有关 关于 以及 及其 或者 一个 一些 我们 你们 什么 怎么 怎样 如何 哪些 哪里 哪个 多少 "
    "吗 呢 吧 啊 呀 请问 想 要 能 可以"
)
STOPWORDS = frozenset(_FUNCTION_WORDS.split())
_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」|『([^』]*)』')
# Separators between words; other punctuation (brackets, slashes, dots) stays inside one.
_WORD_BREAK = re.compile(r"[\s,;!?。，、；：！？]+")
_BRACKETS = re.compile(r"[\[\]()〔〕【】（）<>《》〈〉]")


@dataclass(frozen=True)
class Word:
    """One word to find: a phrase of index grams, or a single unit (a char term)."""

    text: str
    grams: tuple[str, ...]
    # Other ways of saying it (the office's synonyms); any one of them matches.
    alternatives: tuple["Word", ...] = ()

    @property
    def single(self) -> bool:
        """One unit (税, 2012): matched against the document's char terms."""
        return _one_unit(self.text)

    @classmethod
    def of(cls, text: str, alternatives: tuple["Word", ...] = ()) -> "Word":
        return cls(
            text=analysis.fold(text), grams=tuple(analysis.grams(text)), alternatives=alternatives
        )


@dataclass
class ParsedQuery:
    words: list[Word]
    # Runs the segmenter cut into several words: found whole, they rank higher.
    runs: list[Word] = field(default_factory=list)
    # The whole text as a key (see analysis.key): an exact title, 文号 or 索引号.
    key: str = ""

    @cached_property
    def highlighted(self) -> list[str]:
        """Every folded string a result may show marked."""
        found = []
        for word in self.words:
            for variant in (word, *word.alternatives):
                if variant.text and variant.text not in found:
                    found.append(variant.text)
        return found


class Segmenter:
    """jieba, with the office's terms added to its dictionary as they appear."""

    def __init__(self):
        self._lock = threading.Lock()
        self._tokenizer = None
        self._added: set[str] = set()
        # Which vocabulary build the office's keywords were last loaded from.
        self.vocabulary_version = None

    @property
    def tokenizer(self):
        if self._tokenizer is None:
            with self._lock:
                if self._tokenizer is None:
                    import jieba

                    jieba.setLogLevel(logging.WARNING)
                    tokenizer = jieba.Tokenizer()
                    tokenizer.initialize()
                    self._tokenizer = tokenizer
        return self._tokenizer

    def add_words(self, words) -> None:
        """Add ``words`` (folded, as synonyms and the vocabulary keep them) to the
        dictionary; those added before cost a set lookup, so callers may repeat them."""
        new = set(words) - self._added
        if not new:
            return
        tokenizer = self.tokenizer
        with self._lock:
            for word in new:
                if len(word) > 1:
                    tokenizer.add_word(word)
            self._added |= new

    def is_office_word(self, word: str) -> bool:
        return word in self._added

    def known(self, word: str) -> bool:
        return self.tokenizer.FREQ.get(word, 0) > 0

    def cut(self, run: str) -> list[str]:
        """``run`` (folded, no separators) as words: jieba's cut, compounds tiled further,
        single units that stand together (庄 市, 2012 年) joined again."""
        tokens = []
        for token in self.tokenizer.cut(run, HMM=True):
            tokens.extend(self._tiled(token))
        # Single units jieba left standing next to each other are most often a name it
        # does not know (庄 市) or a number and its unit (2012 年): one word again.
        words: list[str] = []
        joined_from_singles = False
        for token in tokens:
            single = _one_unit(token) and token not in STOPWORDS
            if single and words and joined_from_singles:
                words[-1] += token
            else:
                words.append(token)
                joined_from_singles = single
        return words

    def _tiled(self, token: str) -> list[str]:
        # Only Chinese compounds of 3+ characters that are not the office's own terms.
        if len(token) < 3 or not all(_is_han(char) for char in token):
            return [token]
        if self.is_office_word(token):
            return [token]
        tiling = self._tiling(token)
        return tiling or [token]

    def _tiling(self, token: str) -> list[str] | None:
        """``token`` as dictionary words of two or more characters, fewest pieces first."""
        best: dict[int, list[str]] = {0: []}
        for end in range(2, len(token) + 1):
            options = [
                best[start] + [token[start:end]]
                for start in range(0, end - 1)
                if start in best
                and (start, end) != (0, len(token))
                and self.known(token[start:end])
            ]
            if options:
                best[end] = min(options, key=len)
        return best.get(len(token))


def _is_han(text: str) -> bool:
    return bool(text) and bool(re.fullmatch(f"[{analysis.HAN}]+", text))


def _one_unit(text: str) -> bool:
    units = analysis.segments(text)
    return len(units) == 1 and len(units[0]) == 1


segmenter = Segmenter()


def parse_query(text: str, *, synonyms: dict[str, tuple[str, ...]] | None = None) -> ParsedQuery:
    """``text`` as typed → the words to find (see the module's docstring).

    ``synonyms`` maps a folded term to the folded terms that also mean it.
    """
    synonyms = synonyms or {}
    if synonyms:
        segmenter.add_words(synonyms)
    folded = analysis.fold(" ".join(text.split()))
    words: list[Word] = []
    runs: list[Word] = []

    def add(word_text: str, *, exact: bool = False) -> None:
        if len(words) >= MAX_WORDS:
            return
        alternatives = () if exact else tuple(Word.of(alt) for alt in synonyms.get(word_text, ()))
        word = Word.of(word_text, alternatives)
        if word.grams and word not in words:
            words.append(word)

    position = 0
    for match in _QUOTED.finditer(folded):
        _add_plain(folded[position : match.start()], add, runs, synonyms)
        add(next(group for group in match.groups() if group is not None), exact=True)
        position = match.end()
    _add_plain(folded[position:], add, runs, synonyms)
    return ParsedQuery(words=words, runs=runs, key=analysis.key(folded))


def _add_plain(text: str, add, runs: list[Word], synonyms) -> None:
    for chunk in _WORD_BREAK.split(text):
        if not chunk:
            continue
        if chunk in synonyms or _BRACKETS.search(chunk):
            add(chunk)
            continue
        for units in analysis.segments(chunk):
            run = "".join(units)
            if len(units) == 1:
                add(run)
                continue
            cut = segmenter.cut(run)
            kept = [word for word in cut if word not in STOPWORDS] or cut
            for word in kept:
                add(word)
            if len(kept) > 1:
                runs.append(Word.of(run))
