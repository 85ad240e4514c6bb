"""Writes to the search index, and searches."""

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db import transaction

from .engines import current_engine
from .queries import SearchRequest, facet_search, page_search
from .results import SearchResults, search_results
from .selectors import DocumentBuilder, searchable_page_ids, searchable_pages

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


def page_index_refresh(*, page_id: int) -> str:
    """Bring one page's document in line with the database: put it if the page is
    searchable, remove it otherwise. Returns what was done."""
    engine = current_engine()
    engine.alias_ensure()
    page = next(searchable_pages(ids=[page_id]), None)
    if page is None:
        engine.document_delete(page_id)
        return "removed"
    engine.document_put(DocumentBuilder().document(page))
    return "indexed"


def _queue_after_commit(task, *args, what: str) -> None:
    """Send ``task`` once the current transaction commits. Never fails the caller: the
    change has committed, and if the broker is away the nightly reconcile repairs the index."""

    def send():
        try:
            task.delay(*args)
        except Exception:
            logger.exception("could not queue %s", what)

    transaction.on_commit(send)


def page_index_refresh_later(*, page_id: int) -> None:
    """Refresh a page's document after the current transaction commits, in a Celery task."""
    from .tasks import refresh_page_in_index

    _queue_after_commit(refresh_page_in_index, page_id, what=f"search indexing of page {page_id}")


def index_rebuild_later() -> None:
    """Rebuild the index in a Celery task after the current transaction commits."""
    from .tasks import rebuild_index

    _queue_after_commit(rebuild_index, what="a search index rebuild")


def index_rebuild(*, progress: Progress | None = None) -> int:
    """Build a new index of every searchable page and switch the alias to it.

    Searches keep reading the old index until the switch; if building fails,
    the half-built index is dropped and the old one stays in service.
    """
    engine = current_engine()
    total = len(searchable_page_ids())
    builder = DocumentBuilder()

    def documents() -> Iterator[dict]:
        for done, page in enumerate(searchable_pages(), 1):
            yield builder.document(page)
            if progress:
                progress(done, total)

    name = engine.index_create()
    try:
        written = engine.documents_load(name, documents())
    except BaseException:
        engine.index_drop(name)
        raise
    engine.index_publish(name)
    logger.info("search index %s built with %s documents", name, written)
    return written


@dataclass
class Drift:
    """How the index differs from the database."""

    missing: list[int] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)

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
    expected = searchable_page_ids()
    for done, page in enumerate(searchable_pages(), 1):
        if page.pk not in indexed:
            drift.missing.append(page.pk)
        elif indexed[page.pk] != builder.document(page)["fingerprint"]:
            drift.stale.append(page.pk)
        if progress:
            progress(done, len(expected))
    drift.extra = sorted(set(indexed) - expected)
    if fix:
        builder = DocumentBuilder()
        for page in searchable_pages(ids=drift.missing + drift.stale):
            engine.document_put(builder.document(page))
        for page_id in drift.extra:
            engine.document_delete(page_id)
    return drift


def search_run(*, request: SearchRequest) -> SearchResults:
    engine = current_engine()
    hits, counts = engine.execute_many(
        [
            page_search(request=request, index=engine.alias),
            facet_search(request=request, index=engine.alias),
        ]
    )
    return search_results(hits=hits, counts=counts, request=request)
