"""Response times per department, in working days, from letters with known dates."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from gov_disclosure.letters.models import Letter
from gov_disclosure.letters.selectors import letter_statistics
from gov_disclosure.letters.services import (
    letter_approve,
    letter_assign,
    letter_close,
    letter_reply_save,
)
from tests.disclosure_requests.conftest import at
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def year_of_letters(office, write):
    def answer(letter, department, officer, on):
        letter_assign(letter=letter, department=department, user=office.manager)
        with time_machine.travel(at(on), tick=False):
            letter_reply_save(
                letter=letter,
                user=officer,
                reply="已办理。",
                submit=True,
                complaint_finding="unsubstantiated",
            )
            letter_approve(letter=letter, user=office.leader)

    # 城建办: answered in 5 working days (on time) and in 20 (late; due 24 March).
    answer(
        write(received_at=at(D(2025, 3, 3))), office.construction, office.officer, D(2025, 3, 10)
    )
    answer(
        write(received_at=at(D(2025, 3, 3))), office.construction, office.officer, D(2025, 3, 31)
    )
    # 党政办公室: one still open past its deadline, one closed.
    open_late = write(received_at=at(D(2025, 3, 3)))
    letter_assign(letter=open_late, department=office.other_department, user=office.manager)
    closed = write(received_at=at(D(2025, 3, 5)))
    letter_assign(letter=closed, department=office.other_department, user=office.manager)
    letter_close(letter=closed, user=office.manager, reason="重复来信")
    # Not yet assigned, within its deadline; and a letter of the year before.
    write(received_at=at(D(2025, 4, 9)))
    write(received_at=at(D(2024, 12, 2)))


def test_each_department_has_its_counts_on_time_rate_and_average_days(office, year_of_letters):
    rows = letter_statistics(
        letters=Letter.objects.filter(received_on__year=2025), today=D(2025, 4, 10)
    )

    by_name = {row.name: row for row in rows}
    assert set(by_name) == {"城建办", "党政办公室", "（未分办）"}
    construction = by_name["城建办"]
    assert (construction.received, construction.replied, construction.replied_on_time) == (2, 2, 1)
    assert sorted(construction.days_taken) == [5, 20]
    assert construction.average_days == 12.5 and construction.on_time_rate == 50
    office_row = by_name["党政办公室"]
    assert (office_row.received, office_row.open, office_row.overdue, office_row.closed) == (
        2,
        1,
        1,
        1,
    )
    assert office_row.average_days is None and office_row.on_time_rate is None
    unassigned = by_name["（未分办）"]
    assert (unassigned.received, unassigned.open, unassigned.overdue) == (1, 1, 0)


def test_the_reply_deadline_counts_working_days_from_the_day_after_receipt(office, write):
    # Received on Friday 26 September 2025: the National Day holiday (1–8 October) does
    # not count; Sunday 28 September and Saturday 11 October are make-up working days.
    letter = write(received_at=at(D(2025, 9, 26)))

    assert letter.reply_due_on == D(2025, 10, 23)


def test_the_admin_statistics_page_by_year_for_the_supervisor(client, office, year_of_letters):
    client.login(username=office.supervisor.username, password=PASSWORD)

    html = client.get(
        reverse("disclosure_letters_admin:statistics"), {"year": 2025}
    ).content.decode()

    assert (
        '<th scope="row">城建办</th><td>2</td><td>2</td><td>1</td><td>50%</td><td>12.5</td>' in html
    )
    html = client.get(
        reverse("disclosure_letters_admin:statistics"), {"year": 2024}
    ).content.decode()
    assert '<th scope="row">（未分办）</th><td>1</td>' in html and "城建办" not in html
