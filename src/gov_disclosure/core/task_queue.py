"""Handing work to Celery once the change is committed, without ever failing the change.

When the broker (Redis) is away, the change has already committed: raising then would show
the user an error for something that was done, and invite them to do it twice. Work that
nothing else would redo (mails, the automated review checks) runs in this process instead;
work a nightly reconcile repairs (the search index) is only logged.
"""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def queue_after_commit(task, *args, run_here_if_broker_down: bool = True, **kwargs) -> None:
    def send():
        try:
            task.apply_async(args, kwargs)
        except Exception:  # the broker's connection errors are many (kombu, redis, socket)
            if not run_here_if_broker_down:
                logger.exception("could not queue %s; the nightly reconcile repairs it", task.name)
                return
            logger.warning("could not queue %s; running it here", task.name, exc_info=True)
            # apply() keeps the task's own exception in its result: it never raises here.
            result = task.apply(args, kwargs)
            if result.failed():
                logger.error("%s failed: %r", task.name, result.result)

    transaction.on_commit(send)
