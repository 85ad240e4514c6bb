"""Handing work to Celery once the change is committed, without ever failing the change.

A site without Celery (no broker configured on the current Celery app, or
``GOV_DISCLOSURE["TASKS"] = "inline"``) runs the work in this process right after the commit.

When the broker (Redis) is away, the change has already committed: raising then would show
the user an error for something that was done, and invite them to do it twice. Work that
nothing else would redo (mails, the automated review checks) runs in this process instead;
work a nightly reconcile repairs (the search index) is only logged.
"""

import logging

from django.db import transaction

from gov_disclosure.conf import disclosure_settings

logger = logging.getLogger(__name__)


def celery_in_use() -> bool:
    """Whether tasks go to Celery workers: ``TASKS`` = "celery" or "inline", or "auto" (the
    default) for Celery when the site made a Celery app and gave it a broker."""
    mode = disclosure_settings.TASKS
    if mode != "auto":
        return mode == "celery"
    from celery import current_app

    app = current_app._get_current_object()
    # Celery's fallback app, made without fixups, stands in when the site made none: no worker
    # reads its queue, even if CELERY_BROKER_URL happens to be in the environment.
    return bool(app.fixups) and bool(app.conf.broker_url)


def _run_here(task, args, kwargs) -> None:
    # apply() keeps the task's own exception in its result: it never raises here.
    result = task.apply(args, kwargs)
    if result.failed():
        logger.error("%s failed: %r", task.name, result.result)


def queue_after_commit(task, *args, run_here_if_broker_down: bool = True, **kwargs) -> None:
    def send():
        if not celery_in_use():
            _run_here(task, args, kwargs)
            return
        try:
            task.apply_async(args, kwargs)
        except Exception:  # the broker's connection errors are many (kombu, redis, socket)
            if not run_here_if_broker_down:
                logger.exception("could not queue %s; the nightly reconcile repairs it", task.name)
                return
            logger.warning("could not queue %s; running it here", task.name, exc_info=True)
            _run_here(task, args, kwargs)

    transaction.on_commit(send)
