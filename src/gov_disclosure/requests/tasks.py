from celery import shared_task

from . import notifications
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


@shared_task
def mail_applicant_receipt(request_id: int) -> None:
    notifications.applicant_receipt(request_id=request_id)


@shared_task
def mail_applicant_progress(request_id: int, action: str) -> None:
    notifications.applicant_state_changed(request_id=request_id, action=action)


@shared_task
def mail_handler_assigned(request_id: int, handler_id: int) -> None:
    notifications.handler_assigned(request_id=request_id, handler_id=handler_id)


@shared_task
def mail_extension_to_decide(application_id: int) -> None:
    notifications.extension_to_decide(application_id=application_id)


@shared_task
def mail_extension_decided(application_id: int) -> None:
    notifications.extension_decided(application_id=application_id)
