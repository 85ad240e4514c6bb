"""The search engine chosen by ``SEARCH_URL``: OpenSearch, Elasticsearch, or the database.

Every engine runs the same elasticsearch-dsl definitions and answers searches in
the Elasticsearch response format, so nothing above this package knows which one runs.
"""

from functools import lru_cache
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from gov_disclosure.conf import disclosure_settings

from .errors import SearchEngineUnavailable

__all__ = ["SearchEngineUnavailable", "current_engine", "engine_name"]


def engine_name() -> str:
    url = disclosure_settings.SEARCH_URL
    return urlsplit(url).scheme.rstrip("s") if url else "database"


def current_engine():
    """The configured engine; the database engine while ``SEARCH_URL`` is unset."""
    return _engine(disclosure_settings.SEARCH_URL, disclosure_settings.SEARCH_INDEX_PREFIX)


@lru_cache(maxsize=8)
def _engine(url: str, prefix: str):
    # One engine per setting, so a process keeps its client's pooled connections.
    if not url:
        from .database import DatabaseEngine

        return DatabaseEngine()
    parts = urlsplit(url)
    scheme = "https" if parts.scheme.endswith("s") else "http"
    if parts.scheme in ("opensearch", "opensearchs"):
        from .opensearch import OpenSearchEngine

        return OpenSearchEngine(f"{scheme}://{parts.netloc}")
    if parts.scheme in ("elasticsearch", "elasticsearchs"):
        from .elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine(f"{scheme}://{parts.netloc}")
    raise ImproperlyConfigured(
        f"SEARCH_URL: unsupported engine {parts.scheme!r} (use opensearch://, elasticsearch://, "
        "or leave it unset for the database)"
    )
