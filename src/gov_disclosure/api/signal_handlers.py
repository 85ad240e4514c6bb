"""Keep the feed in step with what the public sees, inside the same transaction."""

from gov_disclosure.pages.public_changes import public_pages_changed

from .services import feed_items_refresh


def refresh_feed(sender, page_ids, **kwargs):
    # Synchronous, unlike search: a page taken down must leave the feed when it
    # leaves the site, never after a queue catches up.
    feed_items_refresh(item_ids=page_ids)


def connect() -> None:
    public_pages_changed.connect(refresh_feed, dispatch_uid="disclosure_api.feed")
