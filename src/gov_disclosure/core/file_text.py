"""Text of attached files, read with maintained libraries (pypdf, python-docx, openpyxl).

A file that cannot be read is reported, never passed in silence: a scanned PDF
without a text layer, an encrypted or damaged file, or a type no reader
understands (.doc, .wps, images …) all need a human reviewer's eyes.
"""

import io
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class ExtractedText:
    text: str
    problem: str = ""  # why the file could not be read; empty when it was


def extract_text(name: str, stream: BinaryIO) -> ExtractedText:
    suffix = PurePath(name).suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        return ExtractedText(
            "",
            _("无法读取此类型的文件（%(suffix)s），需人工审查。")
            % {"suffix": suffix or _("无扩展名")},
        )
    data = stream.read()
    try:
        return reader(data)
    except Exception as error:  # a damaged file must become a finding, whatever the library raises
        return ExtractedText(
            "", _("文件无法解析（%(error)s），需人工审查。") % {"error": type(error).__name__}
        )


def _pdf(data: bytes) -> ExtractedText:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        return ExtractedText("", _("PDF 已加密，无法读取，需人工审查。"))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    if not text.strip():
        return ExtractedText("", _("PDF 没有文字层（可能是扫描件），需人工审查。"))
    return ExtractedText(text)


def _docx(data: bytes) -> ExtractedText:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    for section in document.sections:
        parts.extend(paragraph.text for paragraph in section.header.paragraphs)
        parts.extend(paragraph.text for paragraph in section.footer.paragraphs)
    return ExtractedText("\n".join(parts))


def _xlsx(data: bytes) -> ExtractedText:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    parts = []
    for sheet in workbook.worksheets:
        parts.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            cells = [str(value) for value in row if value is not None]
            if cells:
                parts.append("\t".join(cells))
    workbook.close()
    return ExtractedText("\n".join(parts))


def _plain(data: bytes) -> ExtractedText:
    for encoding in ("utf-8", "gb18030"):
        try:
            return ExtractedText(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return ExtractedText("", _("文本文件编码无法识别，需人工审查。"))


_READERS = {
    ".pdf": _pdf,
    ".docx": _docx,
    ".xlsx": _xlsx,
    ".txt": _plain,
    ".csv": _plain,
}
