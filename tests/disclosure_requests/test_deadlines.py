"""Statutory periods in working days around Spring Festival and National Day.

The expected dates are counted by hand from the State Council's schedules
(2025: 春节 1-28…2-4 with 1-26 and 2-8 worked; 国庆 10-1…10-8 with 9-28 and
10-11 worked; 2026: 春节 2-15…2-23 with 2-14 and 2-28 worked).
"""

import datetime

import pytest

from gov_disclosure.requests import deadlines
from gov_disclosure.requests.models import State
from gov_disclosure.requests.selectors import request_clock
from gov_disclosure.requests.services import (
    request_accept,
    request_ask_correction,
    request_end_consultation,
    request_issue_fee_notice,
    request_record_correction,
    request_record_payment,
    request_start_consultation,
)
from tests.disclosure_requests.conftest import extend

pytestmark = pytest.mark.django_db
D = datetime.date


def test_answer_is_due_twenty_working_days_after_receipt_across_spring_festival(submit):
    request = submit(D(2025, 1, 24))  # Friday; 1-26 is a make-up working day

    assert request.clock_started_on == D(2025, 1, 24)
    assert request.correction_notice_due_on == D(2025, 2, 10)
    assert request.answer_due_on == D(2025, 2, 27)


def test_received_on_a_saturday_before_a_make_up_sunday_counts_from_that_sunday(submit):
    request = submit(D(2025, 9, 27))

    assert request.clock_started_on == D(2025, 9, 28)
    assert request.answer_due_on == D(2025, 10, 31)


def test_received_during_national_day_counts_from_the_first_working_day_after(submit):
    request = submit(D(2025, 10, 3))

    assert request.clock_started_on == D(2025, 10, 9)
    assert request.correction_notice_due_on == D(2025, 10, 17)  # 10-11 is worked
    assert request.answer_due_on == D(2025, 11, 5)


def test_received_late_in_the_evening_counts_by_the_beijing_date(submit):
    # 23:30 on 30 September in Beijing is still 30 September, a working day.
    request = submit(datetime.datetime(2025, 9, 30, 15, 30, tzinfo=datetime.UTC))

    assert request.received_on == D(2025, 9, 30)
    assert request.clock_started_on == D(2025, 9, 30)


def test_extension_adds_working_days_to_the_original_deadline(submit, staff, on_day):
    request = submit(D(2025, 1, 24))
    on_day(D(2025, 2, 20))
    request_accept(request=request, user=staff.handler)
    extend(request=request, user=staff.handler, days=20, approver=staff.office, note="需调取档案")

    request.refresh_from_db()
    assert request.state == State.EXTENDED
    assert request.answer_due_on == D(2025, 3, 27)


def test_consultation_days_do_not_count(submit, staff, on_day):
    request = submit(D(2025, 9, 1))
    assert request.answer_due_on == D(2025, 9, 28)  # a make-up Sunday is a working day
    on_day(D(2025, 9, 5))
    request_accept(request=request, user=staff.handler)
    request_start_consultation(
        request=request, user=staff.handler, party="某物业公司", started_on=D(2025, 9, 5)
    )
    request.refresh_from_db()
    assert request.state == State.CONSULTING
    assert request.answer_due_on is None
    assert request_clock(request=request, today=D(2025, 9, 10)).paused

    on_day(D(2025, 9, 12))
    request_end_consultation(request=request, user=staff.handler, ended_on=D(2025, 9, 12))

    request.refresh_from_db()
    assert request.state == State.ACCEPTED
    # 9-8…9-12 (five working days) did not count: the deadline moves past National Day.
    assert request.answer_due_on == D(2025, 10, 11)


def test_fee_notice_stops_the_clock_until_payment(submit, staff, on_day):
    request = submit(D(2025, 9, 1))
    on_day(D(2025, 9, 5))
    request_accept(request=request, user=staff.handler)
    request_issue_fee_notice(
        request=request, user=staff.handler, amount=100, started_on=D(2025, 9, 5)
    )
    on_day(D(2025, 9, 12))
    request_record_payment(request=request, user=staff.handler, paid_on=D(2025, 9, 12), amount=100)

    request.refresh_from_db()
    assert request.answer_due_on == D(2025, 10, 11)


def test_corrected_request_restarts_the_period_from_its_arrival(submit, staff, on_day):
    request = submit(D(2026, 2, 10))
    on_day(D(2026, 2, 11))
    request_ask_correction(
        request=request,
        user=staff.handler,
        note="请写明所需文件的名称或文号。",
        correction_due_on=D(2026, 3, 6),
    )
    request.refresh_from_db()
    assert request.state == State.CORRECTION
    assert request.answer_due_on is None

    on_day(D(2026, 2, 14))  # a make-up Saturday: a working day, so the clock starts there
    request_record_correction(request=request, user=staff.handler, corrected_on=D(2026, 2, 14))

    request.refresh_from_db()
    assert request.clock_started_on == D(2026, 2, 14)
    assert request.answer_due_on == D(2026, 3, 20)


def test_correction_arriving_during_the_holiday_counts_from_the_next_working_day(
    submit, staff, on_day
):
    request = submit(D(2026, 2, 10))
    on_day(D(2026, 2, 11))
    request_ask_correction(
        request=request, user=staff.handler, note="补充文号", correction_due_on=D(2026, 3, 6)
    )
    on_day(D(2026, 2, 18))
    request_record_correction(request=request, user=staff.handler, corrected_on=D(2026, 2, 18))

    request.refresh_from_db()
    assert request.clock_started_on == D(2026, 2, 24)
    # 2-25, 26, 27, 28 (make-up Saturday), then weekdays from 3-2: day 20 is 3-23.
    assert request.answer_due_on == D(2026, 3, 23)


def test_pauses_and_an_extension_add_up(submit, staff, on_day):
    request = submit(D(2025, 9, 1))
    on_day(D(2025, 9, 5))
    request_accept(request=request, user=staff.handler)
    request_start_consultation(
        request=request, user=staff.handler, party="第三方", started_on=D(2025, 9, 5)
    )
    on_day(D(2025, 9, 12))
    request_end_consultation(request=request, user=staff.handler, ended_on=D(2025, 9, 12))
    on_day(D(2025, 9, 15))
    extend(request=request, user=staff.handler, days=5, approver=staff.office, note="量大")

    request.refresh_from_db()
    # 10-11 plus five working days: 10-13, 14, 15, 16, 17.
    assert request.answer_due_on == D(2025, 10, 17)


def test_working_days_used_leaves_out_paused_days():
    pauses = [deadlines.Pause(started_on=D(2025, 9, 5), ended_on=D(2025, 9, 12))]

    used = deadlines.working_days_used(
        started_on=D(2025, 9, 1), today=D(2025, 9, 16), pauses=pauses
    )

    # 9-2…9-5 (4) and 9-15, 9-16 (2); 9-8…9-12 paused.
    assert used == 6


@pytest.mark.parametrize("received", [D(2025, 9, 6), D(2025, 9, 8)])  # a Saturday, a Monday
def test_working_days_used_and_left_make_the_period(submit, on_day, received):
    request = submit(received)
    on_day(received)

    clock = request_clock(request=request, today=received)

    assert clock.working_days_used + clock.working_days_left == 20
