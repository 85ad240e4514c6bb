"""Serve public pages from the shared cache (``store``) to anonymous visitors.

Only what is the same for every anonymous visitor is stored: a GET answered 200,
not streamed, setting no cookie (a page with a form sets the CSRF cookie) and not
marked private or no-store (the request and letter pages are ``never_cache``).
A visitor with a session (editors, an unlocked private page) is never served from
it, nor is a client that authenticates with a header (the APIs).
"""

from django.conf import settings
from django.utils.cache import cc_delim_re

from .store import page_cache_lookup, page_cache_seconds, page_cache_store

# Answered elsewhere or changing without a publication (the search index follows later).
_EXCLUDED_PREFIXES = ("/api/", "/search/", "/documents/", "/_util/", "/healthz")
_UNCACHEABLE_DIRECTIVES = {"private", "no-store", "no-cache"}


def _cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith((f"/{settings.ADMIN_PATH}/", *_EXCLUDED_PREFIXES))
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and "HTTP_X_API_KEY" not in request.META
    )


def _cacheable_response(response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    directives = {
        directive.split("=", 1)[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not directives & _UNCACHEABLE_DIRECTIVES


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not page_cache_seconds() or not _cacheable_request(request):
            return self.get_response(request)
        generation, cached = page_cache_lookup(request)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if request.method == "GET" and _cacheable_response(response):
            page_cache_store(request, response, generation=generation)
            response["X-Page-Cache"] = "miss"
        return response
