"""What the public search may index, and each item as a search document."""

from django.db.models import QuerySet

from disclosure_pages.models import DisclosureCategoryPage, DisclosureItemPage
from disclosure_pages.selectors import agency_for_page
from disclosure_pages.texts import attachment_texts, body_text


def searchable_items() -> QuerySet[DisclosureItemPage]:
    """Live, public items only: never drafts, revisions in review or restricted pages."""
    return DisclosureItemPage.objects.live().public().select_related("publisher")


def item_search_document(*, item: DisclosureItemPage) -> dict:
    """The public fields of a live item as the index stores them (``id`` is the page id)."""
    categories = list(DisclosureCategoryPage.objects.ancestor_of(item).order_by("depth"))
    agency = agency_for_page(page=item)
    readable = [
        extracted.text for _title, extracted in attachment_texts(item) if not extracted.problem
    ]
    return {
        "id": item.pk,
        "title": item.title,
        "summary": item.summary,
        "body": body_text(item.body),
        "attachments": "\n".join(readable),
        "index_number": item.index_number,
        "document_number": item.document_number,
        "publisher": item.publisher.name,
        "publisher_id": item.publisher_id,
        "categories": [
            "/".join(category.title for category in categories[: depth + 1])
            for depth in range(len(categories))
        ],
        "agency_id": agency.pk if agency else None,
        "year": item.publish_date.year if item.publish_date else None,
        "publish_date": item.publish_date,
        "validity": item.validity,
        "url": item.url,
    }
