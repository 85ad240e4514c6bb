from celery import shared_task

from .reminders import requests_send_reminders
from .retention import requests_purge_expired


@shared_task
def send_request_reminders() -> int:
    """Daily: mail handlers and 党政办 the requests due soon or overdue."""
    return requests_send_reminders()


@shared_task
def purge_expired_personal_data() -> int:
    """Nightly: purge applicants' data past the retention period."""
    return requests_purge_expired()
