"""Writes of the synchronisation feed, and API keys."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from gov_disclosure.pages.models import DisclosureItemPage

from .models import ConsumerKey, FeedClock, FeedEntry
from .records import BuiltRecord, RecordBuilder, feed_items, record_json

Progress = Callable[[int, int], None]

# Items refreshed per transaction by a reconcile: short locks on the feed clock.
RECONCILE_BATCH = 200

_TICK = datetime.timedelta(microseconds=1)


class _ChangeClock:
    """Hands out strictly increasing change times while holding the feed clock's lock.

    The lock is held until the surrounding transaction commits, so a change committed
    later always carries a later time: a client that has read up to some time has
    seen every change before it, and resumes without missing one.
    """

    def __init__(self):
        self.clock, _ = FeedClock.objects.select_for_update().get_or_create(pk=1)
        self.last = self.clock.last_change_at

    def next(self) -> datetime.datetime:
        now = timezone.now()
        self.last = now if self.last is None or now > self.last else self.last + _TICK
        return self.last

    def save(self) -> None:
        if self.last != self.clock.last_change_at:
            self.clock.last_change_at = self.last
            self.clock.save(update_fields=["last_change_at"])


@dataclass
class FeedChanges:
    updated: int = 0
    removed: int = 0


def _removal_reason(item_id: int) -> str:
    # The item's own row goes first when a page is deleted; its Page row may linger
    # until the end of the deletion.
    page = DisclosureItemPage.objects.filter(pk=item_id).first()
    if page is None:
        return "deleted"
    if not page.live:
        return "unpublished"
    if not Page.objects.filter(pk=item_id).public().exists():
        return "restricted"
    return "moved"


def feed_items_refresh(
    *, item_ids: Iterable[int], builder: RecordBuilder | None = None
) -> FeedChanges:
    """Bring the feed entries of ``item_ids`` in line with the items as the public sees them.

    A published, public item in a live category gets a live entry there (rewritten only
    if its record changed); every other entry of the item becomes a tombstone. Runs in
    the caller's transaction, so the feed never shows a change that did not commit.
    """
    item_ids = set(item_ids)
    changes = FeedChanges()
    if not item_ids:
        return changes
    builder = builder or RecordBuilder()
    with transaction.atomic():
        clock = _ChangeClock()
        wanted: dict[int, BuiltRecord] = {}
        builder.links_load(item_ids)
        for item in feed_items(ids=item_ids):
            built = builder.build(item)
            if built is not None:
                wanted[item.pk] = built
        entries: dict[int, list[FeedEntry]] = {}
        for entry in FeedEntry.objects.filter(item_id__in=item_ids).order_by("pk"):
            entries.setdefault(entry.item_id, []).append(entry)
        for item_id in sorted(item_ids):
            built = wanted.get(item_id)
            own = entries.get(item_id, [])
            # Tombstones first: a client following the stream ends with the item present.
            for entry in own:
                if not entry.deleted and (
                    built is None or entry.category_id != built.placement.category.pk
                ):
                    entry.deleted, entry.record, entry.content_hash = True, "", ""
                    entry.reason = _removal_reason(item_id) if built is None else "moved"
                    entry.changed_at = clock.next()
                    entry.save()
                    changes.removed += 1
            if built is not None and _entry_write(built, own, clock):
                changes.updated += 1
        clock.save()
    return changes


def _entry_write(built: BuiltRecord, own: list[FeedEntry], clock: _ChangeClock) -> bool:
    category_id = built.placement.category.pk
    entry = next((e for e in own if e.category_id == category_id), None)
    if entry is not None and not entry.deleted and entry.content_hash == built.content_hash:
        return False
    entry = entry or FeedEntry(item_id=built.record["id"], category_id=category_id)
    entry.agency_id = built.placement.agency.pk
    entry.scope = built.placement.scope
    entry.deleted, entry.reason = False, ""
    entry.record = record_json(built.record)
    entry.content_hash = built.content_hash
    entry.changed_at = clock.next()
    entry.save()
    return True


@dataclass
class FeedDrift:
    """Items whose feed entry differs from what the public sees."""

    checked: int = 0
    stale: set[int] = field(default_factory=set)
    extra: set[int] = field(default_factory=set)

    @property
    def total(self) -> int:
        return len(self.stale) + len(self.extra)


def feed_reconcile(*, fix: bool = False, progress: Progress | None = None) -> FeedDrift:
    """Compare every live entry with the record its item would get now; with ``fix``,
    rewrite what differs. Repairs a feed that missed a change (a failed write, data
    loaded before this app), and builds the feed of an existing catalogue."""
    builder = RecordBuilder()
    drift = FeedDrift()
    # item id → (its live entry's content hash, its category)
    live = {
        item_id: (content_hash, category_id)
        for item_id, content_hash, category_id in FeedEntry.objects.filter(
            deleted=False
        ).values_list("item_id", "content_hash", "category_id")
    }
    item_ids = list(feed_items().values_list("pk", flat=True))
    total = len(item_ids)
    wanted: set[int] = set()
    for start in range(0, total, RECONCILE_BATCH):
        batch = item_ids[start : start + RECONCILE_BATCH]
        stale = []
        builder.links_load(batch)
        for item in feed_items(ids=batch):
            if item.pk not in live:
                # Missing: written below, built once, under the feed clock's lock.
                wanted.add(item.pk)
                stale.append(item.pk)
                continue
            built = builder.build(item)
            if built is None:
                continue
            wanted.add(item.pk)
            if live[item.pk] != (built.content_hash, built.placement.category.pk):
                stale.append(item.pk)
        drift.stale.update(stale)
        if fix and stale:
            feed_items_refresh(item_ids=stale, builder=builder)
        drift.checked += len(batch)
        if progress:
            progress(drift.checked, total)
    drift.extra = set(live) - wanted
    if fix and drift.extra:
        feed_items_refresh(item_ids=drift.extra, builder=builder)
    return drift


def consumer_key_issue(*, consumer_key: ConsumerKey, issued_by) -> str:
    """Give a new key its secret and save it. The secret is returned to be shown once;
    only its hash is stored."""
    secret = ConsumerKey.objects.assign_key(consumer_key)
    consumer_key.created_by = issued_by.get_username() if issued_by else ""
    consumer_key.save()
    return secret


# last_used_at is written at most this often, not on every request.
KEY_USE_RESOLUTION = datetime.timedelta(minutes=1)


def consumer_key_touch(*, consumer_key: ConsumerKey) -> None:
    """Record that the key was used just now (to the minute)."""
    now = timezone.now()
    last = consumer_key.last_used_at
    if last is None or now - last >= KEY_USE_RESOLUTION:
        ConsumerKey.objects.filter(pk=consumer_key.pk).update(last_used_at=now)
        consumer_key.last_used_at = now
