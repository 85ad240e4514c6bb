"""The assessment can score the website report published by 31 January."""

import datetime

import pytest
from django.utils import timezone

from gov_disclosure.assessment.measures import MEASURES
from gov_disclosure.website_reports.models import WebsiteReportPage

pytestmark = pytest.mark.django_db


def published_report(agency, year: int, published_on: datetime.date | None):
    report = WebsiteReportPage(
        title=f"{year}年度报表", slug=f"website-report-{year}", year=year, live=bool(published_on)
    )
    if published_on:
        report.first_published_at = timezone.make_aware(
            datetime.datetime.combine(published_on, datetime.time(9))
        )
    agency.add_child(instance=report)
    return report


@pytest.mark.parametrize(
    ("published_on", "meets"),
    [
        (datetime.date(2025, 1, 31), True),
        (datetime.date(2025, 2, 1), False),
        (None, False),
    ],
)
def test_last_years_report_counts_when_published_by_31_january(agency, published_on, meets):
    report = published_report(agency, 2024, published_on)
    published_report(agency, 2023, datetime.date(2024, 1, 10))  # another year's: not counted
    measure = MEASURES["website_report_on_time"]

    rows = measure.rows(agency=agency, year=2025)

    assert [(row.title, row.meets) for row in rows] == [(report.title, meets)]
    assert measure.value(rows) == (1.0 if meets else 0.0)
