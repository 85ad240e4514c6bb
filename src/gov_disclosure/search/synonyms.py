"""The office's synonyms as the query side reads them (通俗语言检索)."""

from django.core.cache import cache

from . import analysis
from .models import Synonym

CACHE_KEY = "disclosure_search:synonyms"


def synonym_map() -> dict[str, tuple[str, ...]]:
    """Each folded term → the folded terms that also mean it. Read from the cache;
    saving or deleting a synonym clears it (``synonyms_changed``)."""
    mapping = cache.get(CACHE_KEY)
    if mapping is None:
        mapping = _synonym_map()
        cache.set(CACHE_KEY, mapping, None)
    return mapping


def _synonym_map() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}

    def add(term: str, other: str) -> None:
        term, other = analysis.fold(term), analysis.fold(other)
        if term != other and other not in found.setdefault(term, []):
            found[term].append(other)

    for synonym in Synonym.objects.all():
        for equivalent in synonym.equivalent_list:
            add(synonym.term, equivalent)
            if synonym.both_ways:
                add(equivalent, synonym.term)
    return {term: tuple(others) for term, others in found.items()}


def synonyms_changed(**kwargs) -> None:
    from .results_cache import index_changed

    cache.delete(CACHE_KEY)
    index_changed()  # results found with the old synonyms are not used
