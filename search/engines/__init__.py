"""The search engine chosen by ``SEARCH_URL``."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def current_engine():
    """The configured engine, or ``None`` while ``SEARCH_URL`` is unset (database search)."""
    url = settings.SEARCH_URL
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme in ("opensearch", "opensearchs"):
        from .opensearch import OpenSearchEngine

        scheme = "https" if parts.scheme.endswith("s") else "http"
        return OpenSearchEngine(f"{scheme}://{parts.netloc}")
    raise ImproperlyConfigured(f"SEARCH_URL: unsupported engine {parts.scheme!r}")
