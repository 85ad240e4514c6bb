from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .models import CalendarDay
from .signals import working_calendar_changed
from .workdays import forget_overrides


def _calendar_day_changed(sender, instance, **kwargs):
    forget_overrides()
    years = {instance.date.year}
    transaction.on_commit(
        lambda: working_calendar_changed.send(sender=CalendarDay, years=years), robust=True
    )


def connect():
    post_save.connect(_calendar_day_changed, sender=CalendarDay, dispatch_uid="calendar-day-saved")
    post_delete.connect(
        _calendar_day_changed, sender=CalendarDay, dispatch_uid="calendar-day-deleted"
    )
