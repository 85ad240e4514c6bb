"""Queries of the public search, built once with elasticsearch-dsl for every engine."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from elasticsearch.dsl import A, Q, Search
from elasticsearch.dsl.query import Query

from .documents import TERM_FIELDS
from .query_words import ParsedQuery, Word, parse_query

# Elasticsearch's and OpenSearch's default index.max_result_window.
MAX_RESULT_WINDOW = 10_000
# Facet name → indexed field, and how many values each facet lists.
FACETS = {
    "category": "categories",
    "year": "year",
    "department": "publisher",
    "validity": "validity",
}
FACET_SIZE = 50


class Sort(models.TextChoices):
    RELEVANCE = "relevance", _("相关度")
    DATE = "date", _("发布日期")


@dataclass(frozen=True)
class SearchRequest:
    text: str = ""
    category: str = ""
    department: str = ""
    agency_id: int | None = None
    year: int | None = None
    validity: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    sort: Sort = Sort.RELEVANCE
    page: int = 1
    page_size: int = 10


# Words found near each other (within this many grams) rank above words far apart;
# a segmented run found whole ranks higher still; a typed title, 文号 or 索引号 first.
PROXIMITY_SLOP = 6
PROXIMITY_BOOST = 2.0
# Neighbouring words compared for proximity, from the first: enough to rank a typed
# sentence without a clause for every pair of a long title.
PROXIMITY_PAIRS = 3
RUN_BOOST = 4.0
# How many of the best matches the closeness of their words is checked on.
RESCORE_WINDOW = 200
EXACT_BOOST = 1000.0
# A one-unit word (税) has no phrase to rank by: found in the title, it ranks first.
TITLE_CHAR_BOOST = TERM_FIELDS["title"]
_FIELDS = [f"terms.{field}^{boost:g}" for field, boost in TERM_FIELDS.items()]


def _phrase(grams: tuple[str, ...], *, slop: int = 0, boost: float = 1.0, split: int = 0) -> Q:
    options = {"query": " ".join(grams), "type": "phrase", "fields": _FIELDS}
    if slop:
        # The name tells the database engine where the second word starts.
        options |= {"slop": slop, "_name": f"near:{split}"}
    if boost != 1.0:
        options["boost"] = boost
    return Q("multi_match", **options)


def _char(text: str) -> Q:
    in_title = Q("term", title_chars={"value": text, "boost": TITLE_CHAR_BOOST})
    return Q("bool", should=[Q("term", chars=text), in_title], minimum_should_match=1)


def word_query(word: Word) -> Q:
    """Documents containing ``word``, or one of the office's synonyms of it."""
    variants = [
        _char(variant.text) if variant.single else _phrase(variant.grams)
        for variant in (word, *word.alternatives)
    ]
    return variants[0] if len(variants) == 1 else Q("bool", should=variants, minimum_should_match=1)


def text_query(parsed: ParsedQuery, *, missing: int = 0) -> Q:
    """Documents containing every word but ``missing`` of them (the more they contain,
    the higher they rank), or whose title, 文号 or 索引号 is the whole query."""
    words = [word_query(word) for word in parsed.words]
    exact = Q("term", keys={"value": parsed.key, "boost": EXACT_BOOST})
    if not words:
        return exact
    if missing:
        required = max(1, len(words) - missing)
        matched = Q("bool", should=words, minimum_should_match=required)
    else:
        matched = Q("bool", must=words)
    return Q("bool", should=[matched, exact], minimum_should_match=1)


def closeness_query(parsed: ParsedQuery) -> Query | None:
    """What lifts the best matches: the run typed without spaces found as it stands,
    neighbouring words near each other. Phrases over every field are the dearest
    clauses of a search, so they are checked on the best RESCORE_WINDOW matches only
    (``page_search``), not on every document that holds the words."""
    boosts = [_phrase(run.grams, boost=RUN_BOOST) for run in parsed.runs]
    phrases = [word for word in parsed.words if not word.single]
    boosts += [
        _phrase(
            first.grams + second.grams,
            slop=PROXIMITY_SLOP,
            boost=PROXIMITY_BOOST,
            split=len(first.grams),
        )
        for first, second in zip(phrases, phrases[1:], strict=False)
    ][:PROXIMITY_PAIRS]
    return Q("bool", should=boosts) if boosts else None


def item_search(*, text: str, index: str) -> Search:
    """The text query alone, as typed (no synonyms): for checks and benchmarks."""
    return Search(index=index).query(text_query(parse_query(text)))


def request_query(
    request: SearchRequest, parsed: ParsedQuery | None = None, *, missing: int = 0
) -> Q:
    """The text (if any) and every filter of ``request``."""
    filters = []
    if request.category:
        filters.append(Q("term", categories=request.category))
    if request.department:
        filters.append(Q("term", publisher=request.department))
    if request.agency_id:
        filters.append(Q("term", agency_id=request.agency_id))
    if request.year:
        filters.append(Q("term", year=request.year))
    if request.validity:
        filters.append(Q("term", validity=request.validity))
    if request.date_from or request.date_to:
        bounds = {}
        if request.date_from:
            bounds["gte"] = request.date_from.isoformat()
        if request.date_to:
            bounds["lte"] = request.date_to.isoformat()
        filters.append(Q("range", publish_date=bounds))
    must = [] if parsed is None else [text_query(parsed, missing=missing)]
    return Q("bool", must=must, filter=filters)


def page_search(
    *, request: SearchRequest, parsed: ParsedQuery | None, index: str, missing: int = 0
) -> Search:
    """One page of hits for ``request``, best first (or newest first).

    It does not count: the engine may stop scoring once no other document can
    enter the page. ``facet_search`` counts. Hits carry their texts up to
    ``EXCERPT_CHARS``, for the fragments (``results.py``).
    """
    search = Search(index=index).query(request_query(request, parsed, missing=missing))
    closeness = closeness_query(parsed) if parsed is not None else None
    if request.sort == Sort.DATE or parsed is None:
        search = search.sort({"publish_date": {"order": "desc"}}, {"_score": {"order": "desc"}})
    elif closeness is None:
        search = search.sort({"_score": {"order": "desc"}}, {"publish_date": {"order": "desc"}})
    else:
        # A rescore runs only under the relevance order alone (no tie-break by date).
        search = search.extra(
            rescore={
                "window_size": RESCORE_WINDOW,
                "query": {"rescore_query": closeness.to_dict(), "rescore_query_weight": 1.0},
            }
        )
    start = (request.page - 1) * request.page_size
    search = search[start : start + request.page_size].extra(track_total_hits=False)
    if parsed is None:
        search = search.source(excludes=["body", "attachments"])
    return search


def facet_search(
    *, request: SearchRequest, parsed: ParsedQuery | None, index: str, missing: int = 0
) -> Search:
    """The total and the facets of ``request``, counted over the filtered results.

    It returns no hits, so Elasticsearch and OpenSearch keep its answer in their
    shard request cache until the index next changes: a repeated query is not
    counted again.
    """
    search = count_search(request=request, parsed=parsed, index=index, missing=missing)
    for name, field in FACETS.items():
        search.aggs.bucket(name, A("terms", field=field, size=FACET_SIZE))
    return search


def count_search(
    *, request: SearchRequest, parsed: ParsedQuery | None, index: str, missing: int = 0
) -> Search:
    """How many items ``request`` finds with the words of ``parsed``: no hits, no facets."""
    query = request_query(request, parsed, missing=missing)
    return Search(index=index).query(query)[0:0].extra(track_total_hits=True)
