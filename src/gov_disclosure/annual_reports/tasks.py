from celery import shared_task

from .reminders import reports_send_reminders


@shared_task
def send_report_reminders() -> int:
    """Daily: remind 党政办 of the annual report's submission and publication deadlines."""
    return reports_send_reminders()
