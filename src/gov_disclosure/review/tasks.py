"""Celery tasks of the review workflow: thin, each hands over to Wagtail or a service."""

from celery import shared_task
from django.core.management import call_command
from wagtail.models import Revision

from . import services


@shared_task(ignore_result=True)
def run_publication_schedule() -> None:
    """Every minute (Celery beat): 定时发布 and 定时下线, and 有效性 lapsing on its date.

    Due schedules of revisions no workflow approved are refused first (and logged),
    then Wagtail's ``publish_scheduled`` publishes approved ones and unpublishes
    expired pages.
    """
    services.schedules_refuse_unapproved()
    call_command("publish_scheduled")
    services.items_mark_lapsed()


@shared_task(ignore_result=True)
def check_revision(revision_id: int) -> None:
    """Run the automated checks of a submitted revision ahead of the 保密审查 step."""
    revision = Revision.objects.filter(pk=revision_id).first()
    if revision is not None:
        services.revision_run_checks(revision=revision)
