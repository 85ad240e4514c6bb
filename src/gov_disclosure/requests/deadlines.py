"""The statutory clock of a request, in working days (条例 Art. 30–33).

- The day of receipt does not count; a request received on a non-working day is
  taken as received on the next working day.
- The office asks for a correction (补正) within 7 working days of receipt; the
  answer period starts again when the corrected request arrives.
- The answer is due within 20 working days; one extension of at most 20 more.
- Days spent consulting a third party or waiting for a fee do not count: the clock
  stops after the day the letter or notice goes out and runs again the day after
  the reply or payment arrives.
"""

import datetime
from dataclasses import dataclass

from gov_disclosure.workcalendar.workdays import (
    add_working_days,
    next_working_day,
    working_days_between,
)

CORRECTION_NOTICE_WORKING_DAYS = 7
ANSWER_WORKING_DAYS = 20
MAX_EXTENSION_WORKING_DAYS = 20
THIRD_PARTY_WORKING_DAYS = 15  # Art. 32
FEE_PAYMENT_WORKING_DAYS = 20  # 政府信息公开信息处理费管理办法, Art. 9
DEFAULT_CORRECTION_WORKING_DAYS = 15  # the applicant's period; the office may set another


@dataclass(frozen=True)
class Pause:
    started_on: datetime.date
    ended_on: datetime.date | None

    def covers(self, day: datetime.date) -> bool:
        return self.started_on < day and (self.ended_on is None or day <= self.ended_on)


def clock_start(received_on: datetime.date) -> datetime.date:
    """The day from which periods count (itself not counted)."""
    return next_working_day(received_on)


def correction_notice_due(received_on: datetime.date) -> datetime.date:
    return add_working_days(clock_start(received_on), CORRECTION_NOTICE_WORKING_DAYS)


def _paused(pauses: list[Pause]):
    return lambda day: any(pause.covers(day) for pause in pauses)


def answer_due(
    *, started_on: datetime.date, extension_days: int, pauses: list[Pause]
) -> datetime.date | None:
    """The last day to answer, or ``None`` while the clock is stopped (an open pause)."""
    if any(pause.ended_on is None for pause in pauses):
        return None
    return add_working_days(started_on, ANSWER_WORKING_DAYS + extension_days, skip=_paused(pauses))


def working_days_used(
    *, started_on: datetime.date, today: datetime.date, pauses: list[Pause]
) -> int:
    """Working days of the answer period gone by ``today``, paused days left out."""
    return working_days_between(started_on, today, skip=_paused(pauses))
