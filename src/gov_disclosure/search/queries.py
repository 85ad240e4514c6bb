"""Queries of the public search, built once with elasticsearch-dsl for every engine."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from elasticsearch.dsl import A, Q, Search

# Where the words are found, and how much each place counts.
TEXT_FIELDS = {"title": 4.0, "summary": 2.0, "body": 1.0, "attachments": 1.0}
HIGHLIGHT_FRAGMENT_CHARS = 80
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


def text_query(text: str) -> Q:
    """Documents containing ``text`` as written: phrase matching over the Chinese bigrams.

    The user's text is a phrase, never query syntax. An item whose title is the
    query itself ranks first.
    """
    text = " ".join(text.split())
    phrases = [
        Q("match_phrase", **{field: {"query": text, "boost": boost}})
        for field, boost in TEXT_FIELDS.items()
    ]
    exact_title = Q("term", **{"title.raw": {"value": text, "boost": 100.0}})
    return Q("bool", should=[*phrases, exact_title], minimum_should_match=1)


def item_search(*, text: str, index: str) -> Search:
    """The text query alone, with highlighted fragments."""
    return _highlighted(Search(index=index).query(text_query(text)))


def request_query(request: SearchRequest) -> Q:
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
    must = [text_query(request.text)] if request.text else []
    return Q("bool", must=must, filter=filters)


def page_search(*, request: SearchRequest, index: str) -> Search:
    """One page of hits for ``request``, best first (or newest first), highlighted.

    It does not count: the engine may stop scoring once no other document can
    enter the page. ``facet_search`` counts.
    """
    search = Search(index=index).query(request_query(request))
    if request.sort == Sort.DATE or not request.text:
        search = search.sort({"publish_date": {"order": "desc"}}, {"_score": {"order": "desc"}})
    else:
        search = search.sort({"_score": {"order": "desc"}}, {"publish_date": {"order": "desc"}})
    start = (request.page - 1) * request.page_size
    search = search[start : start + request.page_size].extra(track_total_hits=False)
    # Long texts stay in the index: the results show their highlighted fragments only.
    search = search.source(excludes=["body", "attachments"])
    return _highlighted(search)


def facet_search(*, request: SearchRequest, index: str) -> Search:
    """The total and the facets of ``request``, counted over the filtered results.

    It returns no hits, so Elasticsearch and OpenSearch keep its answer in their
    shard request cache until the index next changes: a repeated query is not
    counted again.
    """
    search = Search(index=index).query(request_query(request))[0:0].extra(track_total_hits=True)
    for name, field in FACETS.items():
        search.aggs.bucket(name, A("terms", field=field, size=FACET_SIZE))
    return search


def _highlighted(search: Search) -> Search:
    # The html encoder escapes the text, so fragments are safe HTML with only <em> added.
    return search.highlight(
        *TEXT_FIELDS, fragment_size=HIGHLIGHT_FRAGMENT_CHARS, number_of_fragments=2
    ).highlight_options(pre_tags=["<em>"], post_tags=["</em>"], encoder="html")
