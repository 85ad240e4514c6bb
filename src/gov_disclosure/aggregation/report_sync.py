"""Mirroring a source's published annual reports (all of them, each sync).

A source publishes a handful of reports (one per agency and year), so the whole
list is read every time: a report that left the list was unpublished and its
mirror goes. A record that fails the checks is quarantined and its previous
mirror, if any, is kept.
"""

from dataclasses import dataclass

from django.db import transaction
from rest_framework.exceptions import ValidationError

from gov_disclosure.annual_reports import tables
from gov_disclosure.annual_reports.api import ReportRecordSerializer

from .client import FeedClient
from .models import MirroredReport, QuarantinedRecord, Source
from .quarantine import flatten_errors, quarantine, record_hash, remote_id_of


@dataclass
class ReportSyncResult:
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    quarantined: int = 0
    # False when the source has no reports endpoint (an earlier release).
    served: bool = True


def source_sync_reports(*, source: Source, client: FeedClient) -> ReportSyncResult:
    result = ReportSyncResult()
    records = client.reports()
    if records is None:
        result.served = False
        return result
    validator = ReportRecordSerializer()
    held = {
        remote_id: (pk, digest)
        for remote_id, pk, digest in MirroredReport.objects.filter(source=source).values_list(
            "remote_id", "pk", "record_hash"
        )
    }
    seen = set()
    with transaction.atomic():
        for record in records:
            remote_id = remote_id_of(record)
            try:
                data = validator.run_validation(record)
            except ValidationError as error:
                quarantine(source, record, remote_id, flatten_errors(error.detail))
                result.quarantined += 1
                if remote_id is not None:
                    seen.add(remote_id)  # keep the last good copy
                continue
            seen.add(data["id"])
            QuarantinedRecord.objects.filter(source=source, remote_id=data["id"]).delete()
            digest = record_hash(record)
            existing = held.get(data["id"])
            if existing is not None and existing[1] == digest:
                result.unchanged += 1
                continue
            MirroredReport.objects.update_or_create(
                source=source,
                remote_id=data["id"],
                defaults={
                    "year": data["year"],
                    "title": data["title"],
                    "agency_name": data["agency"]["name"],
                    "agency_org_code": data["agency"]["org_code"],
                    "url": data["url"],
                    "xlsx_url": data["downloads"]["xlsx"],
                    "pdf_url": data["downloads"]["pdf"],
                    "tables": {
                        key: tables.to_json(key, table) for key, table in data["tables"].items()
                    },
                    "last_published_at": data["last_published_at"],
                    "record_hash": digest,
                },
            )
            result.changed += 1
        gone = [pk for remote_id, (pk, _digest) in held.items() if remote_id not in seen]
        if gone:
            result.removed = MirroredReport.objects.filter(pk__in=gone).delete()[0]
    return result
