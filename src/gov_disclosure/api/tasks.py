"""Celery tasks of the synchronisation feed."""

from celery import shared_task

from . import services


@shared_task(ignore_result=True)
def reconcile_feed() -> dict:
    """Nightly: repair entries a failed write or an out-of-band change left behind."""
    drift = services.feed_reconcile(fix=True)
    return {"stale": sorted(drift.stale), "extra": sorted(drift.extra)}
