"""Art. 26 timeliness: working days from 成文日期 to first publication, and the report."""

import datetime

import pytest
from django.utils import timezone

from gov_disclosure.pages.models import DisclosureItemPage
from gov_disclosure.workcalendar.workdays import (
    add_working_days,
    is_working_day,
    working_days_between,
)
from tests.review.conftest import is_denied

pytestmark = pytest.mark.django_db

D = datetime.date


def test_working_days_follow_the_state_councils_holidays_and_make_up_days():
    assert not is_working_day(D(2024, 10, 3))  # 国庆节
    assert is_working_day(D(2024, 10, 12))  # Saturday, 调休上班
    assert not is_working_day(D(2024, 10, 13))  # an ordinary Sunday
    # 30 September → 14 October 2024: 9-30 does not count; 10-8..10-12 and 10-14 do.
    assert working_days_between(D(2024, 9, 30), D(2024, 10, 14)) == 6
    assert working_days_between(D(2024, 10, 14), D(2024, 10, 14)) == 0
    assert add_working_days(D(2024, 9, 30), 6) == D(2024, 10, 14)


def publish_on(make_item, publish, written, published, **fields):
    item = make_item(written_date=written, publish_date=published, **fields)
    return publish(item)


def test_first_publication_records_the_working_days_and_it_never_changes(make_item, publish):
    item = publish_on(make_item, publish, D(2024, 9, 30), D(2024, 10, 14))

    assert item.publication_working_days == 6
    item.title = "修改后重新发布"
    assert publish(item).publication_working_days == 6


def test_report_per_department_with_median_and_overdue_items(office, client, publish, make_item):
    def published(department, written, on, title):
        item = office.item(department, title=title, written_date=written, publish_date=on)
        return publish(item)

    published("a", D(2024, 3, 1), D(2024, 3, 5), "及时的信息")  # 2 working days
    published("a", D(2024, 3, 1), D(2024, 3, 15), "也及时的信息")  # 10
    late = published("a", D(2024, 1, 2), D(2024, 3, 1), "超期的信息")  # over 20
    published("b", D(2024, 5, 6), D(2024, 5, 10), "财政所的信息")  # 4
    published("b", D(2023, 5, 6), D(2023, 5, 10), "上一年度的信息")  # outside the range
    assert late.publication_working_days > 20

    client.force_login(office.users["office"])
    response = client.get(
        "/admin/review/timeliness/", {"date_from": "2024-01-01", "date_to": "2024-12-31"}
    )

    assert response.status_code == 200
    rows = {row.department.name: row for row in response.context["rows"]}
    a, b = rows["社会事务管理办公室"], rows["财政所"]
    assert (a.count, a.median, a.overdue_count) == (3, 10, 1)
    assert (b.count, b.median, b.overdue_count) == (1, 4, 0)
    assert [item.title for item in a.overdue] == ["超期的信息"]
    html = response.content.decode()
    assert "超期的信息" in html and "共发布 4 条，其中超期 1 条" in html


def test_report_rejects_a_reversed_range_in_chinese(office, client):
    client.force_login(office.users["supervisor"])

    response = client.get(
        "/admin/review/timeliness/", {"date_from": "2024-12-31", "date_to": "2024-01-01"}
    )

    assert response.status_code == 400
    assert "开始日期不能晚于结束日期" in response.content.decode()


def test_report_defaults_to_this_year_and_is_closed_to_officers(office, client):
    client.force_login(office.users["supervisor"])
    response = client.get("/admin/review/timeliness/")
    assert response.status_code == 200
    assert response.context["form"].data["date_from"] == f"{timezone.localdate().year}-01-01"

    client.force_login(office.users["officer"])
    assert is_denied(client.get("/admin/review/timeliness/"))


def test_the_catalogue_listing_flags_overdue_items(office, client, publish):
    item = office.item(
        title="超期发布的通知", written_date=D(2024, 1, 2), publish_date=D(2024, 3, 1)
    )
    publish(item)
    client.force_login(office.users["office"])

    html = client.get("/admin/disclosure_items/").content.decode()

    assert DisclosureItemPage.objects.get(pk=item.pk).publication_working_days > 20
    assert "超期" in html
