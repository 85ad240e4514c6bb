"""Reads of the working calendar for the admin."""

import datetime
from dataclasses import dataclass

from .models import CalendarDay
from .workdays import builtin_day_name, is_working_day


@dataclass(frozen=True)
class NotableDay:
    """A day that is not what its weekday suggests: a holiday or a make-up working day."""

    date: datetime.date
    is_working_day: bool
    name: str
    entered: bool  # by the office, rather than built in


def year_notable_days(*, year: int) -> list[NotableDay]:
    entered = {day.date: day for day in CalendarDay.objects.filter(date__year=year)}
    days = []
    day = datetime.date(year, 1, 1)
    while day.year == year:
        working = is_working_day(day)
        usual = day.weekday() < 5
        if working != usual or day in entered:
            manual = entered.get(day)
            days.append(
                NotableDay(
                    date=day,
                    is_working_day=working,
                    name=manual.name if manual else builtin_day_name(day),
                    entered=manual is not None,
                )
            )
        day += datetime.timedelta(days=1)
    return days


def year_schedule_entered(*, year: int) -> bool:
    return CalendarDay.objects.filter(date__year=year).exists()
