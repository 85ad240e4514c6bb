"""Celery tasks of the search index: ids in, retried with backoff while the engine is away."""

from celery import shared_task

from . import query_log, services
from .engines import SearchEngineUnavailable

# A document refresh waits out an engine outage, backing off up to ten minutes.
REFRESH_RETRIES = {
    "autoretry_for": (SearchEngineUnavailable,),
    "retry_backoff": 5,
    "retry_backoff_max": 600,
    "max_retries": 12,
    "ignore_result": True,
}


@shared_task(**REFRESH_RETRIES)
def refresh_page_in_index(page_id: int) -> None:
    services.page_index_refresh(page_id=page_id)


@shared_task(**REFRESH_RETRIES)
def refresh_mirrors_in_index(mirror_ids: list[int]) -> None:
    services.mirrors_index_refresh(mirror_ids=mirror_ids)


@shared_task(ignore_result=True)
def rebuild_index() -> None:
    services.index_rebuild()


@shared_task(autoretry_for=(SearchEngineUnavailable,), retry_backoff=60, max_retries=5)
def reconcile_index() -> dict:
    """Nightly: repair what indexing missed (engine or broker down, a publish during a reindex)."""
    drift = services.index_reconcile(fix=True)
    return {"missing": drift.missing, "stale": drift.stale, "extra": drift.extra}


@shared_task(ignore_result=True)
def purge_old_query_log() -> int:
    """Nightly: the search log keeps SEARCH_QUERY_LOG_DAYS days."""
    return query_log.query_log_purge()
