"""One place that knows which events change what the public sees of published pages.

The search index and the synchronisation feed both follow ``public_pages_changed``:
it is sent, inside the transaction that made the change, with the ids of the items
and guides whose public form may have changed (published, unpublished, deleted,
moved, renamed category, agency or department, a view restriction, a replaced file),
and of the items linked to them (政策解读, 修订, 相关信息: each end shows the other).
Receivers re-read those pages; an id that is no longer public means "remove".
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import Signal
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from gov_disclosure.core.generations import generation, generation_renew

from .models import (
    Department,
    DisclosureCategoryPage,
    DisclosureGuidePage,
    DisclosureIndexPage,
    DisclosureItemPage,
    ItemAttachment,
    ItemRelation,
)
from .relations import related_item_ids

# Sent with ``page_ids: list[int]``.
public_pages_changed = Signal()

PUBLIC_PAGE_TYPES = (DisclosureItemPage, DisclosureGuidePage)


_VERSION_KEY = "disclosure:catalogue_version"


def catalogue_version() -> str:
    """Changes whenever ``public_pages_changed`` is sent (once its transaction commits):
    what is computed from the published items (a category's years and counts) can be kept
    in the cache under it."""
    return generation(_VERSION_KEY)


def catalogue_changed() -> None:
    """Start a new ``catalogue_version`` once the current transaction commits."""
    transaction.on_commit(lambda: generation_renew(_VERSION_KEY))


def _new_version(sender, **kwargs):
    catalogue_changed()


def announce(page_ids) -> None:
    """Send ``public_pages_changed`` for these pages (none: nothing is sent)."""
    page_ids = list(page_ids)
    if page_ids:
        public_pages_changed.send(sender=Page, page_ids=page_ids)


def _subtree_ids(page: Page) -> list[int]:
    return list(
        page.get_descendants(inclusive=True).type(*PUBLIC_PAGE_TYPES).values_list("pk", flat=True)
    )


def page_changed(sender, instance, **kwargs):
    announce([instance.pk])


def item_changed(sender, instance, **kwargs):
    # The items linked to it show its title and address, or stop showing it.
    announce([instance.pk, *related_item_ids(item_ids=[instance.pk])])


def relation_changed(sender, instance, **kwargs):
    # A link made, changed or removed shows (or stops showing) at both of its ends.
    announce([instance.item_id, instance.target_id])


def relation_retargeted(sender, instance, raw=False, **kwargs):
    if instance.pk and not raw:
        previous = ItemRelation.objects.filter(pk=instance.pk).exclude(target_id=instance.target_id)
        announce(previous.values_list("target_id", flat=True))


def subtree_changed(sender, instance, **kwargs):
    # A category's or agency's title, code or place is part of every item under it.
    announce(_subtree_ids(instance))


def department_changed(sender, instance, created, **kwargs):
    # The department's name is each of its items' 发布机构.
    if not created:
        announce(instance.items.values_list("pk", flat=True))


def restriction_changed(sender, instance, **kwargs):
    # A password or login restriction added to (or lifted from) a page covers its subtree.
    announce(_subtree_ids(instance.page))


def document_changed(sender, instance, created, **kwargs):
    # A replaced file changes the size and checksum of every attachment using it.
    if not created:
        announce(
            ItemAttachment.objects.filter(document=instance)
            .values_list("item_id", flat=True)
            .distinct()
        )


def connect() -> None:
    public_pages_changed.connect(_new_version, dispatch_uid="public.version")
    # A kept category page names its subcategories, even empty ones; a restriction hides one.
    for signal in (post_save, post_delete):
        signal.connect(
            _new_version,
            sender=PageViewRestriction,
            dispatch_uid=f"public.version.restriction.{signal is post_save}",
        )
    # A category's table is captioned with its title, even when it holds no items.
    for model in (DisclosureCategoryPage, DisclosureIndexPage):
        for signal in (page_published, page_unpublished):
            signal.connect(
                _new_version,
                sender=model,
                dispatch_uid=f"public.version.{model.__name__}.{id(signal)}",
            )
    for model, changed in ((DisclosureItemPage, item_changed), (DisclosureGuidePage, page_changed)):
        name = model._meta.model_name
        page_published.connect(changed, sender=model, dispatch_uid=f"public.pub.{name}")
        page_unpublished.connect(changed, sender=model, dispatch_uid=f"public.unpub.{name}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"public.del.{name}")
    for signal in (post_save, post_delete):
        signal.connect(
            relation_changed,
            sender=ItemRelation,
            dispatch_uid=f"public.relation.{signal is post_save}",
        )
    pre_save.connect(relation_retargeted, sender=ItemRelation, dispatch_uid="public.retarget")
    post_page_move.connect(subtree_changed, dispatch_uid="public.moved")
    for model in (DisclosureCategoryPage, DisclosureIndexPage):
        name = model._meta.model_name
        page_published.connect(subtree_changed, sender=model, dispatch_uid=f"public.{name}")
        page_unpublished.connect(subtree_changed, sender=model, dispatch_uid=f"public.un{name}")
    post_save.connect(department_changed, sender=Department, dispatch_uid="public.department")
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"public.restriction.{signal is post_save}",
        )
    post_save.connect(document_changed, sender=get_document_model(), dispatch_uid="public.doc")
