"""Results pages kept until the index changes.

The public searches the same few things again and again (政府信息公开, 预算, 招聘): a
page of results, with its facets and its correction, is kept in the cache under the
request and the index's generation, which every write to the index, every rebuild and
every change of the synonyms or search settings replaces. A kept page is therefore
never older than the index; the time limit only bounds a process whose cache is its own
(local memory) and missed another's change.
"""

import hashlib
from collections.abc import Callable
from dataclasses import astuple

from django.core.cache import cache

from gov_disclosure.core.generations import generation, generation_renew

from .documents import items_alias
from .queries import SearchRequest
from .results import SearchResults

_GENERATION_KEY = "search:generation"
RESULTS_SECONDS = 120


def index_generation() -> str:
    return generation(_GENERATION_KEY)


def index_changed(**kwargs) -> None:
    """The index (or how it is searched) changed: results kept before are not used."""
    generation_renew(_GENERATION_KEY)


def results_kept(request: SearchRequest, compute: Callable[[], SearchResults]) -> SearchResults:
    raw = repr((items_alias(), index_generation(), astuple(request)))
    key = "search:results:" + hashlib.sha256(raw.encode()).hexdigest()
    results = cache.get(key)
    if results is None:
        results = compute()
        cache.set(key, results, RESULTS_SECONDS)
    return results
