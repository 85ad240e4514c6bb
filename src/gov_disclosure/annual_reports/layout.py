"""The tables as grids of cells with spans, exactly as the national format draws them.

One grid feeds every output: the report page, the editing form in the admin, the
PDF (rendered from the page's HTML) and the XLSX workbook, so they cannot differ.
"""

from dataclasses import dataclass
from decimal import Decimal

from . import tables as t

HEAD, LABEL, VALUE, TOTAL = "head", "label", "value", "total"


@dataclass(frozen=True)
class GridCell:
    kind: str
    text: str = ""
    value: int | Decimal | None = None
    rowspan: int = 1
    colspan: int = 1
    # For cells the office fills in: the row and column key, to name form inputs.
    row: str = ""
    column: str = ""

    @property
    def input_name(self) -> str:
        return f"{self.row}-{self.column}"

    @property
    def is_amount(self) -> bool:
        return isinstance(self.value, Decimal)

    @property
    def shown(self) -> str:
        """The value as the report prints it: fees in 万元 with at least two decimals."""
        if self.is_amount:
            return format_amount(self.value)
        return "" if self.value is None else str(self.value)


def format_amount(value: Decimal) -> str:
    if value == value.quantize(Decimal("0.01")):
        return f"{value:.2f}"
    return f"{value.normalize():f}"


def _head(text, rowspan=1, colspan=1) -> GridCell:
    return GridCell(HEAD, text=text, rowspan=rowspan, colspan=colspan)


def _label(text, rowspan=1, colspan=1) -> GridCell:
    return GridCell(LABEL, text=text, rowspan=rowspan, colspan=colspan)


def _value(table: dict, row: str, column: str, colspan=1) -> GridCell:
    return GridCell(VALUE, value=table[row][column], row=row, column=column, colspan=colspan)


def _total(value, colspan=1) -> GridCell:
    return GridCell(TOTAL, value=value, colspan=colspan)


def proactive_grid(table: dict) -> list[list[GridCell]]:
    grid = []
    for article, heading, row_keys in t.PROACTIVE_BLOCKS:
        grid.append([_head(article, colspan=4)])
        if heading is None:
            grid.append(
                [_head("信息内容")]
                + [_head(t.DOCUMENT_COLUMN_LABELS[c]) for c in t.DOCUMENT_COLUMNS]
            )
            for key in row_keys:
                grid.append(
                    [_label(t.row_by_key(t.PROACTIVE, key).label)]
                    + [_value(table, key, c) for c in t.DOCUMENT_COLUMNS]
                )
        else:
            grid.append([_head("信息内容"), _head(heading, colspan=3)])
            for key in row_keys:
                column = "amount" if key == "fees" else "decisions"
                grid.append(
                    [
                        _label(t.row_by_key(t.PROACTIVE, key).label),
                        _value(table, key, column, colspan=3),
                    ]
                )
    return grid


def requests_grid(table: dict) -> list[list[GridCell]]:
    columns = t.APPLICANT_COLUMNS
    organisations = columns[1:]
    grid = [
        [
            _head(
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                rowspan=3,
                colspan=3,
            ),  # fmt: skip
            _head("申请人情况", colspan=len(columns) + 1),
        ],
        [
            _head(t.APPLICANT_COLUMN_LABELS[columns[0]], rowspan=2),
            _head("法人或其他组织", colspan=len(organisations)),
            _head("总计", rowspan=2),
        ],
        [_head(t.APPLICANT_COLUMN_LABELS[column]) for column in organisations],
    ]

    def values(row_key: str) -> list[GridCell]:
        return [_value(table, row_key, c) for c in columns] + [_total(t.row_total(table, row_key))]

    grid.append([_label(t.REQUEST_ROW_LABELS[t.NEW], colspan=3), *values(t.NEW)])
    grid.append([_label(t.REQUEST_ROW_LABELS[t.CARRIED_IN], colspan=3), *values(t.CARRIED_IN)])
    results_rows = len(t.ANSWER_ROWS) + 1
    first = True
    group_labels = iter(t.ANSWER_GROUP_LABELS)
    for _group, answers in t.ANSWER_GROUPS:
        for index, answer in enumerate(a.value for a in answers):
            line = []
            if first:
                line.append(_label(t.RESULTS_LABEL, rowspan=results_rows))
                first = False
            if len(answers) == 1:
                line.append(_label(t.REQUEST_ROW_LABELS[answer], colspan=2))
            else:
                if index == 0:
                    line.append(_label(next(group_labels), rowspan=len(answers)))
                line.append(_label(t.REQUEST_ROW_LABELS[answer]))
            grid.append(line + values(answer))
    results = t.results_total(table)
    grid.append(
        [_label(t.RESULTS_TOTAL_LABEL, colspan=2)]
        + [_total(results[c]) for c in columns]
        + [_total(sum(results.values()))]
    )
    grid.append([_label(t.REQUEST_ROW_LABELS[t.CARRIED_OUT], colspan=3), *values(t.CARRIED_OUT)])
    return grid


def appeals_grid(table: dict) -> list[list[GridCell]]:
    width = len(t.APPEAL_COLUMNS) + 1
    headings = [t.APPEAL_COLUMN_LABELS[c] for c in t.APPEAL_COLUMNS] + ["总计"]
    review, direct, after_review = (row.key for row in t.APPEAL_ROWS)
    grid = [
        [_head("行政复议", colspan=width), _head("行政诉讼", colspan=width * 2)],
        [_head(text, rowspan=2) for text in headings]
        + [_head(t.APPEAL_ROW_LABELS[direct], colspan=width)]
        + [_head(t.APPEAL_ROW_LABELS[after_review], colspan=width)],
        [_head(text) for text in headings * 2],
    ]
    line = []
    for key in (review, direct, after_review):
        line += [_value(table, key, c) for c in t.APPEAL_COLUMNS]
        line.append(_total(t.row_total(table, key)))
    grid.append(line)
    return grid


GRIDS = {t.PROACTIVE: proactive_grid, t.REQUESTS: requests_grid, t.APPEALS: appeals_grid}
TITLES = {
    t.PROACTIVE: "二、主动公开政府信息情况",
    t.REQUESTS: "三、收到和处理政府信息公开申请情况",
    t.APPEALS: "四、政府信息公开行政复议、行政诉讼情况",
}


def grid(table_key: str, table: dict) -> list[list[GridCell]]:
    return GRIDS[table_key](table)


def display_rows(table_key: str, table: dict) -> list[list[tuple[GridCell, None]]]:
    """A table as the shared grid template reads it, with no inputs (pages, PDF, roll-up)."""
    return [[(cell, None) for cell in line] for line in grid(table_key, table)]


def report_grid_rows(report) -> list[tuple[str, list[list[tuple[GridCell, None]]]]]:
    """The three tables of a report, for its page and its PDF."""
    return [(key, display_rows(key, report.table(key))) for key in t.TABLE_KEYS]
