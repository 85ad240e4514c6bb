"""Working days under the State Council's holiday schedule, make-up working days included.

Statutory periods (Art. 26: publish within 20 working days; Art. 33: answer a
request within 20 working days) count working days after the starting day, as
Chinese law counts periods: the day an item is formed does not count.
"""

import datetime
from functools import lru_cache

import holidays

PUBLICATION_DEADLINE_WORKING_DAYS = 20


@lru_cache(maxsize=64)
def _calendar(year: int) -> holidays.HolidayBase:
    # One calendar per year keeps the lookups cheap and the cache small.
    return holidays.China(years=year)


def is_working_day(day: datetime.date) -> bool:
    return _calendar(day.year).is_working_day(day)


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after ``start`` up to and including ``end``; 0 if ``end`` is not later."""
    count = 0
    day = start + datetime.timedelta(days=1)
    while day <= end:
        count += is_working_day(day)
        day += datetime.timedelta(days=1)
    return count


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date on which a period of ``days`` working days counted from ``start`` ends."""
    day = start
    while days > 0:
        day += datetime.timedelta(days=1)
        days -= is_working_day(day)
    return day
