"""Reading an exported catalogue: a CSV (UTF-8 or GB18030, as Chinese systems export) or an
XLSX workbook's first sheet, its header row matched to the catalogue's fields by name."""

import csv
import datetime
import io
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

# Field → the headers other systems give it (the first is ours, as the export writes it).
COLUMNS = {
    "index_number": ("索引号", "信息索引号"),
    "title": ("名称", "标题", "信息名称", "文件名称", "文件标题"),
    "category": ("分类", "目录分类", "所属分类", "信息分类", "栏目"),
    "publisher": ("发布机构", "发文机关", "发布部门", "发布单位"),
    "subject": ("主题分类", "主题"),
    "genre": ("体裁分类", "体裁"),
    "document_number": ("文号", "发文字号", "发文文号"),
    "written_date": ("成文日期", "生成日期", "形成日期"),
    "publish_date": ("发布日期", "公开日期"),
    "disclosure_method": ("公开方式",),
    "disclosure_period": ("公开时限",),
    "validity": ("有效性", "时效性"),
    "effective_date": ("施行日期", "生效日期"),
    "abolished_date": ("废止日期",),
    "expiry_date": ("失效日期",),
    "summary": ("内容概述", "摘要", "内容摘要"),
    "keywords": ("关键词", "主题词"),
    "source": ("信息来源", "来源"),
    "body": ("正文", "内容", "信息内容"),
    "attachments": ("附件", "附件文件"),
    "old_url": ("原网址", "原链接", "URL"),
}
REQUIRED = ("index_number", "title", "category", "publisher", "written_date", "publish_date")
_NORMALISE = re.compile(r"[\s\u3000*＊:：]")


class TableError(ValueError):
    """The file cannot be read as a catalogue; the message says why, in Chinese."""


@dataclass(frozen=True)
class SourceRow:
    number: int  # the row's number in the file, the header being row 1
    values: dict[str, object]  # field → raw value (str, or a date/number from a workbook)


@dataclass(frozen=True)
class SourceTable:
    rows: list[SourceRow]
    unknown_headers: list[str]


def _field_of(header: str) -> str | None:
    name = _NORMALISE.sub("", header or "")
    for field, names in COLUMNS.items():
        if name in names:
            return field
    return None


def _csv_rows(data: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise TableError(_("无法识别文件的字符编码，请另存为 UTF-8 编码的 CSV。"))
    try:
        return list(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        raise TableError(_("CSV 格式有误：%(error)s") % {"error": error}) from error


def _xlsx_rows(data: bytes) -> list[list[object]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise TableError(_("无法打开这个 Excel 文件，请确认是 .xlsx 格式。")) from error
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def table_read(data: bytes, *, name: str) -> SourceTable:
    """The rows of an exported catalogue (``name`` tells CSV from XLSX)."""
    if name.lower().endswith(".xlsx"):
        grid = _xlsx_rows(data)
    elif name.lower().endswith((".csv", ".txt")):
        grid = _csv_rows(data)
    else:
        raise TableError(_("只能导入 CSV 或 XLSX 文件。"))
    while grid and not any(cell not in (None, "") for cell in grid[0]):
        grid.pop(0)
    if not grid:
        raise TableError(_("文件是空的。"))
    headers = [str(cell).strip() if cell is not None else "" for cell in grid[0]]
    fields = [_field_of(header) for header in headers]
    missing = [COLUMNS[field][0] for field in REQUIRED if field not in fields]
    if missing:
        raise TableError(
            _("缺少必需的列：%(columns)s。第一行应是列名，例如：%(example)s。")
            % {"columns": "、".join(missing), "example": "、".join(COLUMNS[f][0] for f in REQUIRED)}
        )
    rows = []
    for offset, cells in enumerate(grid[1:], start=2):
        if not any(cell not in (None, "") for cell in cells):
            continue
        values = {
            field: cell
            for field, cell in zip(fields, cells, strict=False)
            if field is not None and cell not in (None, "")
        }
        rows.append(SourceRow(number=offset, values=values))
    unknown = [h for h, f in zip(headers, fields, strict=True) if h and f is None]
    return SourceTable(rows=rows, unknown_headers=unknown)


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s.*)?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date(value) -> datetime.date:
    """A date as exports write it: 2024-03-01, 2024/3/1, 2024年3月1日, 20240301, with or
    without a time, or a workbook's date cell. ValueError if it is none of these."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for pattern in _DATE_PATTERNS:
        if match := pattern.match(text):
            return datetime.date(*(int(part) for part in match.groups()))
    raise ValueError(text)
