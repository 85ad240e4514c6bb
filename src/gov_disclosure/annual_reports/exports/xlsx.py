"""The tables in a workbook, one sheet per table, drawn cell for cell as the national format."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from gov_disclosure.annual_reports import tables
from gov_disclosure.annual_reports.layout import HEAD, LABEL, TITLES, VALUE, grid

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
SHEET_NAMES = {tables.PROACTIVE: "表二 主动公开", tables.REQUESTS: "表三 依申请公开",
               tables.APPEALS: "表四 复议诉讼"}  # fmt: skip


def write_grid(sheet, rows, *, first_row: int) -> int:
    """Write a grid with its merged cells; returns the next free row."""
    taken: set[tuple[int, int]] = set()
    for offset, line in enumerate(rows):
        row = first_row + offset
        column = 1
        for cell in line:
            while (row, column) in taken:
                column += 1
            target = sheet.cell(row=row, column=column)
            if cell.kind in (HEAD, LABEL):
                target.value = cell.text
                target.font = Font(bold=cell.kind == HEAD)
                target.alignment = Alignment(
                    horizontal="center" if cell.kind == HEAD else "left",
                    vertical="center",
                    wrap_text=True,
                )
            else:
                target.value = cell.value
                target.alignment = Alignment(horizontal="center", vertical="center")
                if cell.is_amount:
                    target.number_format = "0.00##"
                if cell.kind != VALUE:
                    target.font = Font(bold=True)
            for r in range(row, row + cell.rowspan):
                for c in range(column, column + cell.colspan):
                    taken.add((r, c))
                    sheet.cell(row=r, column=c).border = BORDER
            if cell.rowspan > 1 or cell.colspan > 1:
                sheet.merge_cells(
                    start_row=row,
                    start_column=column,
                    end_row=row + cell.rowspan - 1,
                    end_column=column + cell.colspan - 1,
                )
            column += cell.colspan
    return first_row + len(rows)


def tables_workbook(*, title: str, figures: dict[str, dict]) -> bytes:
    """A workbook of the three tables of ``figures`` (as ``{table key: table}``)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for key in tables.TABLE_KEYS:
        sheet = workbook.create_sheet(SHEET_NAMES[key])
        sheet["A1"] = title
        sheet["A1"].font = Font(bold=True, size=14)
        sheet["A2"] = TITLES[key]
        sheet["A2"].font = Font(bold=True)
        rows = grid(key, figures[key])
        write_grid(sheet, rows, first_row=4)
        width = sum(cell.colspan for cell in rows[0])
        for column in range(1, width + 1):
            sheet.column_dimensions[get_column_letter(column)].width = 12
        if key == tables.REQUESTS:
            sheet.column_dimensions["A"].width = 10
            sheet.column_dimensions["B"].width = 12
            sheet.column_dimensions["C"].width = 40
        elif key == tables.PROACTIVE:
            sheet.column_dimensions["A"].width = 20
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def report_workbook(report) -> bytes:
    return tables_workbook(
        title=report.title, figures={key: report.table(key) for key in tables.TABLE_KEYS}
    )
