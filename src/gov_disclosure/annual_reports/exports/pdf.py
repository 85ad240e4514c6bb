"""The report as PDF, rendered by WeasyPrint from the same HTML as the page.

WeasyPrint embeds the subset of the font each character uses, so the file reads
the same on a machine without Chinese fonts. The fonts are found by fontconfig
(Debian: fonts-noto-cjk); ``ANNUAL_REPORT_PDF_FONTS`` names the families to use.
"""

from django.template.loader import render_to_string

from gov_disclosure.annual_reports.layout import report_grid_rows
from gov_disclosure.conf import disclosure_settings


class PdfUnavailable(RuntimeError):
    """The PDF renderer's system libraries (Pango) are missing on this server."""


def report_pdf(report) -> bytes:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # not installed ([pdf] extra), or Pango missing
        raise PdfUnavailable(str(error)) from error

    html = render_to_string(
        "disclosure_annual_reports/report_pdf.html",
        {
            "page": report,
            "grid_rows": report_grid_rows(report),
            "font_families": disclosure_settings.ANNUAL_REPORT_PDF_FONTS,
        },
    )
    return HTML(string=html).write_pdf()
