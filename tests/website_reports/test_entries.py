"""What an office may type in a cell, and what is refused (by the report's own words)."""

import pytest

from gov_disclosure.annual_reports import tables
from gov_disclosure.website_reports import spec

COUNT = spec.ENTRIES_BY_KEY["page_views"]
DAYS = spec.ENTRIES_BY_KEY["letters_average_days"]


@pytest.mark.parametrize(
    ("entry", "typed", "value", "error"),
    [
        (COUNT, " 1,234 ", 1234, ""),
        (COUNT, "１２", 12, ""),  # full-width digits from a Chinese input method
        (COUNT, "²", None, "须为不小于 0 的整数"),  # a digit int() refuses: no crash
        (COUNT, "-3", None, "须为不小于 0 的整数"),
        (COUNT, "", None, ""),
        (DAYS, "3.5", "3.5", ""),
        (DAYS, "3.55", None, "须为不小于 0、最多 1 位小数的天数"),
        (DAYS, "NaN", None, "须为不小于 0、最多 1 位小数的天数"),
        (
            spec.ENTRIES_BY_KEY["site_type"],
            "门户",
            None,
            "须为政府门户网站、部门网站、专项网站之一",
        ),
        (spec.ENTRIES_BY_KEY["new_media"], "否", False, ""),
        (spec.ENTRIES_BY_KEY["filled_on"], "2026-13-01", None, "须为日期，例如 2026-01-15"),
        (spec.ENTRIES_BY_KEY["head"], "张" * 101, None, "不能超过 100 个字"),
    ],
)
def test_each_kind_of_entry_takes_what_an_office_types(entry, typed, value, error):
    assert spec.parse_value(entry, typed) == (value, error)


def test_an_annual_report_cell_refuses_a_digit_int_cannot_read():
    _table, errors = tables.parse_table(tables.APPEALS, {"review": {"corrected": "²"}})
    assert errors == {("review", "corrected"): "须为不小于 0 的整数"}
