"""Working days under the State Council's holiday schedule, make-up working days included.

The built-in schedule comes from the ``holidays`` package (country CN); days the
office entered in the admin (``CalendarDay``) override it, for years the package
does not know yet and for corrections. Statutory periods count working days after
the starting day, as Chinese law counts periods: the starting day does not count.
"""

import datetime
import threading
import time
from collections.abc import Callable
from functools import lru_cache

import holidays

# Another process sees an edit of the calendar within this many seconds; the
# process that made it sees it at once (``forget_overrides``).
OVERRIDES_MAX_AGE_SECONDS = 60

_overrides_lock = threading.Lock()
_overrides_state: dict = {"loaded_at": None, "days": {}}


@lru_cache(maxsize=64)
def _builtin(year: int) -> holidays.HolidayBase:
    # One calendar per year keeps the lookups cheap and the cache small.
    return holidays.China(years=year, language="zh_CN")


def _overrides() -> dict[datetime.date, bool]:
    with _overrides_lock:
        loaded_at = _overrides_state["loaded_at"]
        if loaded_at is None or time.monotonic() - loaded_at > OVERRIDES_MAX_AGE_SECONDS:
            from .models import CalendarDay

            _overrides_state["days"] = {
                day: kind == CalendarDay.Kind.WORKDAY
                for day, kind in CalendarDay.objects.values_list("date", "kind")
            }
            _overrides_state["loaded_at"] = time.monotonic()
        return _overrides_state["days"]


def forget_overrides() -> None:
    """Read the office's days again on the next lookup (after an edit)."""
    with _overrides_lock:
        _overrides_state["loaded_at"] = None


def builtin_is_working_day(day: datetime.date) -> bool:
    return _builtin(day.year).is_working_day(day)


def is_working_day(day: datetime.date) -> bool:
    override = _overrides().get(day)
    if override is not None:
        return override
    return builtin_is_working_day(day)


def next_working_day(day: datetime.date) -> datetime.date:
    """``day`` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


def _counts(day: datetime.date, skip: Callable[[datetime.date], bool] | None) -> bool:
    return is_working_day(day) and not (skip and skip(day))


def working_days_between(
    start: datetime.date,
    end: datetime.date,
    *,
    skip: Callable[[datetime.date], bool] | None = None,
) -> int:
    """Working days after ``start`` up to and including ``end``; 0 if ``end`` is not later.

    ``skip`` leaves out days that do not count although they are worked (a paused clock).
    """
    count = 0
    day = start + datetime.timedelta(days=1)
    while day <= end:
        count += _counts(day, skip)
        day += datetime.timedelta(days=1)
    return count


def add_working_days(
    start: datetime.date,
    days: int,
    *,
    skip: Callable[[datetime.date], bool] | None = None,
) -> datetime.date:
    """The date on which a period of ``days`` working days counted from ``start`` ends,
    leaving out days ``skip`` says do not count."""
    day = start
    while days > 0:
        day += datetime.timedelta(days=1)
        days -= _counts(day, skip)
    return day


def builtin_schedule_known(year: int) -> bool:
    """Whether the built-in schedule carries the State Council's notice for ``year``.

    Every notice moves some weekend days to working days (调休上班); a year the
    package only computed from the fixed festivals has none.
    """
    return any(day.year == year for day in _builtin(year).weekend_workdays)


def builtin_day_name(day: datetime.date) -> str:
    return _builtin(day.year).get(day, "")
