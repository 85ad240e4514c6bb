"""Engine answers (in the Elasticsearch format) as the results the API and the page show."""

import math
from dataclasses import asdict, dataclass

from gov_disclosure.pages.models.choices import Validity

from .highlight import fragments, marked_text
from .queries import FACETS, SearchRequest

# Where fragments are cut from, in this order.
FRAGMENT_FIELDS = ["summary", "body", "attachments"]


@dataclass
class Hit:
    id: str
    kind: str
    title: str
    url: str
    # Highlighted passages: HTML-escaped text with the matched words in <em>.
    fragments: list[str]
    title_highlighted: str
    index_number: str | None
    publisher: str | None
    publish_date: str | None
    validity: str | None
    category: str | None


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResults:
    total: int
    page: int
    page_size: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    # Found with only some of the words: no item holds them all.
    partial: bool = False
    # 您是不是要找: a query like this one that finds more (never run in its place).
    correction: str | None = None

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.page_size))

    @property
    def first_rank(self) -> int:
        return (self.page - 1) * self.page_size + 1

    def as_dict(self) -> dict:
        return {**asdict(self), "pages": self.pages}


def _same_start(a: str, b: str, chars: int = 40) -> bool:
    n = min(chars, len(a), len(b))
    return a[:n] == b[:n]


def _hit(raw: dict, words: list[str]) -> Hit:
    source = raw["_source"]
    passages = []
    for field in FRAGMENT_FIELDS if words else []:
        for passage in fragments(source.get(field) or "", words):
            # The summary is often the body's first paragraph: show such a passage once.
            if not any(_same_start(passage, shown) for shown in passages):
                passages.append(passage)
    categories = source.get("categories") or []
    return Hit(
        id=raw["_id"],
        kind=source.get("kind") or "item",
        title=source["title"],
        url=source.get("url") or "",
        fragments=passages[:2],
        title_highlighted=marked_text(source["title"], words) if words else "",
        index_number=source.get("index_number"),
        publisher=source.get("publisher"),
        publish_date=source.get("publish_date"),
        validity=source.get("validity"),
        category=max(categories, key=len) if categories else None,
    )


def _facet_label(name: str, key) -> str:
    if name == "validity":
        return str(Validity(key).label) if key in Validity.values else str(key)
    return str(key)


def _selected(name: str, key, request: SearchRequest) -> bool:
    chosen = {
        "category": request.category,
        "year": request.year,
        "department": request.department,
        "validity": request.validity,
    }[name]
    return chosen not in (None, "") and str(chosen) == str(key)


def search_results(
    *, hits: dict, counts: dict, request: SearchRequest, words: list[str], partial: bool = False
) -> SearchResults:
    """``hits``: the answer to ``page_search``; ``counts``: to ``facet_search``;
    ``words``: what to mark in the titles and fragments."""
    aggregations = counts.get("aggregations", {})
    facets = {
        name: [
            FacetValue(
                value=str(bucket["key"]),
                label=_facet_label(name, bucket["key"]),
                count=bucket["doc_count"],
                selected=_selected(name, bucket["key"], request),
            )
            for bucket in aggregations.get(name, {}).get("buckets", [])
        ]
        for name in FACETS
    }
    if "year" in facets:
        facets["year"].sort(key=lambda value: value.value, reverse=True)
    return SearchResults(
        total=counts["hits"]["total"]["value"],
        page=request.page,
        page_size=request.page_size,
        hits=[_hit(raw, words) for raw in hits["hits"]["hits"]],
        facets=facets,
        partial=partial,
    )
