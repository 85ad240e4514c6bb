"""What the public search may index, and each page as a search document."""

import hashlib
import json
from collections.abc import Iterable, Iterator

from django.db.models import Q, QuerySet
from wagtail.models import Page

from gov_disclosure.aggregation.models import MirroredItem
from gov_disclosure.pages.models import (
    DisclosureCategoryPage,
    DisclosureGuidePage,
    DisclosureIndexPage,
    DisclosureItemPage,
)
from gov_disclosure.pages.selectors import ancestor_paths
from gov_disclosure.pages.texts import attachment_texts, body_text, html_to_text

from .models import AgencySearchSettings, SearchSettings


def hidden_validities() -> list[str]:
    """有效性 values the office chose to keep out of the public search."""
    return list(SearchSettings.load().hidden_validities)


def hidden_by_agencies() -> Q:
    """Items whose agency keeps their 有效性 out of the search (``AgencySearchSettings``)."""
    hidden = Q(pk__in=[])
    for agency_id, validities in AgencySearchSettings.objects.values_list(
        "agency_id", "hidden_validities"
    ):
        if validities:
            hidden |= Q(publisher__agency_id=agency_id, validity__in=validities)
    return hidden


def searchable_items() -> QuerySet[DisclosureItemPage]:
    """Live, public items only: never drafts, revisions in review, restricted pages,
    or items whose 有效性 the platform, or their agency, hides from search."""
    return (
        DisclosureItemPage.objects.live()
        .public()
        .exclude(validity__in=hidden_validities())
        .exclude(hidden_by_agencies())
        .select_related("publisher")
    )


def searchable_guides() -> QuerySet[DisclosureGuidePage]:
    return DisclosureGuidePage.objects.live().public()


def page_key(page_id: int) -> str:
    """A page's search document id."""
    return str(page_id)


def mirror_key(mirror_id: int) -> str:
    """A mirrored item's search document id (district sites, see aggregation)."""
    return f"m{mirror_id}"


def searchable_mirrors(*, ids: Iterable[int] | None = None) -> QuerySet[MirroredItem]:
    """Items pulled from subdistricts' feeds, except those whose 有效性 the office hides."""
    mirrors = (
        MirroredItem.objects.exclude(validity__in=hidden_validities())
        .select_related("source")
        .order_by("pk")
    )
    return mirrors if ids is None else mirrors.filter(pk__in=list(ids))


def searchable_keys() -> set[str]:
    """Ids of every document the index should hold."""
    return (
        {page_key(pk) for pk in searchable_items().values_list("pk", flat=True)}
        | {page_key(pk) for pk in searchable_guides().values_list("pk", flat=True)}
        | {mirror_key(pk) for pk in searchable_mirrors().values_list("pk", flat=True)}
    )


def searchable_pages(*, ids: Iterable[int] | None = None) -> Iterator[Page]:
    """Every searchable page (or those of ``ids``), items in id order, then guides."""
    items = searchable_items().prefetch_related("attachments__document").order_by("pk")
    guides = searchable_guides().order_by("pk")
    if ids is not None:
        ids = list(ids)
        items, guides = items.filter(pk__in=ids), guides.filter(pk__in=ids)
    yield from items.iterator(chunk_size=200)
    yield from guides.iterator(chunk_size=200)


def document_key(source: Page | MirroredItem) -> str:
    return mirror_key(source.pk) if isinstance(source, MirroredItem) else page_key(source.pk)


def searchable_sources(*, keys: Iterable[str] | None = None) -> Iterator[Page | MirroredItem]:
    """Everything the index holds a document for (or that of ``keys``): pages, then
    mirrored items."""
    page_ids = mirror_ids = None
    if keys is not None:
        keys = list(keys)
        mirror_ids = [int(key[1:]) for key in keys if key.startswith("m")]
        page_ids = [int(key) for key in keys if not key.startswith("m")]
    yield from searchable_pages(ids=page_ids)
    yield from searchable_mirrors(ids=mirror_ids).iterator(chunk_size=200)


class DocumentBuilder:
    """Turns pages into search documents; category titles and agencies are read once,
    so a rebuild costs no extra query per item."""

    def __init__(self, *, with_attachments: bool = True):
        self.with_attachments = with_attachments
        self.category_titles = dict(DisclosureCategoryPage.objects.values_list("path", "title"))
        self.agency_ids = dict(DisclosureIndexPage.objects.values_list("path", "pk"))

    def document(self, page: Page | MirroredItem) -> dict:
        if isinstance(page, MirroredItem):
            document = self._mirror(page)
            # Attachments stay at their source: found there, not in this index.
            document["fingerprint"] = fingerprint(document, [])
            return document
        if isinstance(page, DisclosureGuidePage):
            document = self._guide(page)
            attachment_keys = []
        else:
            document = self._item(page)
            attachment_keys = [
                (a.document_id, a.document.file_hash) for a in page.attachments.all()
            ]
            if self.with_attachments:
                document["attachments"] = "\n".join(
                    extracted.text
                    for _title, extracted in attachment_texts(page)
                    if not extracted.problem
                )
        document["fingerprint"] = fingerprint(document, attachment_keys)
        return document

    def _agency_id(self, page: Page) -> int | None:
        for path in reversed(ancestor_paths(page=page)):
            if path in self.agency_ids:
                return self.agency_ids[path]
        return None

    def _item(self, item: DisclosureItemPage) -> dict:
        titles = [
            self.category_titles[path]
            for path in ancestor_paths(page=item)
            if path in self.category_titles
        ]
        return {
            "id": page_key(item.pk),
            "kind": "item",
            "title": item.title,
            "summary": item.summary,
            "keywords": " ".join(item.keyword_list),
            "body": body_text(item.body),
            "attachments": "",
            "index_number": item.index_number,
            "document_number": item.document_number or None,
            "publisher": item.publisher.name,
            "publisher_id": item.publisher_id,
            "categories": _category_levels(titles),
            "agency_id": self._agency_id(item),
            "year": item.publish_date.year if item.publish_date else None,
            "publish_date": item.publish_date,
            "validity": item.validity,
            "url": item.url,
        }

    def _mirror(self, mirror: MirroredItem) -> dict:
        return {
            "id": mirror_key(mirror.pk),
            "kind": "item",
            "title": mirror.title,
            "summary": mirror.summary,
            "keywords": " ".join(mirror.keywords),
            "body": html_to_text(mirror.body_html),
            "attachments": "",
            "index_number": mirror.index_number,
            "document_number": mirror.document_number or None,
            # Every subdistrict has a 党政办公室: the source's name tells them apart.
            "publisher": f"{mirror.source.name} {mirror.publisher_name}",
            "publisher_id": None,
            "categories": _category_levels(mirror.category_titles),
            "agency_id": None,
            "year": mirror.publish_date.year if mirror.publish_date else None,
            "publish_date": mirror.publish_date,
            "validity": mirror.validity,
            "url": mirror.url,
        }

    def _guide(self, guide: DisclosureGuidePage) -> dict:
        return {
            "id": page_key(guide.pk),
            "kind": "guide",
            "title": guide.title,
            "summary": "",
            "keywords": "",
            "body": html_to_text(guide.body),
            "attachments": "",
            "index_number": None,
            "document_number": None,
            "publisher": None,
            "publisher_id": None,
            "categories": [],
            "agency_id": self._agency_id(guide),
            "year": guide.revised_date.year if guide.revised_date else None,
            "publish_date": guide.revised_date,
            "validity": None,
            "url": guide.url,
        }


def _category_levels(titles: list[str]) -> list[str]:
    # Every level, as "法规公文" and "法规公文/规范性文件".
    return ["/".join(titles[: depth + 1]) for depth in range(len(titles))]


def fingerprint(document: dict, attachment_keys: list) -> str:
    """Identifies a document's content; attachments count by their file hashes, so
    reconciling never has to read the files again."""
    content = {k: v for k, v in document.items() if k not in ("attachments", "fingerprint")}
    payload = json.dumps([content, attachment_keys], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def page_search_document(*, page: Page) -> dict:
    return DocumentBuilder().document(page)
