"""Daily reminders of requests due soon or overdue, to their handlers and 党政办."""

import datetime

from django.utils import timezone

from . import notifications
from .models import DisclosureRequest
from .selectors import requests_due_soon, requests_overdue, users_with_request_permission


def requests_send_reminders(*, today: datetime.date | None = None) -> int:
    """One mail per person: their requests due soon or overdue; 党政办 gets its agency's.

    Each request is mentioned at most once a day, however often the task runs.
    Returns the number of mails sent.
    """
    today = today or timezone.localdate()
    candidates = DisclosureRequest.objects.select_related("agency", "handler").exclude(
        last_reminded_on=today
    )
    due_soon = list(requests_due_soon(candidates, today=today).order_by("answer_due_on"))
    overdue = list(requests_overdue(candidates, today=today).order_by("answer_due_on"))
    if not due_soon and not overdue:
        return 0
    managers: dict[int, set[str]] = {}  # each agency's 党政办
    mails: dict[str, tuple[list, list]] = {}
    for bucket, requests in ((0, due_soon), (1, overdue)):
        for request in requests:
            if request.agency_id not in managers:
                managers[request.agency_id] = set(
                    users_with_request_permission(
                        "manage_requests", agency_id=request.agency_id, include_superusers=False
                    )
                    .exclude(email="")
                    .values_list("email", flat=True)
                )
            recipients = set(managers[request.agency_id])
            if request.handler and request.handler.is_active and request.handler.email:
                recipients.add(request.handler.email)
            for email in recipients:
                mails.setdefault(email, ([], []))[bucket].append(request)
    for email, (soon, late) in sorted(mails.items()):
        notifications.staff_reminder(recipient_email=email, due_soon=soon, overdue=late)
    DisclosureRequest.objects.filter(pk__in=[r.pk for r in due_soon + overdue]).update(
        last_reminded_on=today
    )
    return len(mails)
