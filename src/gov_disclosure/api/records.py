"""Items as the synchronisation feed serves them: one JSON record per item."""

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from gov_disclosure.pages.models import (
    DisclosureCategoryPage,
    DisclosureIndexPage,
    DisclosureItemPage,
)
from gov_disclosure.pages.relations import item_links, related_records
from gov_disclosure.pages.selectors import ancestor_paths

from .models import AttachmentDigest

# Bumped when a record's fields change shape; every response carries it.
SCHEMA_VERSION = "1.1"

# Relative links and images in a body, made absolute so the record reads the same
# on any site that receives it.
_RELATIVE_URL = re.compile(r'\b(href|src)="/(?!/)')


def feed_items(*, ids: Iterable[int] | None = None) -> QuerySet[DisclosureItemPage]:
    """Items the feed may carry: live and public (their categories are checked by
    ``RecordBuilder``, which knows which categories are live)."""
    items = (
        DisclosureItemPage.objects.live()
        .public()
        .select_related("publisher")
        .prefetch_related("attachments__document")
        .order_by("pk")
    )
    if ids is not None:
        items = items.filter(pk__in=list(ids))
    return items


@dataclass(frozen=True)
class ItemPlacement:
    """Where an item sits in the catalogue: its agency, its category and that category's path."""

    agency: DisclosureIndexPage
    categories: tuple[DisclosureCategoryPage, ...]

    @property
    def category(self) -> DisclosureCategoryPage:
        return self.categories[-1]

    @property
    def scope(self) -> str:
        return "/" + "".join(f"{pk}/" for pk in (self.agency.pk, *(c.pk for c in self.categories)))


@dataclass(frozen=True)
class BuiltRecord:
    placement: ItemPlacement
    record: dict
    content_hash: str


class RecordBuilder:
    """Turns items into feed records. Agencies, categories and file checksums are read
    once, so building many records costs no extra query per item."""

    def __init__(self):
        self.agencies = {a.path: a for a in DisclosureIndexPage.objects.live()}
        self.categories = {c.path: c for c in DisclosureCategoryPage.objects.live()}
        # document id → (the file version it was computed for, its SHA-256)
        self.links: dict[int, list] = {}  # item id → its links (relations), read in bulk
        self.digests = {
            document_id: (file_hash, sha256)
            for document_id, file_hash, sha256 in AttachmentDigest.objects.values_list(
                "document_id", "file_hash", "sha256"
            )
        }

    def placement(self, item: Page) -> ItemPlacement | None:
        """The item's agency and categories, or None if it is outside a live catalogue."""
        ancestors = ancestor_paths(page=item)
        agency_at = next((i for i, path in enumerate(ancestors) if path in self.agencies), None)
        if agency_at is None:
            return None
        between = ancestors[agency_at + 1 :]
        if not between or any(path not in self.categories for path in between):
            return None
        return ItemPlacement(
            agency=self.agencies[ancestors[agency_at]],
            categories=tuple(self.categories[path] for path in between),
        )

    def build(self, item: DisclosureItemPage) -> BuiltRecord | None:
        placement = self.placement(item)
        if placement is None:
            return None
        # The builder caches the sites' root paths for every item it builds.
        _site_id, root_url, page_path = item.get_url_parts(request=self) or (None, "", None)
        record = {
            "id": item.pk,
            "index_number": item.index_number,
            "title": item.title,
            "agency": {
                "id": placement.agency.pk,
                "name": placement.agency.agency_name,
                "org_code": placement.agency.org_code,
            },
            "category": {
                "id": placement.category.pk,
                "code": "".join(c.code for c in placement.categories),
                "title": placement.category.title,
                "path": [
                    {"id": c.pk, "code": c.code, "title": c.title} for c in placement.categories
                ],
            },
            "subject": item.subject,
            "genre": item.genre,
            "publisher": {
                "id": item.publisher_id,
                "name": item.publisher.name,
                "code": item.publisher.code,
            },
            "document_number": item.document_number,
            "written_date": _date(item.written_date),
            "publish_date": _date(item.publish_date),
            "disclosure_method": item.disclosure_method,
            "disclosure_period": item.disclosure_period,
            "validity": {
                "status": item.validity,
                "effective_date": _date(item.effective_date),
                "abolished_date": _date(item.abolished_date),
                "expiry_date": _date(item.expiry_date),
            },
            "summary": item.summary,
            "keywords": item.keyword_list,
            "source": item.source,
            "body_html": _RELATIVE_URL.sub(rf'\1="{root_url}/', body_html(item.body)),
            "attachments": [
                {
                    "title": attachment.display_title,
                    "file_name": attachment.document.filename,
                    "url": root_url + attachment.document.url,
                    "size": attachment.document.get_file_size(),
                    "sha256": self.sha256(attachment.document),
                    "content_type": attachment.document.content_type,
                }
                for attachment in item.attachments.all()
            ],
            "url": root_url + page_path if page_path is not None else None,
            "relations": related_records(
                item=item, url_of=self.url_of, links=self.links.pop(item.pk, None)
            ),
            # To the second: Wagtail keeps only milliseconds of it in revisions.
            "first_published_at": _seconds(item.first_published_at),
        }
        content_hash = hashlib.sha256(record_json(record).encode()).hexdigest()
        return BuiltRecord(placement=placement, record=record, content_hash=content_hash)

    def links_load(self, item_ids) -> None:
        """Read the links of the items about to be built in one query (else one each)."""
        self.links.update(item_links(item_ids=item_ids))

    def url_of(self, page: Page) -> str | None:
        _site_id, root_url, page_path = page.get_url_parts(request=self) or (None, "", None)
        return root_url + page_path if page_path is not None else None

    def sha256(self, document) -> str:
        """The file's SHA-256, remembered per file version (Wagtail's ``file_hash``)."""
        file_hash = document.get_file_hash()
        known_hash, sha256 = self.digests.get(document.pk, (None, ""))
        if known_hash != file_hash:
            digest = hashlib.sha256()
            with document.open_file() as stream:
                for chunk in iter(lambda: stream.read(1 << 20), b""):
                    digest.update(chunk)
            sha256 = digest.hexdigest()
            AttachmentDigest.objects.update_or_create(
                document_id=document.pk, defaults={"file_hash": file_hash, "sha256": sha256}
            )
            self.digests[document.pk] = (file_hash, sha256)
        return sha256


def body_html(body) -> str:
    """The body as HTML: paragraphs straight from their stored rich text (links expanded),
    without a template per paragraph; tables and images rendered by their blocks."""
    parts = []
    for position, block in enumerate(body.raw_data):
        if block["type"] == "paragraph":
            parts.append(expand_db_html(block["value"]))
        else:
            parts.append(str(body[position]))
    return "\n".join(parts)


def record_json(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _seconds(value) -> str | None:
    # Imported items may never have gone through Wagtail's publishing.
    return value.isoformat(timespec="seconds") if value else None
