"""The three tables of the annual report, as 国办公开办函〔2021〕30号 lays them out.

A table's figures are a mapping ``{row: {column: value}}`` of the cells the office
fills in; totals are never stored, they are summed when shown, exported or checked.
Labels are the national format's own wording: the report is a legal document in
Chinese whatever language the admin is shown in.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from gov_disclosure.requests.models.choices import (
    ANSWER_GROUPS,
    AnswerType,
    AppealKind,
    AppealResult,
    ApplicantCategory,
)

PROACTIVE = "proactive"
REQUESTS = "requests"
APPEALS = "appeals"
TABLE_KEYS = (PROACTIVE, REQUESTS, APPEALS)
TABLE_NUMBERS = {PROACTIVE: "二", REQUESTS: "三", APPEALS: "四"}

# Fees are reported in 万元; four decimals keep a single yuan.
FEE_PLACES = 4
MAX_COUNT = 10_000_000


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    columns: tuple[str, ...]
    decimal: bool = False


# -- Table 二: proactive disclosure ------------------------------------------------

DOCUMENT_COLUMNS = ("issued", "abolished", "valid")
DOCUMENT_COLUMN_LABELS = {
    "issued": "本年制发件数",
    "abolished": "本年废止件数",
    "valid": "现行有效件数",
}
PROACTIVE_ROWS = (
    Row("rules", "规章", DOCUMENT_COLUMNS),
    Row("normative", "行政规范性文件", DOCUMENT_COLUMNS),
    Row("licensing", "行政许可", ("decisions",)),
    Row("penalty", "行政处罚", ("decisions",)),
    Row("enforcement", "行政强制", ("decisions",)),
    Row("fees", "行政事业性收费", ("amount",), decimal=True),
)
# The blocks of table 二: (article item, value heading, rows).
PROACTIVE_BLOCKS = (
    ("第二十条第（一）项", None, ("rules", "normative")),
    ("第二十条第（五）项", "本年处理决定数量", ("licensing",)),
    ("第二十条第（六）项", "本年处理决定数量", ("penalty", "enforcement")),
    ("第二十条第（八）项", "本年收费金额（单位：万元）", ("fees",)),
)

# -- Table 三: requests ---------------------------------------------------------------

APPLICANT_COLUMNS = tuple(category.value for category in ApplicantCategory)
APPLICANT_COLUMN_LABELS = {category.value: str(category.label) for category in ApplicantCategory}
# The national wording of each answer row, numbered within its group.
ANSWER_LABELS = {
    AnswerType.DISCLOSED: "（一）予以公开",
    AnswerType.PARTIALLY_DISCLOSED: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    AnswerType.WITHHELD_STATE_SECRET: "1.属于国家秘密",
    AnswerType.WITHHELD_BY_LAW: "2.其他法律行政法规禁止公开",
    AnswerType.WITHHELD_SECURITY: "3.危及“三安全一稳定”",
    AnswerType.WITHHELD_THIRD_PARTY: "4.保护第三方合法权益",
    AnswerType.WITHHELD_INTERNAL: "5.属于三类内部事务信息",
    AnswerType.WITHHELD_PROCESS: "6.属于四类过程性信息",
    AnswerType.WITHHELD_ENFORCEMENT: "7.属于行政执法案卷",
    AnswerType.WITHHELD_INQUIRY: "8.属于行政查询事项",
    AnswerType.UNABLE_NOT_HELD: "1.本机关不掌握相关政府信息",
    AnswerType.UNABLE_NEEDS_CREATION: "2.没有现成信息需要另行制作",
    AnswerType.UNABLE_STILL_UNCLEAR: "3.补正后申请内容仍不明确",
    AnswerType.NOT_PROCESSED_PETITION: "1.信访举报投诉类申请",
    AnswerType.NOT_PROCESSED_REPEAT: "2.重复申请",
    AnswerType.NOT_PROCESSED_PUBLICATION: "3.要求提供公开出版物",
    AnswerType.NOT_PROCESSED_EXCESSIVE: "4.无正当理由大量反复申请",
    AnswerType.NOT_PROCESSED_CONFIRMATION: "5.要求行政机关确认或重新出具已获取信息",
    AnswerType.OTHER_NO_CORRECTION: (
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    ),
    AnswerType.OTHER_FEE_UNPAID: (
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    ),
    AnswerType.OTHER: "3.其他",
}
ANSWER_GROUP_LABELS = ("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理")
ANSWER_ROWS = tuple(answer.value for _label, answers in ANSWER_GROUPS for answer in answers)
NEW, CARRIED_IN, CARRIED_OUT = "new", "carried_in", "carried_out"
REQUEST_ROW_LABELS = {
    NEW: "一、本年新收政府信息公开申请数量",
    CARRIED_IN: "二、上年结转政府信息公开申请数量",
    CARRIED_OUT: "四、结转下年度继续办理",
    **{answer.value: label for answer, label in ANSWER_LABELS.items()},
}
REQUEST_ROWS = tuple(
    Row(key, REQUEST_ROW_LABELS[key], APPLICANT_COLUMNS)
    for key in (NEW, CARRIED_IN, *ANSWER_ROWS, CARRIED_OUT)
)
RESULTS_LABEL = "三、本年度办理结果"
RESULTS_TOTAL_LABEL = "（七）总计"

# -- Table 四: review and litigation -----------------------------------------------

APPEAL_COLUMNS = tuple(result.value for result in AppealResult)
APPEAL_COLUMN_LABELS = {result.value: str(result.label) for result in AppealResult}
APPEAL_ROW_LABELS = {
    AppealKind.REVIEW.value: "行政复议",
    AppealKind.LAWSUIT_DIRECT.value: "未经复议直接起诉",
    AppealKind.LAWSUIT_AFTER_REVIEW.value: "复议后起诉",
}
APPEAL_ROWS = tuple(Row(kind, label, APPEAL_COLUMNS) for kind, label in APPEAL_ROW_LABELS.items())

ROWS = {PROACTIVE: PROACTIVE_ROWS, REQUESTS: REQUEST_ROWS, APPEALS: APPEAL_ROWS}
COLUMN_LABELS = {
    **DOCUMENT_COLUMN_LABELS,
    "decisions": "本年处理决定数量",
    "amount": "本年收费金额（万元）",
    **APPLICANT_COLUMN_LABELS,
    **APPEAL_COLUMN_LABELS,
}


class TableError(ValueError):
    """A table's figures that cannot be taken as they are; the message names the cell."""


def rows(table_key: str) -> tuple[Row, ...]:
    return ROWS[table_key]


_ROWS_BY_KEY = {key: {row.key: row for row in table_rows} for key, table_rows in ROWS.items()}


def row_by_key(table_key: str, row_key: str) -> Row:
    return _ROWS_BY_KEY[table_key][row_key]


def cells(table_key: str) -> Iterator[tuple[Row, str]]:
    """Every cell the office fills in, in the national order."""
    for row in rows(table_key):
        for column in row.columns:
            yield row, column


def cell_label(table_key: str, row: Row, column: str) -> str:
    """How a cell is named in messages: 表三「一、本年新收…」行「自然人」列."""
    return f"表{TABLE_NUMBERS[table_key]}「{row.label}」行「{COLUMN_LABELS[column]}」列"


def zero(row: Row) -> int | Decimal:
    return Decimal(0) if row.decimal else 0


def empty_table(table_key: str) -> dict:
    return {row.key: {column: zero(row) for column in row.columns} for row in rows(table_key)}


def parse_cell(row: Row, raw) -> int | Decimal:
    """One cell from a form or a JSON record; raises TableError with the reason."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return zero(row)
    if isinstance(raw, bool):
        raise TableError("须为数字")
    if row.decimal:
        try:
            value = Decimal(str(raw).strip())
        except InvalidOperation:
            raise TableError("须为数字（单位：万元）") from None
        if not value.is_finite() or value < 0:
            raise TableError("不能为负数")
        if value.as_tuple().exponent < -FEE_PLACES:
            raise TableError(f"最多保留 {FEE_PLACES} 位小数")
        if value >= MAX_COUNT:
            raise TableError("数额过大")
        return value
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, str):
        raw = raw.strip()
        if not raw.isdecimal():  # not isdigit: int() refuses "²"
            raise TableError("须为不小于 0 的整数")
        raw = int(raw)
    if not isinstance(raw, int) or raw < 0:
        raise TableError("须为不小于 0 的整数")
    if raw >= MAX_COUNT:
        raise TableError("数字过大")
    return raw


def parse_table(table_key: str, data) -> tuple[dict, dict[tuple[str, str], str]]:
    """A complete table from ``data`` (missing cells are 0) and the errors per cell."""
    table = empty_table(table_key)
    errors: dict[tuple[str, str], str] = {}
    data = data if isinstance(data, dict) else {}
    for row, column in cells(table_key):
        values = data.get(row.key)
        raw = values.get(column) if isinstance(values, dict) else None
        try:
            table[row.key][column] = parse_cell(row, raw)
        except TableError as error:
            errors[(row.key, column)] = str(error)
    return table, errors


def to_json(table_key: str, table: dict) -> dict:
    """The stored form: integers as they are, fee amounts as strings with four decimals."""
    return {
        row.key: {
            column: (
                f"{table[row.key][column]:.{FEE_PLACES}f}"
                if row.decimal
                else table[row.key][column]
            )  # fmt: skip
            for column in row.columns
        }
        for row in rows(table_key)
    }


def from_json(table_key: str, data) -> dict:
    """A stored table; anything unreadable counts as 0 (stored tables were checked on entry)."""
    return parse_table(table_key, data)[0]


def row_total(table: dict, row_key: str):
    return sum(table[row_key].values())


def results_total(table: dict) -> dict[str, int]:
    """（七）总计 of table 三: every answer row, per applicant column."""
    return {
        column: sum(table[answer][column] for answer in ANSWER_ROWS) for column in APPLICANT_COLUMNS
    }


@dataclass(frozen=True)
class Imbalance:
    column: str
    new: int
    carried_in: int
    results: int
    carried_out: int

    @property
    def message(self) -> str:
        label = "总计" if self.column == "total" else COLUMN_LABELS[self.column]
        left = self.new + self.carried_in
        right = self.results + self.carried_out
        return (
            f"表三「{label}」列不平衡：一（{self.new}）+ 二（{self.carried_in}）= {left}，"
            f"三（总计）（{self.results}）+ 四（{self.carried_out}）= {right}，"
            f"相差 {left - right}。"
        )


def request_imbalances(table: dict) -> list[Imbalance]:
    """The columns of table 三 where 一 + 二 ≠ 三（总计）+ 四; the total column too."""
    results = results_total(table)
    found = []
    sums = {"new": 0, "carried_in": 0, "results": 0, "carried_out": 0}
    for column in (*APPLICANT_COLUMNS, "total"):
        if column == "total":
            figures = dict(sums)
        else:
            figures = {
                "new": table[NEW][column],
                "carried_in": table[CARRIED_IN][column],
                "results": results[column],
                "carried_out": table[CARRIED_OUT][column],
            }
            for key, value in figures.items():
                sums[key] += value
        if figures["new"] + figures["carried_in"] != figures["results"] + figures["carried_out"]:
            found.append(Imbalance(column=column, **figures))
    return found


def sum_tables(table_key: str, tables: Iterable[dict]) -> dict:
    """Cell by cell sum, as a district adds up its subdistricts' reports."""
    total = empty_table(table_key)
    for table in tables:
        for row, column in cells(table_key):
            total[row.key][column] += table[row.key][column]
    return total


def merge_generated(
    table_key: str, *, current: dict, baseline: dict | None, fresh: dict
) -> tuple[dict, list[str]]:
    """Fresh figures for every cell the office has not changed since the last generation.

    A cell whose value differs from what was generated last time was edited by
    the office: it is kept. Returns the merged table and the labels of kept cells
    that now differ from the data.
    """
    merged = empty_table(table_key)
    kept = []
    for row, column in cells(table_key):
        now = current[row.key][column]
        generated = baseline[row.key][column] if baseline is not None else now
        new = fresh[row.key][column]
        if now == generated:
            merged[row.key][column] = new
        else:
            merged[row.key][column] = now
            if now != new:
                kept.append(cell_label(table_key, row, column))
    return merged, kept
