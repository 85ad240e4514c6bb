"""Writes to the search index."""

import logging
from collections.abc import Callable, Iterator

from .engines import current_engine
from .selectors import item_search_document, searchable_items

logger = logging.getLogger(__name__)


def item_index_refresh(*, item_id: int) -> str:
    """Bring one item's document in line with the database: put it if the item is
    live and public, remove it otherwise. Returns what was done."""
    engine = current_engine()
    if engine is None:
        return "skipped"
    engine.alias_ensure()
    item = searchable_items().filter(pk=item_id).first()
    if item is None:
        engine.document_delete(item_id)
        return "removed"
    engine.document_put(item_search_document(item=item))
    return "indexed"


Progress = Callable[[int, int], None]


def index_rebuild(*, progress: Progress | None = None, chunk_size: int = 200) -> int:
    """Build a new index of every searchable item and switch the alias to it.

    Searches keep reading the old index until the switch; if building fails,
    the half-built index is dropped and the old one stays in service.
    """
    engine = current_engine()
    if engine is None:
        return 0
    items = searchable_items().order_by("pk")
    total = items.count()

    def documents() -> Iterator[dict]:
        for done, item in enumerate(items.iterator(chunk_size=chunk_size), 1):
            yield item_search_document(item=item)
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
