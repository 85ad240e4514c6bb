"""Items rendered once per published revision and served from the store.

What an item page shows of the item (its catalogue table, body, attachments, linked
items and breadcrumbs) changes only when something public changes: its own publication,
or one of the things it shows (its category, agency or department, its files, the pages,
files and images its body links to, the items linked to it, a page above it). Those
events discard the stored rendering (``renderings_discard``, called by
gov_disclosure.pages.signal_handlers), as does any write to the item's row; a stored
rendering is used only with the live revision, the site and the templates it was made
with, so another revision is never shown. A preview, or anything other than the live
page being served, renders afresh.
"""

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.template.loader import get_template, render_to_string
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Site

from gov_disclosure import __version__

from .models import DisclosureItemPage, ItemRendering
from .relations import item_related_groups
from .selectors import agency_for_page

ARTICLE_TEMPLATE = "disclosure_pages/includes/item_article.html"
BREADCRUMBS_TEMPLATE = "gov_disclosure/includes/breadcrumbs.html"
# Templates the article includes: a change to any of them makes stored renderings stale.
_TEMPLATES = (
    ARTICLE_TEMPLATE,
    BREADCRUMBS_TEMPLATE,
    "disclosure_pages/blocks/captioned_image.html",
)


@dataclass(frozen=True)
class Rendered:
    breadcrumbs: SafeString
    article: SafeString
    agency_name: str


def _fingerprint_now() -> str:
    sources = [get_template(name).template.source for name in _TEMPLATES]
    return hashlib.sha256("\0".join([__version__, *sources]).encode()).hexdigest()[:32]


_fingerprint_cached = lru_cache(maxsize=1)(_fingerprint_now)


def _fingerprint() -> str:
    # The templates of a deployment are fixed; a developer's edits show at once.
    return _fingerprint_now() if settings.DEBUG else _fingerprint_cached()


def _stored(item: DisclosureItemPage) -> ItemRendering | None:
    try:
        return item.rendering  # fetched with the page by the catalogue's routing
    except ItemRendering.DoesNotExist:
        return None


def _current(item: DisclosureItemPage, *, site_id, fingerprint: str) -> ItemRendering | None:
    stored = _stored(item)
    if (
        stored is not None
        and stored.revision_id == item.live_revision_id
        and stored.site_id == site_id
        and stored.fingerprint == fingerprint
    ):
        return stored
    return None


def _render(item: DisclosureItemPage, request, *, agency_name: str | None = None) -> Rendered:
    if agency_name is None:
        agency = agency_for_page(page=item)
        agency_name = agency.agency_name if agency else ""
    context = {"page": item, "request": request}
    return Rendered(
        breadcrumbs=render_to_string(BREADCRUMBS_TEMPLATE, context),
        article=render_to_string(
            ARTICLE_TEMPLATE, {**context, "related_groups": item_related_groups(item=item)}
        ),
        agency_name=agency_name,
    )


def _row(item, rendered: Rendered, *, site_id, fingerprint: str) -> ItemRendering:
    return ItemRendering(
        item_id=item.pk,
        revision_id=item.live_revision_id,
        site_id=site_id,
        fingerprint=fingerprint,
        breadcrumbs=str(rendered.breadcrumbs),
        article=str(rendered.article),
        agency_name=rendered.agency_name,
    )


_STORED_FIELDS = ["revision_id", "site_id", "fingerprint", "breadcrumbs", "article",
                  "agency_name", "rendered_at"]  # fmt: skip


def _store(rows: list[ItemRendering]) -> None:
    """Insert or replace these renderings in one statement."""
    try:
        with transaction.atomic():
            ItemRendering.objects.bulk_create(
                rows, update_conflicts=True, unique_fields=["item"], update_fields=_STORED_FIELDS
            )
    except IntegrityError:
        # An item deleted meanwhile: its rendering has nothing to belong to.
        pass


def item_rendering(*, item: DisclosureItemPage, request) -> Rendered:
    """The item's public form for ``request``: the stored one when it is current, else
    rendered now (and stored, when ``item`` is the live page being served)."""
    serving_live = item.live and not getattr(request, "is_preview", False)
    site = Site.find_for_request(request)
    site_id = site.pk if site else None
    fingerprint = _fingerprint()
    if serving_live and (stored := _current(item, site_id=site_id, fingerprint=fingerprint)):
        return Rendered(
            mark_safe(stored.breadcrumbs), mark_safe(stored.article), stored.agency_name
        )
    rendered = _render(item, request)
    if serving_live:
        _store([_row(item, rendered, site_id=site_id, fingerprint=fingerprint)])
    return rendered


def items_render(*, page_ids=None, progress=None) -> int:
    """Render and store the public form of these live, public items (all without ids) where
    the stored one is missing or out of date, as publication does in the background: a
    first visitor then finds it ready. Returns how many were rendered."""
    items = (
        DisclosureItemPage.objects.live()
        .public()
        .select_related("publisher", "rendering")
        .order_by("path")  # an agency's items together: its name is looked up once
    )
    if page_ids is not None:
        items = items.filter(pk__in=list(page_ids))
    total = items.count() if progress else 0
    fingerprint = _fingerprint()
    sites: dict[int, Site] = {}
    agency_names: dict[str, str] = {}
    rows: list[ItemRendering] = []
    looked_at = rendered_count = 0
    for item in items.iterator(chunk_size=500):
        looked_at += 1
        if progress:
            progress(looked_at, total, item.title)
        site_id = (item.get_url_parts() or (None,))[0]
        if site_id is None:  # not under any site: no visitor can reach it
            continue
        if _current(item, site_id=site_id, fingerprint=fingerprint):
            continue
        if site_id not in sites:
            sites[site_id] = Site.objects.get(pk=site_id)
        parent = item.path[: -item.steplen]
        if parent not in agency_names:
            agency = agency_for_page(page=item)
            agency_names[parent] = agency.agency_name if agency else ""
        request = _request_for(sites[site_id])
        rendered = _render(item, request, agency_name=agency_names[parent])
        rows.append(_row(item, rendered, site_id=site_id, fingerprint=fingerprint))
        rendered_count += 1
        if len(rows) >= 200:
            _store(rows)
            rows = []
    _store(rows)
    return rendered_count


def _request_for(site: Site) -> HttpRequest:
    """A stand-in for a visitor's request to ``site``: what the templates' links need."""
    request = HttpRequest()
    request.META = {"SERVER_NAME": site.hostname, "SERVER_PORT": str(site.port)}
    request._wagtail_site = site
    return request


def renderings_discard(*, page_ids) -> None:
    """Forget the stored renderings of these pages, now and once the current transaction
    commits (a request that read the old data meanwhile may have stored it again)."""
    page_ids = list(page_ids)
    if not page_ids:
        return

    def discard():
        ItemRendering.objects.filter(item_id__in=page_ids).delete()

    discard()
    transaction.on_commit(discard)


def renderings_discard_all() -> None:
    ItemRendering.objects.all().delete()
    transaction.on_commit(lambda: ItemRendering.objects.all().delete())
