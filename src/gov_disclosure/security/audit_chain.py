"""The audit log sealed in a keyed hash chain, verified, kept and exported.

Wagtail writes the log (``PageLogEntry``, ``ModelLogEntry``); each new entry is sealed in
the same transaction: ``mac = HMAC(key, previous mac ‖ the entry as stored)``, with the
audit-log key from the environment (never in the database). PostgreSQL refuses UPDATE and
DELETE on the log and its seals outside a superuser's maintenance block (migration
review 0003, security 0002); the chain proves afterwards that nobody, the database's own
superuser included, changed, removed or slipped in an entry: ``audit_verify`` recomputes
every link and names the first that does not hold. Only the removal of the newest entries
together with their seals is invisible to the chain itself, which is why the head
(``ChainReport.head``) is written to the application log every night: kept by the log
collector off the server, it anchors the chain.

Entries are purged only from the start of the chain and only when older than
``AUDIT_RETENTION_DAYS`` (at least 183 days, as 等保 2.0 asks); the purge records where
the chain now starts, sealed too.
"""

import datetime
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry, PageLogEntry

from gov_disclosure.conf import disclosure_settings
from gov_disclosure.core import crypto

from .models import AuditPurge, AuditSeal

logger = logging.getLogger(__name__)

LOG_MODELS = {"page": PageLogEntry, "model": ModelLogEntry}
GENESIS = "0" * 64
MINIMUM_RETENTION_DAYS = 183
_LOCK = 0x6764_6175  # "gdau": one writer of the chain at a time
_BATCH = 2000


def log_model_name(model) -> str | None:
    for name, log_model in LOG_MODELS.items():
        if issubclass(model, log_model):
            return name
    return None


@contextmanager
def audit_log_maintenance(*, user) -> Iterator[None]:
    """Open the audit log for correction by a superuser, for one transaction.

    Outside this block PostgreSQL refuses any UPDATE or DELETE of log entries and seals,
    whoever asks. What is changed inside it still breaks the chain (``audit_verify``)."""
    if not (user.is_active and user.is_superuser):
        raise PermissionDenied(_("只有超级管理员可以修改或删除日志。"))
    with transaction.atomic():
        _maintenance_open()
        logger.warning("audit log maintenance opened by %s", user.get_username())
        yield


def _maintenance_open() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL disclosure.audit_log_maintenance = 'on'")


# --- the hash --------------------------------------------------------------------------


def _mac(label: str, previous: str, payload: bytes) -> str:
    """The seal under ``label`` (``suite:fingerprint``, ``crypto.key_label``)."""
    suite_number, key_id = label.split(":")
    key = crypto.key_by_id(bytes.fromhex(key_id), crypto.audit_log_keys())
    return crypto.keyed_hash(
        key.derive(b"audit-chain"),
        previous.encode() + payload,
        crypto.SUITE_NAMES[int(suite_number)],
    )


def _seal_problem(label: str, previous: str, payload: bytes, mac: str, changed: str) -> str | None:
    """Why a seal does not hold (``changed`` when it does not match), or None."""
    try:
        if _mac(label, previous, payload) == mac:
            return None
    except crypto.DecryptionError as error:
        return _("无法校验：%(error)s") % {"error": error}
    return changed


def _canonical(log_model: str, row: dict) -> bytes:
    """The entry as stored, in one byte form whatever the database returned it as."""
    return json.dumps(
        [log_model, row],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        cls=DjangoJSONEncoder,
    ).encode()


def _rows(log_model: str, ids, fields=()) -> dict[int, dict]:
    entries = LOG_MODELS[log_model].objects.filter(pk__in=ids)
    return {row["id"]: row for row in entries.values(*(("id", *fields) if fields else ()))}


def seals_with_entries(*fields: str) -> Iterator[tuple[AuditSeal, dict | None]]:
    """Every seal in chain order with its entry as stored (only ``fields`` of it, if
    named), read in batches; None where the entry is gone."""
    last_pk = 0
    while seals := list(AuditSeal.objects.filter(pk__gt=last_pk).order_by("pk")[:_BATCH]):
        rows = {
            name: _rows(name, [seal.entry_id for seal in seals if seal.log_model == name], fields)
            for name in LOG_MODELS
        }
        for seal in seals:
            yield seal, rows[seal.log_model].get(seal.entry_id)
        last_pk = seals[-1].pk


def _chain_start() -> str:
    purge = AuditPurge.objects.order_by("-pk").first()
    return purge.through_mac if purge else GENESIS


# --- sealing ---------------------------------------------------------------------------


def entries_seal(log_model: str, entry_ids: list[int]) -> None:
    """Seal new log entries, in this order, at the end of the chain (in the caller's
    transaction, under a lock so two writers never take the same previous link)."""
    if not entry_ids:
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK])
        previous = (
            AuditSeal.objects.order_by("-pk").values_list("mac", flat=True).first()
            or _chain_start()
        )
        label = crypto.key_label(crypto.audit_log_keys()[0])
        rows = _rows(log_model, entry_ids)
        seals = []
        for entry_id in entry_ids:
            previous = _mac(label, previous, _canonical(log_model, rows[entry_id]))
            seals.append(
                AuditSeal(log_model=log_model, entry_id=entry_id, key_id=label, mac=previous)
            )
        AuditSeal.objects.bulk_create(seals)


# --- verifying -------------------------------------------------------------------------


@dataclass
class BrokenLink:
    seal_id: int | None
    log_model: str
    entry_id: int
    problem: str
    timestamp: datetime.datetime | None = None
    action: str = ""
    label: str = ""

    def describe(self) -> str:
        when = (
            timezone.localtime(self.timestamp).strftime("%Y-%m-%d %H:%M:%S")
            if self.timestamp
            else "—"
        )
        kind = "页面日志" if self.log_model == "page" else "对象日志"
        return f"{kind} #{self.entry_id}（{when} {self.action} {self.label}）：{self.problem}"


@dataclass
class ChainReport:
    entries: int = 0
    head: str = GENESIS
    broken: list[BrokenLink] = field(default_factory=list)
    purges: int = 0

    @property
    def intact(self) -> bool:
        return not self.broken


def chain_verify(*, stop_at_first: bool = True) -> ChainReport:
    """Recompute the chain from its start; every entry must be sealed, unchanged, and in
    its place."""
    report = ChainReport()
    previous = GENESIS
    purge_previous = GENESIS
    for purge in AuditPurge.objects.order_by("pk"):
        report.purges += 1
        problem = _seal_problem(
            purge.key_id, purge_previous, _purge_payload(purge), purge.mac, _("清理记录被改动。")
        )
        if problem is not None:
            report.broken.append(BrokenLink(None, "purge", purge.pk, problem, purge.purged_at))
            return report
        purge_previous, previous = purge.mac, purge.through_mac

    for seal, row in seals_with_entries():
        if row is None:
            report.broken.append(
                BrokenLink(seal.pk, seal.log_model, seal.entry_id, _("这条日志已被删除。"))
            )
        else:
            problem = _seal_problem(
                seal.key_id,
                previous,
                _canonical(seal.log_model, row),
                seal.mac,
                _("与封存时不符：这条日志被改动，或它之前的日志被删除。"),
            )
            if problem is not None:
                report.broken.append(
                    BrokenLink(
                        seal.pk,
                        seal.log_model,
                        seal.entry_id,
                        problem,
                        row["timestamp"],
                        row["action"],
                        row["label"],
                    )
                )
        if report.broken and stop_at_first:
            return report
        previous = seal.mac
        report.entries += 1
    report.head = previous

    # Entries that were never sealed: written around the platform.
    since = AuditPurge.objects.order_by("-pk").values_list("before", flat=True).first()
    for name, model in LOG_MODELS.items():
        unsealed = model.objects.exclude(
            pk__in=AuditSeal.objects.filter(log_model=name).values("entry_id")
        )
        if since:
            unsealed = unsealed.filter(timestamp__gte=since)
        for row in unsealed.order_by("pk").values("pk", "timestamp", "action", "label")[:10]:
            report.broken.append(
                BrokenLink(
                    None,
                    name,
                    row["pk"],
                    _("未封存：这条日志不是经平台写入的。"),
                    row["timestamp"],
                    row["action"],
                    row["label"],
                )
            )
            if stop_at_first:
                return report
    return report


# --- retention -------------------------------------------------------------------------


class PurgeRefused(Exception):
    pass


def retention_days() -> int:
    return max(disclosure_settings.AUDIT_RETENTION_DAYS, MINIMUM_RETENTION_DAYS)


def _purge_payload(purge: AuditPurge) -> bytes:
    return _canonical(
        "purge",
        {
            "purged_by": purge.purged_by,
            # As the database gives it back: in UTC.
            "before": purge.before.astimezone(datetime.UTC),
            "entries": purge.entries,
            "through_seal": purge.through_seal,
            "through_mac": purge.through_mac,
        },
    )


def entries_purge(*, before: datetime.datetime, user) -> int:
    """Remove the entries older than ``before`` from the start of the chain (never one
    younger than the retention period); returns how many went."""
    limit = timezone.now() - datetime.timedelta(days=retention_days())
    if before > limit:
        raise PurgeRefused(
            _("日志至少保存 %(days)s 天：只能清理 %(date)s 之前的日志。")
            % {"days": retention_days(), "date": timezone.localdate(limit).isoformat()}
        )
    report = chain_verify()
    if not report.intact:
        raise PurgeRefused(
            _("日志链已断，先查明原因，不能清理：%(first)s")
            % {"first": report.broken[0].describe()}
        )
    with audit_log_maintenance(user=user):
        through = None
        removed = {name: [] for name in LOG_MODELS}
        for seal, row in seals_with_entries("timestamp"):
            if row is None or row["timestamp"] >= before:
                break
            removed[seal.log_model].append(seal.entry_id)
            through = seal
        if through is None:
            return 0
        for name, ids in removed.items():
            LOG_MODELS[name].objects.filter(pk__in=ids).delete()
        AuditSeal.objects.filter(pk__lte=through.pk).delete()
        previous = AuditPurge.objects.order_by("-pk").values_list("mac", flat=True).first()
        label = crypto.key_label(crypto.audit_log_keys()[0])
        purge = AuditPurge(
            purged_by=user.get_username(),
            before=before,
            entries=sum(len(ids) for ids in removed.values()),
            through_seal=through.pk,
            through_mac=through.mac,
            key_id=label,
        )
        purge.mac = _mac(label, previous or GENESIS, _purge_payload(purge))
        purge.save()
        logger.warning(
            "audit log: %s entries before %s purged by %s", purge.entries, before, purge.purged_by
        )
        return purge.entries
