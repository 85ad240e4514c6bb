"""The report as an XLSX workbook drawn cell for cell as the national form."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from gov_disclosure.annual_reports.exports import file_response
from gov_disclosure.annual_reports.exports.xlsx import write_grid

from .layout import grid

COLUMN_WIDTHS = (16, 16, 40, 36)


def report_workbook(report) -> bytes:
    """``report`` (a page, or a revision's object) as a workbook of one sheet."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "网站年度报表"
    sheet["A1"] = f"政府网站工作年度报表（{report.year}年度）"
    sheet["A1"].font = Font(bold=True, size=14)
    values = report.values()
    sheet["A2"] = f"填报单位：{values.get('sponsor') or ''}"
    write_grid(sheet, grid(values), first_row=4)
    for column, width in enumerate(COLUMN_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def report_download(report):
    return file_response(report_workbook(report), "xlsx", filename=report.title)
