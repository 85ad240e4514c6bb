"""The report as files: an XLSX workbook drawn cell for cell as the national form, and a
PDF of the same grid (the annual report's renderer, fonts embedded)."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from gov_disclosure.annual_reports.exports import report_download as annual_report_download
from gov_disclosure.annual_reports.exports.pdf import html_to_pdf, pdf_html
from gov_disclosure.annual_reports.exports.xlsx import write_grid

from .layout import display_rows, grid

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


def report_pdf_html(report, *, fallback_fonts: str | None = None) -> str:
    return pdf_html(
        "disclosure_website_reports/report_pdf.html",
        {"page": report, "rows": display_rows(report.values())},
        fallback_fonts=fallback_fonts,
    )


def report_pdf(report) -> bytes:
    return html_to_pdf(report_pdf_html(report))


BUILDERS = {"xlsx": report_workbook, "pdf": report_pdf}


def report_download(report, kind: str, *, revision_id: int | None = None):
    """The published report (or a draft revision's object, from the admin) as a file."""
    return annual_report_download(report, kind, revision_id=revision_id, builders=BUILDERS)
