"""The shared store of rendered public pages, and the one switch that invalidates it.

Every entry carries the generation that was current when its rendering began; a
publication (or anything else the public sees) starts a new generation once its
transaction has committed, so no entry rendered from the old data is served again,
and a request that read the old data can only store it under the old generation.
"""

import hashlib

from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from gov_disclosure.conf import disclosure_settings
from gov_disclosure.core.display import display_of
from gov_disclosure.core.generations import generation as current_generation
from gov_disclosure.core.generations import generation_renew

_GENERATION_KEY = "page_cache:generation"
# Headers a cached response is served with; cookies are never stored.
_SKIPPED_HEADERS = {"set-cookie", "content-length"}


def page_cache_seconds() -> int:
    return disclosure_settings.PAGE_CACHE_SECONDS


def _entry_key(request: HttpRequest) -> str:
    # Validity (有效/失效) is computed from today's date, so a new day is a new entry; a
    # page in 长辈版 or another text size is another page.
    raw = "\n".join(
        [
            request.get_host(),
            request.get_full_path(),
            timezone.localdate().isoformat(),
            display_of(request).key,
        ]
    )
    return "page_cache:page:" + hashlib.sha256(raw.encode()).hexdigest()


def page_cache_lookup(request: HttpRequest) -> tuple[str, HttpResponse | None]:
    """The current generation and the response stored for ``request`` under it, if any."""
    key = _entry_key(request)
    found = cache.get_many([_GENERATION_KEY, key])
    generation = found.get(_GENERATION_KEY)
    if generation is None:
        return current_generation(_GENERATION_KEY), None
    entry = found.get(key)
    if entry is None or entry["generation"] != generation:
        return generation, None
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    return generation, response


def page_cache_store(request: HttpRequest, response: HttpResponse, *, generation: str) -> None:
    entry = {
        "generation": generation,
        "status": response.status_code,
        "content": response.content,
        "headers": [
            (name, value)
            for name, value in response.items()
            if name.lower() not in _SKIPPED_HEADERS
        ],
    }
    cache.set(_entry_key(request), entry, page_cache_seconds())


def page_cache_clear() -> None:
    """Start a new generation once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: generation_renew(_GENERATION_KEY))
