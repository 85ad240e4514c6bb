"""The working calendar: the built-in State Council schedule, and the office's own entries."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from gov_disclosure.pages import roles
from gov_disclosure.workcalendar.models import CalendarDay
from gov_disclosure.workcalendar.workdays import (
    add_working_days,
    builtin_schedule_known,
    is_working_day,
)

pytestmark = pytest.mark.django_db
D = datetime.date

NOTICE_2027 = """
2027-01-01 至 2027-01-03 放假 元旦
2027-02-05 至 2027-02-11 放假 春节
2027-02-14 上班 春节调休
2027-02-20 上班 春节调休
"""


@pytest.fixture
def office_client(client):
    user = get_user_model().objects.create_user("dzb", "dzb@example.gov.cn", "pw")
    user.groups.add(roles.district_group_ensure())  # the calendar is the platform's
    client.login(username="dzb", password="pw")
    return client


def year_url(year):
    return reverse("workcalendar_year", args=[year])


def test_built_in_schedule_has_holidays_and_make_up_days():
    assert not is_working_day(D(2025, 10, 3))
    assert is_working_day(D(2025, 10, 11))  # Saturday worked in exchange
    assert builtin_schedule_known(2026)
    assert not builtin_schedule_known(2027)  # the notice was not out when the package shipped


def test_office_enters_next_years_notice_and_deadlines_follow(office_client):
    page = office_client.get(year_url(2027)).content.decode()
    assert "内置日历尚无 2027 年的国务院放假和调休安排" in page
    assert is_working_day(D(2027, 2, 11))  # a Thursday the package does not give off

    response = office_client.post(
        year_url(2027),
        {"source": "国务院办公厅关于2027年部分节假日安排的通知", "schedule": NOTICE_2027},
    )

    assert response.status_code == 302
    assert CalendarDay.objects.filter(date__year=2027).count() == 12
    assert not is_working_day(D(2027, 2, 11))
    assert is_working_day(D(2027, 2, 14))  # a Sunday, worked
    # From Thursday 2-4: 2-12 (Fri) is day 1, the make-up Sunday 2-14 day 2.
    assert add_working_days(D(2027, 2, 4), 2) == D(2027, 2, 14)
    page = office_client.get(year_url(2027)).content.decode()
    assert "内置日历尚无" not in page
    assert "春节调休" in page and "手工录入" in page


def test_saving_again_replaces_the_years_entries(office_client):
    office_client.post(year_url(2027), {"source": "通知", "schedule": NOTICE_2027})

    office_client.post(year_url(2027), {"source": "更正", "schedule": "2027-02-14 放假 更正"})

    assert list(CalendarDay.objects.values_list("date", "kind")) == [(D(2027, 2, 14), "holiday")]
    assert not is_working_day(D(2027, 2, 14))


def test_office_corrects_a_built_in_day(office_client):
    office_client.post(year_url(2025), {"source": "更正", "schedule": "2025-10-11 放假 更正"})

    assert not is_working_day(D(2025, 10, 11))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2027-02-30 放假", "不是有效日期"),
        ("2027-02-05 休假", "只能写“放假”或“上班”"),
        ("二月五日 放假", "第 1 行看不懂"),
        ("2028-01-01 放假", "不在 2027 年"),
        ("2027-02-05 放假\n2027-02-05 上班", "第 2 行：2027-02-05 重复"),
        ("2027-03-01 至 2027-02-01 放假", "日期范围应从前到后"),
    ],
)
def test_bad_lines_are_refused_with_the_line_number_and_nothing_is_saved(
    office_client, text, message
):
    response = office_client.post(year_url(2027), {"source": "通知", "schedule": text})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert text.splitlines()[0] in response.content.decode()  # what was typed stays
    assert not CalendarDay.objects.exists()


@pytest.mark.parametrize("role", [roles.INFORMATION_OFFICER, roles.OFFICE])
def test_only_the_district_keeps_the_calendar(client, agency, role):
    user = get_user_model().objects.create_user("xxy", "x@example.gov.cn", "pw")
    roles.role_grant(user=user, agency=agency, role=role)
    client.login(username="xxy", password="pw")

    response = client.post(year_url(2027), {"source": "x", "schedule": "2027-02-14 放假"})

    assert response.status_code in (302, 403)
    assert not CalendarDay.objects.exists()
