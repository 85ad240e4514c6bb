"""Routing a visitor to an item or category without walking the tree.

Wagtail finds a page by asking for the site (one query), its root page and that page's
specific form, then each level's child and its specific form: nine or more queries for
an item. ``CatalogueRoutingMiddleware`` finds an item or category below an agency's
catalogue in one query (``selectors.catalogue_page_at``), using a table of the sites,
their agencies and the addresses under a view restriction kept in the cache, and hands
Wagtail's ``serve`` the result it would have reached itself. Only where that is
certain: the pages between the site's root and the agency route as Wagtail's ``Page``
does (no host page with routes of its own), the site has no translations, and the page
is live; else Wagtail routes as always.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction
from django.http import Http404
from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
)

from .models import DisclosureIndexPage
from .models.mixins import DirectRouteMixin
from .selectors import catalogue_page_at, restricted_addresses

_TABLE_KEY = "disclosure:catalogue_routes"
# How long a table is kept: bounds how long a process may use one another process
# cleared, when the cache is per process (local memory).
_TABLE_SECONDS = 300
# Each process also keeps the table it last read for a few seconds: no cache round trip
# per request. A change reaches every process within this time.
_LOCAL_SECONDS = 5
_local: dict = {}


@dataclass(frozen=True)
class CatalogueRoot:
    url_path: str
    depth: int


def _routes_as_wagtail_page(page_class) -> bool:
    return page_class.route in (Page.route, DirectRouteMixin.route)


def _table() -> dict:
    """Every site's fields, the agencies below each site's root that its pages route to
    plainly (deepest address first), and the addresses under a view restriction."""
    now = time.monotonic()
    # One read of one entry: another thread may clear it at any moment.
    until, table = _local.get("entry", (0, None))
    if until > now:
        return table
    table = cache.get(_TABLE_KEY)
    if table is not None:
        _local["entry"] = (now + _LOCAL_SECONDS, table)
        return table
    sites = list(Site.objects.values())
    roots = {site["root_page_id"]: site["id"] for site in sites}
    site_pages = {page.pk: page for page in Page.objects.filter(pk__in=roots)}
    agencies: dict[int, list[CatalogueRoot]] = {site["id"]: [] for site in sites}
    for agency in DisclosureIndexPage.objects.all().only("path", "depth", "url_path"):
        chain = Page.objects.ancestor_of(agency, inclusive=True).values_list(
            "pk", "content_type_id"
        )
        for position, (pk, _) in enumerate(chain):
            if pk not in roots:
                continue
            plain = all(
                _routes_as_wagtail_page(ContentType.objects.get_for_id(type_id).model_class())
                for _, type_id in chain[position:]
            )
            if plain and agency.url_path.startswith(site_pages[pk].url_path):
                agencies[roots[pk]].append(CatalogueRoot(agency.url_path, agency.depth))
    for found in agencies.values():
        found.sort(key=lambda root: -len(root.url_path))
    table = {"sites": sites, "agencies": agencies, "root_paths": {
        site["id"]: site_pages[site["root_page_id"]].url_path
        for site in sites
        if site["root_page_id"] in site_pages
    }, "restricted": restricted_addresses()}  # fmt: skip
    cache.set(_TABLE_KEY, table, _TABLE_SECONDS)
    _local["entry"] = (now + _LOCAL_SECONDS, table)
    return table


def routes_forget() -> None:
    """After a change to a site or to the tree: the table is made again when next needed
    (by the other processes within ``_LOCAL_SECONDS``). Now and again once the current
    transaction commits: a request may have made it from the data before the change."""

    def forget():
        cache.delete(_TABLE_KEY)
        _local.clear()

    forget()
    if connection.in_atomic_block:
        transaction.on_commit(forget)


def _site_for(sites: list[dict], hostname: str, port: int) -> dict | None:
    """Wagtail's ``get_site_for_hostname``, over the cached table."""
    candidates = []
    for site in sites:
        if site["hostname"] == hostname and site["port"] == port:
            match = MATCH_HOSTNAME_PORT
        elif site["hostname"] == hostname and site["is_default_site"]:
            match = MATCH_HOSTNAME_DEFAULT
        elif site["is_default_site"]:
            match = MATCH_DEFAULT
        elif site["hostname"] == hostname:
            match = MATCH_HOSTNAME
        else:
            continue
        candidates.append((match, site))
    if not candidates:
        return None
    candidates.sort(key=lambda candidate: candidate[0])
    best_match, best = candidates[0]
    if len(candidates) == 1 or best_match in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        return best
    return candidates[len(candidates) == 2][1]


def catalogue_route(request, path: str) -> None:
    """Settle Wagtail's route for ``request`` to ``path`` if it leads to a catalogue item
    or category; leave it to Wagtail otherwise."""
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return
    table = _table()
    hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail reads it
    site = _site_for(table["sites"], hostname, int(request.get_port()))
    if site is None or site["id"] not in table["root_paths"]:
        return
    url_path = table["root_paths"][site["id"]] + "".join(
        f"{component}/" for component in path.split("/") if component
    )
    for agency in table["agencies"][site["id"]]:
        if url_path.startswith(agency.url_path) and url_path != agency.url_path:
            break
    else:
        return
    components = [part for part in url_path[len(agency.url_path) :].split("/") if part]
    page = catalogue_page_at(
        root=agency, path_components=components, restricted=table["restricted"]
    )
    if page is None:
        return
    try:
        route = page.route(request, [])
    except Http404:
        return  # not live: Wagtail answers it
    request._wagtail_site = Site(**site)
    request._wagtail_route_for_request = route


class CatalogueRoutingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and request.method in ("GET", "HEAD"):
            catalogue_route(request, view_kwargs.get("path", view_args[0] if view_args else ""))
