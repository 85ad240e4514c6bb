"""Index on Wagtail's publish, unpublish, move and delete: after commit, ids only."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from disclosure_pages.models import DisclosureItemPage

from .tasks import refresh_item_in_index

logger = logging.getLogger(__name__)


def _enqueue(item_id: int) -> None:
    def send():
        try:
            refresh_item_in_index.delay(item_id)
        except Exception:  # publishing has committed; the index catches up later
            logger.exception("could not queue search indexing of item %s", item_id)

    transaction.on_commit(send)


def refresh_on_change(sender, instance, **kwargs):
    _enqueue(instance.pk)


def refresh_on_move(sender, instance, **kwargs):
    if isinstance(instance.specific_deferred, DisclosureItemPage):
        _enqueue(instance.pk)


def connect() -> None:
    page_published.connect(
        refresh_on_change, sender=DisclosureItemPage, dispatch_uid="search.published"
    )
    page_unpublished.connect(
        refresh_on_change, sender=DisclosureItemPage, dispatch_uid="search.unpublished"
    )
    post_delete.connect(refresh_on_change, sender=DisclosureItemPage, dispatch_uid="search.deleted")
    post_page_move.connect(refresh_on_move, dispatch_uid="search.moved")
