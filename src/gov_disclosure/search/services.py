"""Writes to the search index, and searches."""

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from gov_disclosure.core.task_queue import queue_after_commit

from .engines import current_engine
from .queries import SearchRequest, count_search, facet_search, page_search
from .query_log import query_log_record
from .query_words import ParsedQuery, parse_query
from .results import SearchResults, search_results
from .results_cache import index_changed, results_kept
from .selectors import (
    DocumentBuilder,
    document_key,
    mirror_key,
    page_key,
    searchable_keys,
    searchable_mirrors,
    searchable_pages,
    searchable_sources,
)
from .synonyms import synonym_map
from .vocabulary import correction, office_words_load, vocabulary_add, vocabulary_rebuild

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


def page_index_refresh(*, page_id: int) -> str:
    """Bring one page's document in line with the database: put it if the page is
    searchable, remove it otherwise. Returns what was done."""
    return _document_refresh(page_key(page_id), next(searchable_pages(ids=[page_id]), None))


def mirrors_index_refresh(*, mirror_ids: list[int]) -> None:
    """The same for items mirrored from subdistricts' feeds (a page of a sync at a time)."""
    found = {mirror.pk: mirror for mirror in searchable_mirrors(ids=mirror_ids)}
    builder = DocumentBuilder()
    for mirror_id in mirror_ids:
        _document_refresh(mirror_key(mirror_id), found.get(mirror_id), builder)


def _document_refresh(key: str, source, builder: DocumentBuilder | None = None) -> str:
    engine = current_engine()
    engine.alias_ensure()
    if source is None:
        engine.document_delete(key)
        index_changed()
        return "removed"
    document = (builder or DocumentBuilder()).document(source)
    engine.document_put(document)
    vocabulary_add(titles=[document["title"]], keywords=document["keywords"].split())
    index_changed()
    return "indexed"


def page_index_refresh_later(*, page_id: int) -> None:
    """Refresh a page's document after the current transaction commits, in a Celery task."""
    from .tasks import refresh_page_in_index

    queue_after_commit(refresh_page_in_index, page_id, run_here_if_broker_down=False)


def mirrors_index_refresh_later(*, mirror_ids: list[int]) -> None:
    """Refresh mirrored items' documents after the current transaction commits."""
    from .tasks import refresh_mirrors_in_index

    queue_after_commit(refresh_mirrors_in_index, mirror_ids, run_here_if_broker_down=False)


def index_rebuild_later() -> None:
    """Rebuild the index in a Celery task after the current transaction commits."""
    from .tasks import rebuild_index

    queue_after_commit(rebuild_index, run_here_if_broker_down=False)


def index_rebuild(*, progress: Progress | None = None) -> int:
    """Build a new index of every searchable page and mirrored item and switch the alias to it.

    Searches keep reading the old index until the switch; if building fails,
    the half-built index is dropped and the old one stays in service.
    """
    engine = current_engine()
    total = len(searchable_keys())
    builder = DocumentBuilder()
    titles, keywords = [], []

    def documents() -> Iterator[dict]:
        for done, source in enumerate(searchable_sources(), 1):
            document = builder.document(source)
            titles.append(document["title"])
            keywords.extend(document["keywords"].split())
            yield document
            if progress:
                progress(done, total)

    name = engine.index_create()
    try:
        written = engine.documents_load(name, documents())
    except BaseException:
        engine.index_drop(name)
        raise
    engine.index_publish(name)
    vocabulary_rebuild(titles=titles, keywords=keywords)
    index_changed()
    logger.info("search index %s built with %s documents", name, written)
    return written


@dataclass
class Drift:
    """How the index differs from the database."""

    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.missing) + len(self.stale) + len(self.extra)


def index_reconcile(*, fix: bool = False, progress: Progress | None = None) -> Drift:
    """Compare the index with the database; with ``fix``, put missing and stale
    documents and delete extra ones. Attachments are compared by file hash, so
    no file is read unless its document must be rewritten."""
    engine = current_engine()
    engine.alias_ensure()
    indexed = engine.document_fingerprints()
    builder = DocumentBuilder(with_attachments=False)
    drift = Drift()
    expected = searchable_keys()
    titles, keywords = [], []
    for done, source in enumerate(searchable_sources(), 1):
        key = document_key(source)
        document = builder.document(source)
        titles.append(document["title"])
        keywords.extend(document["keywords"].split())
        if key not in indexed:
            drift.missing.append(key)
        elif indexed[key] != document["fingerprint"]:
            drift.stale.append(key)
        if progress:
            progress(done, len(expected))
    drift.extra = sorted(set(indexed) - expected)
    if fix:
        builder = DocumentBuilder()
        for source in searchable_sources(keys=drift.missing + drift.stale):
            engine.document_put(builder.document(source))
        for key in drift.extra:
            engine.document_delete(key)
        # Words of items since withdrawn leave the suggestions too.
        vocabulary_rebuild(titles=titles, keywords=keywords)
        index_changed()
    return drift


# Fewer results than this and a correction is looked for (您是不是要找).
FEW_RESULTS = 3


def search_run(*, request: SearchRequest, log: bool = False) -> SearchResults:
    """Items with every word of ``request``; if none has them all, the items with
    the most of them, marked ``partial``. With few results, a correction is offered.
    With ``log``, a first page counts in the query log (the public page and API)."""
    results = results_kept(request, lambda: _results(request))
    if log and request.text and request.page == 1:
        query_log_record(text=request.text, results=0 if results.partial else results.total)
    return results


def _results(request: SearchRequest) -> SearchResults:
    engine = current_engine()
    office_words_load()
    parsed = parse_query(request.text, synonyms=synonym_map()) if request.text else None
    results = _search(engine, request, parsed)
    if results.total == 0 and parsed is not None and len(parsed.words) > 1:
        # All but one word (a slip in one of them), then any word; a correction is
        # counted in the same round trip.
        corrected = _corrected(request.text)
        for missing in sorted({1, len(parsed.words) - 1}):
            results = _search(engine, request, parsed, missing=missing, corrected=corrected)
            if results.total:
                break
    elif parsed is not None and parsed.words and results.total < FEW_RESULTS:
        corrected = _corrected(request.text)
        if corrected and _count(engine, request, corrected[1]):
            results.correction = corrected[0]
    return results


def _corrected(text: str) -> tuple[str, ParsedQuery] | None:
    """The query ``text`` was probably meant to be (您是不是要找), and its words."""
    corrected = correction(text)
    return (corrected, parse_query(corrected, synonyms=synonym_map())) if corrected else None


def _count(engine, request: SearchRequest, parsed: ParsedQuery) -> int:
    [counts] = engine.execute_many(
        [count_search(request=request, parsed=parsed, index=engine.alias)]
    )
    return counts["hits"]["total"]["value"]


def _search(
    engine,
    request: SearchRequest,
    parsed: ParsedQuery | None,
    *,
    missing: int = 0,
    corrected: tuple[str, ParsedQuery] | None = None,
) -> SearchResults:
    """A page of results and their facets; with ``corrected``, the correction is
    counted in the same round trip and offered if it finds something."""
    searches = [
        page_search(request=request, parsed=parsed, index=engine.alias, missing=missing),
        facet_search(request=request, parsed=parsed, index=engine.alias, missing=missing),
    ]
    if corrected:
        searches.append(count_search(request=request, parsed=corrected[1], index=engine.alias))
    hits, counts, *checks = engine.execute_many(searches)
    results = search_results(
        hits=hits,
        counts=counts,
        request=request,
        words=[] if parsed is None else parsed.highlighted,
        partial=missing > 0,
    )
    if corrected and checks[0]["hits"]["total"]["value"]:
        results.correction = corrected[0]
    return results
