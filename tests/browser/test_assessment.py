"""The district reads the year's results in a browser: the ranking, the charts drawn on
the server, and the records behind a figure."""

import pytest
from playwright.sync_api import expect

from tests.assessment.conftest import rubric, submit, write, year  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_district_reads_the_ranking_the_charts_and_the_evidence(
    live_server,
    staff_page,
    screenshot,
    year,  # noqa: F811
):
    page = staff_page(year.district)
    page.goto(f"{live_server.url}/admin/assessment/")
    page.get_by_role("link", name="查看结果").click()
    table = page.get_by_role("table", name=f"{year.rubric.year}年考核结果（按总分排名）")
    first_row = table.get_by_role("row").nth(1)
    expect(first_row).to_contain_text(year.agency.agency_name)
    expect(first_row).to_contain_text("55.2")
    charts = page.locator("figure img")
    expect(charts.first).to_be_visible()
    for n in range(charts.count()):
        chart = charts.nth(n)
        chart.scroll_into_view_if_needed()
        # Lazy images load after the scroll: wait until loaded (or failed), then check it drew.
        expect(chart).to_have_js_property("complete", True, timeout=15_000)
        assert chart.evaluate("img => img.naturalWidth > 0"), chart.get_attribute("src")
    screenshot(page, "results")

    first_row.get_by_role("link", name="66.7%").click()
    expect(page.get_by_text("2 / 3 条记录")).to_be_visible()
    expect(page.get_by_role("link", name="第2条信息")).to_be_visible()
    screenshot(page, "evidence")
