"""Writes to the search index."""

import logging

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
