"""The district assesses two agencies for a year: each indicator's figure is the known
answer of the constructed year, scored by the rubric, ranked, traceable to its records,
exported and charted; an agency's own staff see their own row only."""

import io
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from gov_disclosure.assessment.models import Indicator, ManualValue
from gov_disclosure.assessment.selectors import assessment_results, indicator_score
from tests.letters.test_handling import login

from .conftest import YEAR

pytestmark = pytest.mark.django_db

# measure → (value, score) for the agency the year was built for
EXPECTED = {
    "items_published": (3.0, Decimal("10.0")),
    "items_timely": (2 / 3, Decimal("6.7")),
    "guide_updated": (1.0, Decimal("5.0")),
    "requests_on_time": (0.5, Decimal("10.0")),
    "requests_corrected": (1.0, Decimal("5.0")),
    "letters_on_time": (0.75, Decimal("7.5")),
    "complaints_substantiated": (1.0, Decimal("2.5")),
    "satisfaction": (0.8, Decimal("6.0")),
    "proposals_on_time": (0.5, Decimal("2.5")),
    "manual": (None, Decimal("0")),
}


def figures_of(result):
    return {fig.indicator.measure: (fig.value, fig.score) for fig in result.figures}


def test_every_indicator_is_the_known_answer_and_the_agencies_are_ranked(year):
    first, second = assessment_results(rubric=year.rubric)
    assert (first.agency, first.rank, first.total) == (year.agency, 1, Decimal("55.2"))
    for measure, (value, score) in EXPECTED.items():
        got_value, got_score = figures_of(first)[measure]
        assert got_value == pytest.approx(value), measure
        assert got_score == score, measure
    # The other agency did nothing: only the "fewer is better" indicators earn points.
    assert (second.agency, second.rank, second.total) == (year.other, 2, Decimal("15.0"))
    assert figures_of(second)["satisfaction"] == (0.0, Decimal("0"))  # one 不满意
    assert figures_of(second)["requests_on_time"] == (None, Decimal("0"))


@pytest.mark.parametrize(
    ("full", "zero", "value", "points"),
    [
        (1, 0, 0.25, "2.5"),
        (1, 0.5, 0.4, "0.0"),
        (0, 2, 3, "0.0"),
        (0, 2, 0, "10.0"),
        (3, 0, 9, "10.0"),
        (0, 1, 1, "0.0"),  # exactly at zero_at where fewer is better: 0, not -0
    ],
)
def test_scores_are_linear_between_zero_and_full(full, zero, value, points):
    indicator = Indicator(weight=Decimal(10), full_at=Decimal(full), zero_at=Decimal(str(zero)))
    score = indicator_score(indicator, value)
    assert score == Decimal(points) and str(score) == points


def test_each_figure_opens_the_records_it_counts(client, year):
    login(client, year.district)
    results = client.get(reverse("disclosure_assessment:results", args=[year.rubric.pk]))
    page = results.content.decode()
    assert "55.2" in page and "15.0" in page and "66.7%" in page
    timely = year.rubric.indicators.get(measure="items_timely")
    evidence_url = reverse(
        "disclosure_assessment:evidence", args=[year.rubric.pk, timely.pk, year.agency.pk]
    )
    assert evidence_url in page
    evidence = client.get(evidence_url).content.decode()
    for title in ("第0条信息", "第1条信息", "第2条信息"):
        assert title in evidence
    assert "第3条信息" not in evidence  # published the year before
    assert "2 / 3 条记录" in evidence and "30个工作日" in evidence


def test_a_figure_entered_by_hand_needs_its_evidence_and_only_the_district_enters_it(
    client, year, office
):
    manual = year.rubric.indicators.get(measure="manual")
    url = reverse("disclosure_assessment:manual", args=[year.rubric.pk, manual.pk, year.agency.pk])
    login(client, office.manager)
    assert client.get(url).status_code in (302, 403)

    login(client, year.district)
    refused = client.post(url, {"value": "1", "evidence": ""})
    assert refused.status_code == 400
    assert "请填写数值的依据。" in refused.content.decode()
    client.post(url, {"value": "1", "evidence": "2025年11月组织全员政务公开培训，签到表存档。"})
    assert ManualValue.objects.get().entered_by == year.district
    first = assessment_results(rubric=year.rubric)[0]
    assert first.total == Decimal("60.2")
    evidence = client.get(
        reverse("disclosure_assessment:evidence", args=[year.rubric.pk, manual.pk, year.agency.pk])
    ).content.decode()
    assert "签到表存档" in evidence


def test_an_agency_reads_its_own_row_only(client, year, office):
    login(client, office.manager)
    page = client.get(
        reverse("disclosure_assessment:results", args=[year.rubric.pk])
    ).content.decode()
    assert year.agency.agency_name in page and year.other.agency_name not in page
    other_evidence = reverse(
        "disclosure_assessment:evidence",
        args=[year.rubric.pk, year.rubric.indicators.first().pk, year.other.pk],
    )
    assert client.get(other_evidence).status_code == 404
    chart = client.get(reverse("disclosure_assessment:totals_chart", args=[year.rubric.pk]))
    assert year.other.agency_name not in chart.content.decode()
    workbook = load_workbook(io.BytesIO(client.get(
        reverse("disclosure_assessment:export", args=[year.rubric.pk])
    ).content))  # fmt: skip
    names = [row[1] for row in workbook.active.iter_rows(min_row=3, values_only=True)]
    assert names == [year.agency.agency_name]

    login(client, office.officer)  # 信息员 are not assessed readers
    assert client.get(
        reverse("disclosure_assessment:results", args=[year.rubric.pk])
    ).status_code in (302, 403)


def test_the_ranking_exports_to_excel(client, year):
    login(client, year.district)
    response = client.get(reverse("disclosure_assessment:export", args=[year.rubric.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert [row[:3] for row in rows] == [
        (1, year.agency.agency_name, 55.2),
        (2, year.other.agency_name, 15.0),
    ]
    assert rows[0][3:5] == (3.0, 10.0)  # items published, and its points


def test_the_charts_are_svg_drawn_on_the_server(client, year):
    login(client, year.district)
    totals = client.get(reverse("disclosure_assessment:totals_chart", args=[year.rubric.pk]))
    assert totals["Content-Type"].startswith("image/svg+xml")
    svg = totals.content.decode()
    ET.fromstring(svg)  # well-formed
    assert year.agency.agency_name in svg and year.other.agency_name in svg
    assert "<script" not in svg
    timely = year.rubric.indicators.get(measure="items_timely")
    trend = client.get(
        reverse("disclosure_assessment:trend_chart", args=[year.rubric.pk, timely.pk])
    ).content.decode()
    ET.fromstring(trend)
    assert str(YEAR) in trend and str(YEAR - 4) in trend
    assert "67%" in trend  # last year's share, printed on the line


def test_the_district_keeps_the_rubric_and_agencies_do_not(client, year, office):
    login(client, year.district)
    assert client.get(reverse("disclosure_assessment:add")).status_code == 200
    login(client, office.manager)
    assert client.get(reverse("disclosure_assessment:add")).status_code in (302, 403)
    listing = client.get(reverse("disclosure_assessment:index"))
    assert listing.status_code == 200 and "查看结果" in listing.content.decode()


def test_timeliness_counts_what_was_answered_early_in_the_year(office, write):
    """A letter answered today, days before its deadline, counts as on time this year."""
    from gov_disclosure.assessment.measures import MEASURES
    from gov_disclosure.letters.models import Letter

    letter = write()
    Letter.objects.filter(pk=letter.pk).update(state="replied", replied_on=timezone.localdate())
    [row] = MEASURES["letters_on_time"].rows(agency=office.agency, year=timezone.localdate().year)
    assert row.title == letter.number and row.meets


def test_each_figure_counted_in_sql_is_the_count_of_its_evidence_list(year):
    """The results page counts in the database; the evidence page lists the records: the
    two must agree for every measure and agency."""
    from gov_disclosure.assessment.measures import MEASURES

    for agency in (year.agency, year.other):
        for code, measure in MEASURES.items():
            rows = measure.rows(agency=agency, year=YEAR)
            assert measure.figure(agency=agency, year=YEAR) == measure.value(rows), code
