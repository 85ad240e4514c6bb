from celery import shared_task

from . import notifications


@shared_task
def mail_writer_receipt(letter_id: int) -> None:
    notifications.writer_receipt(letter_id=letter_id)


@shared_task
def mail_writer_progress(letter_id: int, action: str) -> None:
    notifications.writer_progress(letter_id=letter_id, action=action)


@shared_task
def mail_managers_new_letter(letter_id: int) -> None:
    notifications.managers_new_letter(letter_id=letter_id)


@shared_task
def mail_department_assigned(letter_id: int) -> None:
    notifications.department_assigned(letter_id=letter_id)


@shared_task
def mail_approvers_reply_submitted(letter_id: int) -> None:
    notifications.approvers_reply_submitted(letter_id=letter_id)


@shared_task
def mail_drafter_returned(letter_id: int) -> None:
    notifications.drafter_returned(letter_id=letter_id)


@shared_task
def purge_expired_writer_data() -> int:
    """Nightly: purge writers' data past the retention period."""
    from .retention import letters_purge_expired

    return letters_purge_expired()
