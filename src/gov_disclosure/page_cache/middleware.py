"""Serve public pages from the shared cache (``store``) to anonymous visitors.

Only what is the same for every anonymous visitor is stored: a GET answered 200,
not streamed, setting no cookie (a page with a form sets the CSRF cookie) and not
marked private or no-store (the request and letter pages are ``never_cache``).
A visitor with a session (editors, an unlocked private page) is never served from
it, nor is a client that authenticates with a header (the APIs).
"""

from functools import lru_cache

from django.conf import settings
from django.urls import NoReverseMatch, get_urlconf, reverse
from django.utils.cache import cc_delim_re

from gov_disclosure.conf import disclosure_settings

from .store import page_cache_lookup, page_cache_seconds, page_cache_store

_UNCACHEABLE_DIRECTIVES = {"private", "no-store", "no-cache"}
# Answered elsewhere or changing without a publication (the search index follows later):
# the admin, the plugin's APIs and search page, documents and Wagtail's own utility views,
# found where the site mounted them: a route's whole path, the folder holding it, or its
# first segment.
_EXCLUDED_ROUTES = [
    ("wagtailadmin_home", (), "path"),
    ("disclosure_search", (), "path"),
    ("disclosure_search_api", (), "path"),
    ("disclosure_items", (), "folder"),
    ("wagtaildocs_serve", (0, "x"), "segment"),
    ("wagtailcore_authenticate_with_password", (0, 0), "segment"),
]


@lru_cache(maxsize=16)
def _excluded_prefixes(urlconf: str, extra: tuple[str, ...]) -> tuple[str, ...]:
    prefixes = list(extra)
    for name, args, part in _EXCLUDED_ROUTES:
        try:
            path = reverse(name, urlconf=urlconf, args=args)
        except NoReverseMatch:
            continue
        segments = path.strip("/").split("/")
        if part == "folder":
            path = "/" + "/".join(segments[:-1]) + "/"
        elif part == "segment":
            path = "/" + segments[0] + "/"
        prefixes.append(path)
    return tuple(prefixes)


def _cacheable_request(request) -> bool:
    excluded = _excluded_prefixes(
        get_urlconf() or settings.ROOT_URLCONF,
        tuple(disclosure_settings.PAGE_CACHE_EXCLUDED_PATHS),
    )
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(excluded)
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
