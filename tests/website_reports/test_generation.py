"""The report's entries filled from a constructed year, and generating again."""

import re

import pytest

from gov_disclosure.feedback.services import proposal_submit
from gov_disclosure.pages.models import Genre
from gov_disclosure.website_reports import spec
from gov_disclosure.website_reports.models import WebsiteReportPage
from tests.factories import PASSWORD

from .conftest import YEAR, day, edit_form_data, generate, moment

pytestmark = pytest.mark.django_db


def test_every_generated_entry_counts_the_year(year_of_data):
    office = year_of_data.office

    report = generate(office).report

    values = report.values()
    for key, expected in year_of_data.expected.items():
        assert values[key] == expected, key
    assert values["home_url"] == office.agency.full_url
    assert values["filler"] == office.users["office"].get_username()
    assert report.title == f"{office.agency.agency_name}政府网站工作年度报表（{YEAR}年度）"
    assert not report.live
    # What only the office knows is left for it, and listed as missing.
    assert values["page_views"] is None
    missing = {entry.key for entry in spec.missing_entries(values)}
    assert {"page_views", "site_type", "head", "new_media"} <= missing
    assert "published_total" not in missing


def test_generating_again_keeps_what_the_office_changed(client, year_of_data):
    office = year_of_data.office
    report = generate(office).report
    client.login(username="office", password=PASSWORD)
    data = edit_form_data(
        client, report, **{"figures-published_total": "40", "figures-page_views": "9000"}
    )
    assert client.post(f"/admin/pages/{report.pk}/edit/", data).status_code == 302
    # More data since: a news item and a proposal.
    office.item(live=True, genre=Genre.NEWS, publish_date=day(11, 1))
    proposal_submit(
        agency=office.agency, topic="希望公开菜场改造方案", received_at=moment(day(11, 2))
    )

    response = client.post(
        "/admin/website-reports/", {"agency": office.agency.pk, "year": YEAR}, follow=True
    )

    page = response.content.decode()
    kept = re.search(r"以下栏目保留了您修改过的内容（与最新数据不同）：([^<]*)<", page)
    assert kept.group(1).strip() == "信息发布（单位：条）·总数"
    values = WebsiteReportPage.objects.get(pk=report.pk).get_latest_revision_as_object().values()
    assert values["published_total"] == 40  # the office's figure stands
    assert values["published_news"] == 4  # refreshed
    assert values["survey_opinions"] == 6
    assert values["page_views"] == 9000  # entered by the office, never touched
    assert WebsiteReportPage.objects.filter(year=YEAR).count() == 1


def test_the_editor_says_where_the_data_now_differs(client, year_of_data):
    office = year_of_data.office
    report = generate(office).report
    office.item(live=True, genre=Genre.NEWS, publish_date=day(11, 1))
    client.login(username="office", password=PASSWORD)

    editor = client.get(f"/admin/pages/{report.pk}/edit/").content.decode()

    assert "按当前数据，有 3 个栏目与本报表不同" in editor
    assert "信息发布（单位：条）·政务动态信息更新量：当前数据 4" in editor
    assert "提交审核前还须填写：" in editor
    assert "互动交流·留言办理·平均办理时间（单位：天）：按信件办理记录统计" in editor
