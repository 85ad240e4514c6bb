from celery import shared_task

from .services import batch_run


@shared_task
def run_import(batch_id: int) -> int:
    """Import a checked batch (its files kept in private storage); returns items created."""
    return batch_run(batch_id=batch_id)
