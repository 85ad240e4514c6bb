"""What the sync does with records of a source: their hash, and quarantine for the
ones that cannot be taken in (items and annual reports alike)."""

import hashlib
import json
import logging

from .models import QuarantinedRecord, Source

logger = logging.getLogger("gov_disclosure.aggregation.services")


def flatten_errors(errors, prefix: str = "") -> str:
    if isinstance(errors, dict):
        return "；".join(flatten_errors(value, f"{prefix}{key}.") for key, value in errors.items())
    if isinstance(errors, list):
        if all(isinstance(e, str) for e in errors):
            return f"{prefix.rstrip('.')}：{' '.join(errors)}"
        return "；".join(flatten_errors(e, f"{prefix}{i}.") for i, e in enumerate(errors) if e)
    return f"{prefix.rstrip('.')}：{errors}"


def remote_id_of(change) -> int | None:
    remote_id = change.get("id") if isinstance(change, dict) else None
    return remote_id if isinstance(remote_id, int) and abs(remote_id) < 2**63 else None


def quarantine(source: Source, change, remote_id: int | None, error: str) -> None:
    """Keep the record with its reason (the latest one per item) for the office to see."""
    payload = json.dumps(change, ensure_ascii=False, default=str)[:100_000]
    if remote_id is not None:
        QuarantinedRecord.objects.filter(source=source, remote_id=remote_id).delete()
    QuarantinedRecord.objects.create(
        source=source, remote_id=remote_id, payload=payload, error=error
    )
    logger.warning("quarantined a record of %s (#%s): %s", source.name, remote_id, error)


def record_hash(record: dict) -> str:
    content = {k: v for k, v in record.items() if k != "updated_at"}
    return hashlib.sha256(
        json.dumps(content, ensure_ascii=False, sort_keys=True).encode()
    ).hexdigest()
