"""Generations kept in the shared cache: what is stored under one is not used once a
newer one starts (the catalogue's version, the search index's generation)."""

import uuid

from django.core.cache import cache


def generation(key: str) -> str:
    """The current generation under ``key``; one is started if there is none."""
    current = cache.get(key)
    if current is None:
        cache.add(key, uuid.uuid4().hex, None)  # another process may start it first
        current = cache.get(key)
    return current


def generation_renew(key: str) -> None:
    cache.set(key, uuid.uuid4().hex, None)
