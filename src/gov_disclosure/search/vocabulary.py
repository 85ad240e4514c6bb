"""The index's own vocabulary: suggestions as people type (关键词推荐, 拼音), and
"您是不是要找" when a query finds little (错别字).

The words of published titles and keywords, and the titles themselves, each with
its pinyin and initials (pypinyin). A correction is only ever offered as a link,
never put in place of what was typed.
"""

import re
import time
from collections import Counter
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Q
from pypinyin import lazy_pinyin

from . import analysis
from .models import SearchTerm
from .query_log import popular_queries
from .query_words import parse_query, segmenter

SUGGESTIONS = 8
VERSION_KEY = "disclosure_search:vocabulary_version"
WORD_KINDS = [SearchTerm.Kind.WORD, SearchTerm.Kind.KEYWORD]
_LATIN = re.compile(r"[a-z]+")
_HAN_WORD = re.compile(f"[{analysis.HAN}]{{2,8}}")


def pinyin_of(text: str) -> tuple[str, str]:
    """(full pinyin, initials) of ``text``, without tones or spaces: 预算 → yusuan, ys."""
    syllables = lazy_pinyin(text, errors="ignore")
    return "".join(syllables), "".join(syllable[:1] for syllable in syllables)


def _counted_words(titles: Iterable[str], keywords: Iterable[str]) -> dict[str, Counter]:
    """Words of the titles, the keywords, and the whole titles, each counted."""
    counts = {kind: Counter() for kind in SearchTerm.Kind.values}
    for title in titles:
        folded = analysis.fold(title)
        counts[SearchTerm.Kind.TITLE][folded] += 1
        for units in analysis.segments(folded):
            for word in segmenter.cut("".join(units)):
                if _HAN_WORD.fullmatch(word):
                    counts[SearchTerm.Kind.WORD][word] += 1
    for keyword in keywords:
        folded = analysis.fold(keyword)
        if folded:
            counts[SearchTerm.Kind.KEYWORD][folded] += 1
    # A term is stored once: as a keyword before a word, as a word before a title.
    for kind, others in (("word", ["keyword"]), ("title", ["keyword", "word"])):
        for other in others:
            for term in list(counts[kind]):
                if term in counts[other]:
                    counts[other][term] += counts[kind].pop(term)
    return counts


def _terms(counts: Counter, kind: str) -> list[SearchTerm]:
    terms = []
    for term, frequency in counts.items():
        full, initials = pinyin_of(term)
        terms.append(
            SearchTerm(
                term=term[:200],
                kind=kind,
                pinyin=full[:400],
                initials=initials[:200],
                length=min(len(term), 32767),
                frequency=frequency,
            )
        )
    return terms


def vocabulary_rebuild(*, titles: Iterable[str], keywords: Iterable[str]) -> int:
    """Replace the vocabulary with the words of ``titles`` and ``keywords``."""
    counts = _counted_words(titles, keywords)
    terms = [term for kind, counted in counts.items() for term in _terms(counted, kind)]
    with transaction.atomic():
        SearchTerm.objects.all().delete()
        SearchTerm.objects.bulk_create(terms, batch_size=1000)
    _changed()
    return len(terms)


def vocabulary_add(*, titles: Iterable[str], keywords: Iterable[str]) -> None:
    """Add the words of a newly published item (counts are renewed by the next rebuild)."""
    for kind, counted in _counted_words(titles, keywords).items():
        known = set(
            SearchTerm.objects.filter(term__in=list(counted)).values_list("term", flat=True)
        )
        SearchTerm.objects.filter(term__in=known).update(frequency=F("frequency") + 1)
        SearchTerm.objects.bulk_create(
            _terms(Counter({t: n for t, n in counted.items() if t not in known}), kind),
            ignore_conflicts=True,
        )
    if keywords:
        _changed()


def _changed() -> None:
    cache.set(VERSION_KEY, time.time_ns(), None)


def office_words_load() -> None:
    """Give this process's segmenter the office's keywords, when they changed since."""
    version = cache.get(VERSION_KEY, 0)
    if segmenter.vocabulary_version != version:
        segmenter.add_words(
            SearchTerm.objects.filter(kind=SearchTerm.Kind.KEYWORD).values_list("term", flat=True)
        )
        segmenter.vocabulary_version = version


def suggestions(text: str, *, limit: int = SUGGESTIONS) -> list[dict]:
    """What to offer under the search box for ``text`` typed so far: popular queries,
    words and titles starting with it, or whose pinyin or initials start with it."""
    typed = analysis.fold(" ".join(text.split()))
    if not typed:
        return []
    found: list[dict] = []

    def offer(value: str, kind: str) -> None:
        if value != typed and all(value != item["text"] for item in found):
            found.append({"text": value, "kind": kind})

    for query in popular_queries(limit=50):
        if analysis.fold(query).startswith(typed):
            offer(query, "popular")
    condition = Q(term__startswith=typed)
    if _LATIN.fullmatch(typed):
        condition |= Q(pinyin__startswith=typed) | Q(initials__startswith=typed)
    for kinds, label in (
        ([SearchTerm.Kind.KEYWORD, SearchTerm.Kind.WORD], "word"),
        (["title"], "title"),
    ):
        terms = SearchTerm.objects.filter(condition, kind__in=kinds).order_by(
            "-frequency", "length"
        )
        for term in terms.values_list("term", flat=True)[:limit]:
            offer(term, label)
    return found[:limit]


def correction(text: str) -> str | None:
    """A query like ``text`` whose words are in the vocabulary, or None: a pinyin query
    (yusuan, ys) as the word it spells; a word nobody wrote as the written word that
    sounds the same, or that differs by one character (a slip or a look-alike)."""
    typed = analysis.fold(" ".join(text.split()))
    latin = typed.replace(" ", "")
    if _LATIN.fullmatch(latin):
        term = (
            SearchTerm.objects.filter(Q(pinyin=latin) | Q(initials=latin), kind__in=WORD_KINDS)
            .order_by("-frequency")
            .values_list("term", flat=True)
            .first()
        )
        return term
    corrected = typed
    for word in parse_query(typed).words:
        if not _HAN_WORD.fullmatch(word.text) or _known(word.text):
            continue
        better = _sounds_alike(word.text) or _one_character_apart(word.text)
        if better:
            corrected = corrected.replace(word.text, better)
    return corrected if corrected != typed else None


def _known(word: str) -> bool:
    return SearchTerm.objects.filter(term__contains=word).exists()


def _sounds_alike(word: str) -> str | None:
    full, _initials = pinyin_of(word)
    return (
        SearchTerm.objects.filter(kind__in=WORD_KINDS, pinyin=full, length=len(word))
        .exclude(term=word)
        .order_by("-frequency")
        .values_list("term", flat=True)
        .first()
    )


def _one_character_apart(word: str) -> str | None:
    # Every word of the same length differing in one place; the most frequent wins.
    condition = Q()
    for position in range(len(word)):
        condition |= Q(term__startswith=word[:position], term__endswith=word[position + 1 :])
    candidates = (
        SearchTerm.objects.filter(
            condition, kind__in=WORD_KINDS, length=len(word), frequency__gte=2
        )
        .exclude(term=word)
        .order_by("-frequency")
        .values_list("term", flat=True)
    )
    for candidate in candidates[:50]:
        if sum(a != b for a, b in zip(candidate, word, strict=True)) == 1:
            return candidate
    return None
