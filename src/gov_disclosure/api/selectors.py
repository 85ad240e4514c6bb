"""Reads of the synchronisation feed."""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from .cursors import Cursor
from .models import APISettings, ConsumerKey, FeedClock, FeedEntry


@dataclass(frozen=True)
class FeedFilter:
    include_tombstones: bool
    agency_id: int | None = None
    category_id: int | None = None
    updated_after: datetime.datetime | None = None


@dataclass(frozen=True)
class FeedRow:
    entry_id: int
    item_id: int
    changed_at: datetime.datetime
    deleted: bool
    reason: str
    record: str

    @property
    def cursor(self) -> Cursor:
        return Cursor(changed_at=self.changed_at, entry_id=self.entry_id)


@dataclass(frozen=True)
class FeedPage:
    rows: list[FeedRow]
    has_more: bool
    next_cursor: Cursor | None


def _entries(feed_filter: FeedFilter) -> QuerySet[FeedEntry]:
    entries = FeedEntry.objects.all()
    if not feed_filter.include_tombstones:
        entries = entries.filter(deleted=False)
    if feed_filter.agency_id is not None:
        entries = entries.filter(agency_id=feed_filter.agency_id)
    if feed_filter.category_id is not None:
        entries = entries.filter(scope__contains=f"/{feed_filter.category_id}/")
    if feed_filter.updated_after is not None:
        entries = entries.filter(changed_at__gt=feed_filter.updated_after)
    return entries


def feed_page(*, feed_filter: FeedFilter, after: Cursor | None, limit: int) -> FeedPage:
    """The next ``limit`` entries after ``after``, in (change time, id) order.

    ``next_cursor`` is where the following request starts; on an empty page it is the
    cursor the client sent, so it can keep polling from the same place.
    """
    entries = _entries(feed_filter)
    if after is not None:
        entries = entries.filter(changed_at__gte=after.changed_at).exclude(
            changed_at=after.changed_at, pk__lte=after.entry_id
        )
    rows = [
        FeedRow(*values)
        for values in entries.order_by("changed_at", "pk").values_list(
            "pk", "item_id", "changed_at", "deleted", "reason", "record"
        )[: limit + 1]
    ]
    has_more = len(rows) > limit
    rows = rows[:limit]
    return FeedPage(rows=rows, has_more=has_more, next_cursor=rows[-1].cursor if rows else after)


def feed_last_change() -> datetime.datetime | None:
    """When anything in the feed last changed (for Last-Modified)."""
    return FeedClock.objects.values_list("last_change_at", flat=True).first()


def consumer_key_for(*, key: str) -> ConsumerKey | None:
    """The usable (not revoked, not expired) key matching ``key``."""
    try:
        consumer_key = ConsumerKey.objects.get_from_key(key)
    except ConsumerKey.DoesNotExist:
        return None
    return None if consumer_key.has_expired else consumer_key


def api_settings(*, request=None) -> APISettings:
    """The interface settings, read once per request."""
    return APISettings.load(request_or_site=request)
