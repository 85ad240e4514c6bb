"""Celery tasks of the catalogue's pages."""

from celery import shared_task

from . import rendering


@shared_task(ignore_result=True)
def render_items(page_ids: list[int]) -> int:
    """After a public change: render the changed items again, ready for their visitors."""
    return rendering.items_render(page_ids=page_ids)
