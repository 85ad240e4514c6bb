"""Celery tasks of the catalogue: thin, each hands over to Wagtail or a service."""

from celery import shared_task
from django.core.management import call_command


@shared_task(ignore_result=True)
def publish_scheduled_pages() -> None:
    """Publish revisions whose 定时发布 time has come, and unpublish expired pages.

    Run every minute by Celery beat, so scheduled items go live without a cron job.
    """
    call_command("publish_scheduled")
