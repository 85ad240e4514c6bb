"""What makes the stored pages stale: anything that changes what the public sees.

Broad on purpose: publications are rare next to page views, and a missed case would
show an outdated page, which a disclosure site must not. (Saving a draft is not here:
it changes nothing public.)
"""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from gov_disclosure.pages.models import Department
from gov_disclosure.pages.public_changes import public_pages_changed

from .store import page_cache_clear


def public_change(sender, **kwargs):
    page_cache_clear()


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        page_cache_clear()


def connect() -> None:
    page_published.connect(public_change, dispatch_uid="disclosure_page_cache.published")
    page_unpublished.connect(public_change, dispatch_uid="disclosure_page_cache.unpublished")
    post_page_move.connect(public_change, dispatch_uid="disclosure_page_cache.moved")
    # Also changes made behind Wagtail's back, such as 有效性 lapsing on its date.
    public_pages_changed.connect(public_change, dispatch_uid="disclosure_page_cache.public_pages")
    # Deleting a page sends post_delete with its concrete class as sender.
    post_delete.connect(page_deleted, dispatch_uid="disclosure_page_cache.page_deleted")
    for model in (Department, PageViewRestriction, Site, get_document_model()):
        for signal in (post_save, post_delete):
            signal.connect(
                public_change,
                sender=model,
                dispatch_uid=f"page_cache.{model._meta.label_lower}.{signal is post_save}",
            )
