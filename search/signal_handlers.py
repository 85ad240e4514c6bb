"""Index on Wagtail's publish, unpublish, move and delete: after commit, ids only."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from disclosure_pages.models import (
    Department,
    DisclosureCategoryPage,
    DisclosureGuidePage,
    DisclosureItemPage,
)

from .models import SearchSettings
from .services import index_rebuild_later, page_index_refresh_later

INDEXED_PAGE_TYPES = (DisclosureItemPage, DisclosureGuidePage)


def refresh_on_change(sender, instance, **kwargs):
    page_index_refresh_later(page_id=instance.pk)


def refresh_subtree(sender, instance, **kwargs):
    # Moving or renaming a category changes the category path of every item under it.
    for page_id in (
        instance.get_descendants(inclusive=True)
        .type(*INDEXED_PAGE_TYPES)
        .values_list("pk", flat=True)
    ):
        page_index_refresh_later(page_id=page_id)


def refresh_department_items(sender, instance, created, **kwargs):
    # The department's name is each of its items' 发布机构.
    if not created:
        for page_id in instance.items.values_list("pk", flat=True):
            page_index_refresh_later(page_id=page_id)


def refresh_restricted_subtree(sender, instance, **kwargs):
    # A password or login restriction added to (or lifted from) a page covers its subtree.
    refresh_subtree(sender, instance.page)


def rebuild_on_settings_change(sender, instance, **kwargs):
    index_rebuild_later()


def connect() -> None:
    for model in INDEXED_PAGE_TYPES:
        name = model._meta.model_name
        page_published.connect(refresh_on_change, sender=model, dispatch_uid=f"search.pub.{name}")
        page_unpublished.connect(
            refresh_on_change, sender=model, dispatch_uid=f"search.unpub.{name}"
        )
        post_delete.connect(refresh_on_change, sender=model, dispatch_uid=f"search.del.{name}")
    post_page_move.connect(refresh_subtree, dispatch_uid="search.moved")
    page_published.connect(
        refresh_subtree, sender=DisclosureCategoryPage, dispatch_uid="search.category"
    )
    post_save.connect(refresh_department_items, sender=Department, dispatch_uid="search.dept")
    for signal in (post_save, post_delete):
        signal.connect(
            refresh_restricted_subtree,
            sender=PageViewRestriction,
            dispatch_uid=f"search.restriction.{signal is post_save}",
        )
    post_save.connect(
        rebuild_on_settings_change, sender=SearchSettings, dispatch_uid="search.settings"
    )
