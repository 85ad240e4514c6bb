"""The report as PDF, rendered by WeasyPrint from the same HTML as the page.

WeasyPrint embeds the subset of the font each character uses, so the file reads
the same on a machine without Chinese fonts. The plugin ships its own font for that
(Noto Serif CJK SC for the characters of GB 2312, ``fonts/``); a character outside it falls
back to the families ``ANNUAL_REPORT_PDF_FONTS`` names, found by fontconfig.
"""

from pathlib import Path

from django.template.loader import render_to_string

from gov_disclosure.annual_reports.layout import report_grid_rows
from gov_disclosure.conf import disclosure_settings

BUNDLED_FONT = Path(__file__).resolve().parent.parent / "fonts" / "NotoSerifSC-GB2312.woff2"
BUNDLED_FONT_FAMILY = "Disclosure Serif SC"


class PdfUnavailable(RuntimeError):
    """The PDF renderer's system libraries (Pango) are missing on this server."""


def pdf_html(template: str, context: dict, *, fallback_fonts: str | None = None) -> str:
    """The HTML a PDF is made from (a template extending ``report_pdf.html``): the bundled
    font first, then ``fallback_fonts`` (default ``ANNUAL_REPORT_PDF_FONTS``)."""
    return render_to_string(
        template,
        {
            **context,
            "bundled_font_family": BUNDLED_FONT_FAMILY,
            "bundled_font_url": BUNDLED_FONT.as_uri(),
            "font_families": fallback_fonts or disclosure_settings.ANNUAL_REPORT_PDF_FONTS,
        },
    )


def html_to_pdf(html: str) -> bytes:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # not installed ([pdf] extra), or Pango missing
        raise PdfUnavailable(str(error)) from error

    return HTML(string=html).write_pdf()


def report_pdf_html(report, *, fallback_fonts: str | None = None) -> str:
    return pdf_html(
        "disclosure_annual_reports/report_pdf.html",
        {"page": report, "grid_rows": report_grid_rows(report)},
        fallback_fonts=fallback_fonts,
    )


def report_pdf(report) -> bytes:
    return html_to_pdf(report_pdf_html(report))
