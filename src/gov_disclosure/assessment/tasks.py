from celery import shared_task

from .remote import remote_figures_sync_all


@shared_task
def sync_remote_figures() -> int:
    """Daily: the assessment figures of the agencies the district aggregates."""
    return sum(result.agencies for result in remote_figures_sync_all())
