"""Every cell of the tables generated from a year of data with known counts."""

from decimal import Decimal

import pytest

from gov_disclosure.annual_reports import selectors, tables
from gov_disclosure.annual_reports.layout import TOTAL, grid

from .conftest import ANSWERS, CATEGORIES, YEAR, matrix_count

pytestmark = pytest.mark.django_db


def expected_requests() -> dict:
    """Table 三 written out from how the data was made (tests/annual_reports/conftest.py)."""
    table = {row: dict.fromkeys(CATEGORIES, 0) for row in ("new", "carried_in", "carried_out")}
    for a, answer in enumerate(ANSWERS):
        table[answer] = {c: matrix_count(a, i) for i, c in enumerate(CATEGORIES)}
    matrix_total = {c: sum(table[answer][c] for answer in ANSWERS) for c in CATEGORIES}
    for category, count in matrix_total.items():
        table["new"][category] = count
    # Carried in and answered: a person disclosed, a person partial, a business not held.
    table["disclosed"]["person"] += 1
    table["partial"]["person"] += 1
    table["unable_not_held"]["business"] += 1
    table["carried_in"]["person"] = 2
    table["carried_in"]["business"] = 1
    # Carried in and still open: a research institute (also carried out).
    table["carried_in"]["research"] = 1
    table["carried_out"]["research"] = 1
    # Received in December, answered in January or still open: carried out.
    table["new"]["legal_service"] += 1
    table["carried_out"]["legal_service"] = 1
    table["new"]["person"] += 1
    table["carried_out"]["person"] = 1
    # The withdrawal (其他处理·其他); its repeat, merged, counts nowhere.
    table["new"]["public_interest"] += 1
    table["other"]["public_interest"] += 1
    return table


def test_table_two_counts_documents_by_genre_and_validity_and_takes_the_year_figures(
    year_of_data,
):
    figures = selectors.proactive_figures(agency=year_of_data.agency, year=YEAR)
    assert figures == {
        # issued 2025 ×2 (one abolished since); abolished in 2025: one abolished,
        # the one issued and abolished, one expired; in force on 31 December: the
        # two valid ones and the one abolished only in 2026.
        "normative": {"issued": 2, "abolished": 3, "valid": 3},
        "rules": {"issued": 1, "abolished": 0, "valid": 2},
        "licensing": {"decisions": 12},
        "penalty": {"decisions": 3},
        "enforcement": {"decisions": 1},
        "fees": {"amount": Decimal("1.2345")},
    }


def test_table_three_counts_every_answer_type_for_every_applicant_column(year_of_data):
    figures = selectors.requests_figures(agency=year_of_data.agency, year=YEAR)
    expected = expected_requests()
    for row, _column in tables.cells(tables.REQUESTS):
        assert figures[row.key] == expected[row.key], row.label


def test_table_three_balances_in_every_column(year_of_data):
    figures = selectors.requests_figures(agency=year_of_data.agency, year=YEAR)
    assert tables.request_imbalances(figures) == []
    results = tables.results_total(figures)
    expected = expected_requests()
    for category in CATEGORIES:
        assert results[category] == sum(expected[answer][category] for answer in ANSWERS)
        assert (
            expected["new"][category] + expected["carried_in"][category]
            == results[category] + expected["carried_out"][category]
        )


def test_table_four_counts_cases_before_a_body_during_the_year_by_result_at_its_end(
    year_of_data,
):
    figures = selectors.appeals_figures(agency=year_of_data.agency, year=YEAR)
    assert figures == {
        "review": {"maintained": 1, "corrected": 1, "other": 1, "pending": 2},
        "lawsuit_direct": {"maintained": 0, "corrected": 1, "other": 0, "pending": 1},
        "lawsuit_after_review": {"maintained": 0, "corrected": 0, "other": 1, "pending": 0},
    }


def test_totals_of_the_national_grid_sum_the_cells(year_of_data):
    figures = selectors.report_figures(agency=year_of_data.agency, year=YEAR)
    expected = expected_requests()
    rows = grid(tables.REQUESTS, figures[tables.REQUESTS])
    # Header rows (3), 一, 二, 21 answer rows, （七）总计, 四.
    assert len(rows) == 3 + 2 + 21 + 1 + 1
    new_row = rows[3]
    assert new_row[0].text == "一、本年新收政府信息公开申请数量"
    assert new_row[-1].kind == TOTAL
    assert new_row[-1].value == sum(expected["new"].values())
    total_row = rows[-2]
    assert total_row[0].text == "（七）总计"
    assert [cell.value for cell in total_row[1:-1]] == [
        sum(expected[answer][c] for answer in ANSWERS) for c in CATEGORIES
    ]
    assert total_row[-1].value == sum(expected[answer][c] for answer in ANSWERS for c in CATEGORIES)
    appeals = grid(tables.APPEALS, figures[tables.APPEALS])[-1]
    assert [cell.value for cell in appeals] == [1, 1, 1, 2, 5, 0, 1, 0, 1, 2, 0, 0, 1, 0, 1]


def test_overview_states_the_year_in_facts(year_of_data):
    agency = year_of_data.agency
    figures = selectors.report_figures(agency=agency, year=YEAR)
    facts = selectors.overview_facts(agency=agency, year=YEAR, figures=figures)
    expected = expected_requests()
    # Items were published today (2026), so none in 2025.
    assert facts.items_published == 0
    assert facts.requests_received == sum(expected["new"].values())
    assert facts.requests_carried_in == 3 + 1
    assert facts.requests_answered == sum(
        expected[answer][c] for answer in ANSWERS for c in CATEGORIES
    )
    assert facts.requests_carried_out == 3
    assert facts.requests_by_channel == [("网上申请", facts.requests_received)]
    assert (facts.reviews, facts.lawsuits) == (5, 3)
