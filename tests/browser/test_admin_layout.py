"""What the office reads in the admin at a desktop width: the report's row labels."""

import math

import pytest

from gov_disclosure.annual_reports import services
from tests.review.conftest import office_build

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_report_tables_row_labels_are_not_broken_every_few_characters(
    live_server, staff_page, agency
):
    office = office_build(agency)
    report = services.report_generate(agency=agency, year=2025, user=office.users["office"]).report
    page = staff_page(office.users["office"])

    page.goto(f"{live_server.url}/admin/pages/{report.pk}/edit/")
    lines = page.locator("table.report-table th.row-label").evaluate_all(
        """labels => labels
            .filter(label => label.nextElementSibling && label.nextElementSibling.tagName === "TD")
            .map(label => {
                const range = document.createRange();
                range.selectNodeContents(label);
                const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                return [label.textContent.trim(), tops.size];
            })"""
    )

    assert any(text == "1.属于国家秘密" for text, _count in lines)
    # At least ten characters a line (they were two or three: "1.属/于国/家秘/密").
    assert [(text, count) for text, count in lines if count > math.ceil(len(text) / 10)] == []
