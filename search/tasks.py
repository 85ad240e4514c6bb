"""Celery tasks of the search index: ids in, retried with backoff while the engine is away."""

from celery import shared_task
from opensearchpy.exceptions import ConnectionError as EngineConnectionError
from opensearchpy.exceptions import TransportError

from . import services


@shared_task(
    autoretry_for=(EngineConnectionError, TransportError),
    retry_backoff=5,
    retry_backoff_max=600,
    max_retries=12,
    ignore_result=True,
)
def refresh_item_in_index(item_id: int) -> None:
    services.item_index_refresh(item_id=item_id)
