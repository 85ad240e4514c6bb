"""Pulling sources into mirror records: incremental, idempotent and resumable.

A source is read from its stored cursor, one page of changes at a time. Each record
is applied on its own (upsert or removal, skipped when identical to what is held),
and the cursor is saved after each page. Killed midway, the next run replays at most
one page, whose records are then no-ops, and ends in the same state.
"""

import contextlib
import datetime
import hashlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from gov_disclosure.api.serializers import ChangeSerializer
from gov_disclosure.conf import disclosure_settings

from .client import FeedClient, SourceUnavailable, SyncError
from .models import MirroredAttachment, MirroredItem, QuarantinedRecord, Source
from .quarantine import flatten_errors, quarantine, record_hash, remote_id_of
from .report_sync import ReportSyncResult, source_sync_reports
from .signals import mirrors_changed

logger = logging.getLogger(__name__)

# Arbitrary first key of the PostgreSQL advisory locks that keep two syncs of one
# source apart; released by the server if the process dies.
SYNC_LOCK_CLASS = 5_172_023
MAX_BACKOFF = datetime.timedelta(hours=1)


class RecordRejected(Exception):
    """One record cannot be taken in; it is quarantined and the sync goes on."""


@dataclass
class SyncResult:
    source: str
    pages: int = 0
    upserted: int = 0
    removed: int = 0
    unchanged: int = 0
    quarantined: int = 0
    error: str = ""
    skipped: bool = False
    reports: ReportSyncResult | None = None

    @property
    def records(self) -> int:
        return self.upserted + self.removed + self.unchanged + self.quarantined


Progress = Callable[[SyncResult], None]


@contextlib.contextmanager
def _sync_lock(source: Source) -> Iterator[bool]:
    if connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [SYNC_LOCK_CLASS, source.pk])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [SYNC_LOCK_CLASS, source.pk])


def source_add(*, name: str, base_url: str, api_key: str = "") -> Source:
    """A new enabled source, validated as the admin form would."""
    source = Source(name=name, base_url=base_url.rstrip("/"), api_key=api_key)
    source.full_clean()
    source.save()
    return source


def source_sync(
    *, source: Source, page_size: int | None = None, progress: Progress | None = None
) -> SyncResult:
    """Pull every change since the source's cursor. Never raises for the source's sake:
    a failure is recorded on the source (shown in the admin) and retried later."""
    result = SyncResult(source=source.name)
    page_size = page_size or disclosure_settings.AGGREGATION_PAGE_SIZE
    with _sync_lock(source) as acquired:
        if not acquired:
            result.skipped = True
            return result
        source.refresh_from_db()
        client = FeedClient(source)
        try:
            while True:
                page = client.changes(cursor=source.cursor or None, limit=page_size)
                if page.has_more and page.next_cursor == source.cursor:
                    raise SyncError(_("来源站点的游标没有前进，已停止以免重复读取。"))
                # Checked and downloaded first, so the transaction holds no network wait.
                validator = ChangeSerializer()
                prepared = [_prepare(change, client, validator) for change in page.results]
                with transaction.atomic():
                    held = _PageState.load(source, prepared)
                    changed = []
                    for change in prepared:
                        outcome, mirror_id = _apply(source, change, held)
                        setattr(result, outcome, getattr(result, outcome) + 1)
                        if mirror_id is not None:
                            changed.append(mirror_id)
                    if page.next_cursor and page.next_cursor != source.cursor:
                        source.cursor = page.next_cursor
                        source.save(update_fields=["cursor"])
                    _index_later(changed)
                result.pages += 1
                if progress:
                    progress(result)
                if not page.has_more:
                    break
            result.reports = source_sync_reports(source=source, client=client)
        except SyncError as error:
            result.error = str(error)
            _record_failure(source, result.error)
            return result
        except Exception as error:
            # A fault of ours must not stop the other sources; it is logged with its trace.
            logger.exception("sync of %s stopped", source.name)
            result.error = _("同步中断：%(error)s") % {"error": f"{type(error).__name__}: {error}"}
            _record_failure(source, result.error)
            return result
        _record_success(source)
    return result


def _record_failure(source: Source, message: str) -> None:
    now = timezone.now()
    failures = source.failures + 1
    backoff = min(datetime.timedelta(minutes=2 ** min(failures - 1, 10)), MAX_BACKOFF)
    Source.objects.filter(pk=source.pk).update(
        last_error=message, last_error_at=now, failures=failures, next_attempt_at=now + backoff
    )
    logger.warning("sync of %s failed (%d in a row): %s", source.name, failures, message)


def _record_success(source: Source) -> None:
    Source.objects.filter(pk=source.pk).update(
        last_success_at=timezone.now(), last_error="", failures=0, next_attempt_at=None
    )


def sources_due(*, now: datetime.datetime | None = None):
    """Enabled sources not waiting out a back-off after failures."""
    now = now or timezone.now()
    return Source.objects.filter(enabled=True).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )


@dataclass
class _PreparedChange:
    """A change checked (and its files fetched) before the page's transaction."""

    raw: object
    remote_id: int | None
    data: dict | None = None
    files: dict[str, str] = field(default_factory=dict)
    digest: str = ""
    rejection: str = ""


@dataclass
class _PageState:
    """What the district holds of a page's items, read in two queries, not per record."""

    mirrors: dict[int, tuple[int, str]]
    quarantined: set[int]

    @classmethod
    def load(cls, source: Source, prepared: list[_PreparedChange]) -> "_PageState":
        ids = [change.remote_id for change in prepared if change.remote_id is not None]
        mirrors = MirroredItem.objects.filter(source=source, remote_id__in=ids)
        quarantined = QuarantinedRecord.objects.filter(source=source, remote_id__in=ids)
        return cls(
            mirrors={
                rid: (pk, h) for rid, pk, h in mirrors.values_list("remote_id", "pk", "record_hash")
            },
            quarantined=set(quarantined.values_list("remote_id", flat=True)),
        )


def _prepare(change, client: FeedClient, validator: ChangeSerializer) -> _PreparedChange:
    try:
        data = _validated(change, validator)
        files = _fetched_files(data["item"]["attachments"], client) if (
            data["item"] is not None and _fetching()
        ) else {}  # fmt: skip
    except RecordRejected as rejection:
        return _PreparedChange(raw=change, remote_id=remote_id_of(change), rejection=str(rejection))
    digest = record_hash(change["item"]) if data["item"] is not None else ""
    return _PreparedChange(raw=change, remote_id=data["id"], data=data, files=files, digest=digest)


def _apply(source: Source, change: _PreparedChange, held: _PageState) -> tuple[str, int | None]:
    """Returns the outcome ("upserted", "removed", "unchanged" or "quarantined") and the
    id of the mirror it changed, if any."""
    if change.rejection:
        quarantine(source, change.raw, change.remote_id, change.rejection)
        held.quarantined.add(change.remote_id)
        return "quarantined", None
    if change.remote_id in held.quarantined:
        QuarantinedRecord.objects.filter(source=source, remote_id=change.remote_id).delete()
        held.quarantined.discard(change.remote_id)
    existing = held.mirrors.get(change.remote_id)
    if change.data["action"] == "delete":
        held.mirrors.pop(change.remote_id, None)
        return _mirror_remove(mirror_id=existing[0] if existing else None)
    outcome, mirror_id = _mirror_write(
        source=source, data=change.data["item"], digest=change.digest, files=change.files,
        existing=existing,
    )  # fmt: skip
    if mirror_id is not None:
        held.mirrors[change.remote_id] = (mirror_id, change.digest)
    return outcome, mirror_id


def _validated(change, validator: ChangeSerializer) -> dict:
    # One serializer per page: building DRF's nested fields costs more than checking a record.
    try:
        data = validator.run_validation(change)
    except ValidationError as error:
        raise RecordRejected(flatten_errors(error.detail)) from None
    item = data["item"]
    if data["action"] == "upsert" and (item is None or item["id"] != data["id"]):
        raise RecordRejected(_("upsert 记录缺少与 id 一致的 item。"))
    if data["action"] == "delete" and item is not None:
        raise RecordRejected(_("delete 记录不应带 item。"))
    return data


def _mirror_write(
    *, source: Source, data: dict, digest: str, files: dict[str, str], existing
) -> tuple[str, int | None]:
    """Create or update the mirror of a validated record (``digest``: its hash as sent);
    a record identical to the one held (``existing``: its id and hash) changes nothing."""
    if existing is not None and existing[1] == digest:
        return "unchanged", None
    fields = {
        "index_number": data["index_number"],
        "title": data["title"],
        "agency_name": data["agency"]["name"],
        "agency_org_code": data["agency"]["org_code"],
        "category_code": data["category"]["code"],
        "category_titles": [level["title"] for level in data["category"]["path"]],
        "subject": data["subject"],
        "genre": data["genre"],
        "publisher_name": data["publisher"]["name"],
        "document_number": data["document_number"],
        "written_date": data["written_date"],
        "publish_date": data["publish_date"],
        "disclosure_method": data["disclosure_method"],
        "disclosure_period": data["disclosure_period"],
        "validity": data["validity"]["status"],
        "effective_date": data["validity"]["effective_date"],
        "abolished_date": data["validity"]["abolished_date"],
        "expiry_date": data["validity"]["expiry_date"],
        "summary": data["summary"],
        "keywords": data["keywords"],
        "information_source": data["source"],
        # Never trust markup from elsewhere: only harmless tags and attributes are kept.
        "body_html": nh3.clean(data["body_html"]),
        "url": data["url"] or "",
        "relations": _relations(data.get("relations", [])),
        "first_published_at": data["first_published_at"],
        "remote_updated_at": data["updated_at"],
        "record_hash": digest,
    }
    if existing is None:
        mirror_id = MirroredItem.objects.create(source=source, remote_id=data["id"], **fields).pk
    else:
        mirror_id = existing[0]
        MirroredItem.objects.filter(pk=mirror_id).update(synced_at=timezone.now(), **fields)
        MirroredAttachment.objects.filter(item_id=mirror_id).delete()
    if data["attachments"]:
        MirroredAttachment.objects.bulk_create(
            MirroredAttachment(
                item_id=mirror_id,
                position=position,
                title=attachment["title"],
                file_name=attachment["file_name"],
                url=attachment["url"],
                size=attachment["size"],
                sha256=attachment["sha256"],
                content_type=attachment["content_type"],
                file=files.get(attachment["sha256"], ""),
            )
            for position, attachment in enumerate(data["attachments"])
        )
    return "upserted", mirror_id


def _relations(links: list[dict]) -> list[dict]:
    # JSON as received (dates as text); a source before schema 1.1 sends none.
    return [
        {**link, "publish_date": link["publish_date"] and link["publish_date"].isoformat()}
        for link in links
    ]


def _mirror_remove(*, mirror_id: int | None) -> tuple[str, int | None]:
    if mirror_id is None:
        return "unchanged", None
    attachments = MirroredAttachment.objects.filter(item_id=mirror_id).exclude(file="")
    files = list(attachments.values_list("file", flat=True))
    MirroredItem.objects.filter(pk=mirror_id).delete()
    transaction.on_commit(lambda: _delete_unused_files(files))
    return "removed", mirror_id


def _index_later(mirror_ids: list[int]) -> None:
    if mirror_ids:
        mirrors_changed.send(sender=MirroredItem, mirror_ids=mirror_ids)


def _max_attachment_bytes() -> int:
    # Unset: a mirrored attachment may be as large as one an editor may upload here.
    limit = disclosure_settings.AGGREGATION_MAX_ATTACHMENT_BYTES
    if limit is None:
        return getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None) or 50 * 1024 * 1024
    return limit


def _fetching() -> bool:
    return disclosure_settings.AGGREGATION_ATTACHMENTS == "fetch"


def _fetched_files(attachments: list[dict], client: FeedClient) -> dict[str, str]:
    """Local copies of the attachments, by SHA-256, each verified against the record.

    Files are stored by their checksum, so a file already held is not fetched again.
    """
    stored = {}
    for attachment in attachments:
        sha256 = attachment["sha256"]
        name = f"mirrored/{sha256[:2]}/{sha256}/{_safe_name(attachment['file_name'])}"
        if default_storage.exists(name) and default_storage.size(name) == attachment["size"]:
            stored[sha256] = name
            continue
        if urlsplit(attachment["url"]).netloc != urlsplit(client.source.base_url).netloc:
            raise RecordRejected(
                _("附件“%(title)s”的地址不在来源站点上，未收录。") % {"title": attachment["title"]}
            )
        try:
            content = client.download(attachment["url"], max_bytes=_max_attachment_bytes())
        except SourceUnavailable:
            raise
        except SyncError as error:
            raise RecordRejected(
                _("附件“%(title)s”无法下载：%(error)s")
                % {"title": attachment["title"], "error": error}
            ) from error
        if hashlib.sha256(content).hexdigest() != sha256:
            raise RecordRejected(
                _("附件“%(title)s”的 SHA-256 与记录不符，未收录。") % {"title": attachment["title"]}
            )
        if default_storage.exists(name):
            default_storage.delete(name)
        stored[sha256] = default_storage.save(name, ContentFile(content))
    return stored


def _safe_name(file_name: str) -> str:
    name = file_name.replace("\\", "/").rsplit("/", 1)[-1].strip(". ")
    return name[:100] or "attachment"


def _delete_unused_files(names: list[str]) -> None:
    for name in names:
        if not MirroredAttachment.objects.filter(file=name).exists():
            default_storage.delete(name)
