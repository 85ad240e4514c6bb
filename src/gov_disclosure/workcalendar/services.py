"""Writes to the office's working calendar."""

import datetime
from dataclasses import dataclass

from django.db import transaction

from .models import CalendarDay
from .signals import working_calendar_changed
from .workdays import forget_overrides


@dataclass(frozen=True)
class ScheduledDay:
    date: datetime.date
    kind: str
    name: str = ""


def calendar_year_replace(*, year: int, days: list[ScheduledDay], source: str, user) -> int:
    """Make ``days`` the office's whole schedule for ``year``, replacing what was entered.

    This is how the State Council's yearly notice is entered: every holiday and
    make-up working day at once, in one transaction. Returns the number of days kept.
    """
    outside = [day.date for day in days if day.date.year != year]
    if outside:
        raise ValueError(f"{outside[0]:%Y-%m-%d} 不在 {year} 年")
    with transaction.atomic():
        CalendarDay.objects.filter(date__year=year).delete()
        CalendarDay.objects.bulk_create(
            CalendarDay(date=day.date, kind=day.kind, name=day.name, source=source, updated_by=user)
            for day in days
        )
        forget_overrides()
        transaction.on_commit(
            lambda: working_calendar_changed.send(sender=CalendarDay, years={year}), robust=True
        )
    return len(days)
