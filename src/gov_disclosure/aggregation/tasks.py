"""Celery beat pulls every enabled source that is not backing off after failures."""

from celery import shared_task

from . import services


@shared_task(ignore_result=True)
def sync_due_sources() -> list[dict]:
    results = []
    for source in services.sources_due():
        result = services.source_sync(source=source)
        results.append({"source": result.source, "records": result.records, "error": result.error})
    return results
