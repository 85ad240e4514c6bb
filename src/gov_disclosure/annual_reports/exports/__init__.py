"""The report as files: XLSX with the national tables, and PDF with Chinese fonts embedded."""

import logging

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from .pdf import PdfUnavailable, report_pdf
from .xlsx import report_workbook

logger = logging.getLogger(__name__)

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
BUILDERS = {"xlsx": report_workbook, "pdf": report_pdf}
# A revision never changes, so its files are kept a day; rendering a PDF takes a second.
CACHE_SECONDS = 24 * 3600


def report_file(report, kind: str, *, revision_id: int | None, builders=None) -> bytes:
    """The bytes of ``report`` (a page or a revision's object) as ``kind``, cached by revision
    (``builders``: kind → function making the bytes; the annual report's by default)."""
    build = (builders or BUILDERS)[kind]
    if revision_id is None:
        return build(report)
    key = f"annual-report-file:{revision_id}:{kind}"
    content = cache.get(key)
    if content is None:
        content = build(report)
        cache.set(key, content, CACHE_SECONDS)
    return content


def file_response(content: bytes, kind: str, *, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{filename}.{kind}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def report_download(
    report, kind: str, *, revision_id: int | None = None, builders=None
) -> HttpResponse:
    """The published report (or, from the admin, a draft revision's object) as a download."""
    if revision_id is None:
        revision_id = report.live_revision_id
    try:
        content = report_file(report, kind, revision_id=revision_id, builders=builders)
    except PdfUnavailable:
        logger.exception("the annual report PDF cannot be rendered on this server")
        return HttpResponse(
            _("PDF 暂时无法生成：服务器缺少 Pango 库或中文字体，请联系管理员。"),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    return file_response(content, kind, filename=report.title)
