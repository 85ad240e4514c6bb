"""Checks of uploaded files by their content, not the name the sender gave them.

Used for applicants' and the office's files of requests (disclosure_requests) and for the
documents editors attach to items (gov_disclosure.pages.document_forms).
"""

import io
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FileKind:
    label: str
    content_type: str
    extension: str


PDF = FileKind("PDF", "application/pdf", "pdf")
JPEG = FileKind("JPEG", "image/jpeg", "jpg")
PNG = FileKind("PNG", "image/png", "png")
DOCX = FileKind(
    "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"
)
XLSX = FileKind("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
# Word 97–2003, Excel 97–2003 and WPS/ET files share one container (OLE2 compound file).
DOC = FileKind("DOC", "application/msword", "doc")
OFD = FileKind("OFD", "application/ofd", "ofd")
TEXT = FileKind("TXT", "text/plain", "txt")
# Recognised only to be refused with a message of its own.
ARCHIVE = FileKind("ZIP/RAR/7Z", "application/zip", "zip")

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TEXT_SAMPLE_BYTES = 64 * 1024
_ARCHIVE_SIGNATURES = (b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c", b"\x1f\x8b")


def _sniff(head: bytes, upload) -> FileKind | None:
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(_OLE2):
        return DOC
    if head.startswith(b"PK\x03\x04"):
        upload.seek(0)
        try:
            names = set(zipfile.ZipFile(upload).namelist())
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
        if "OFD.xml" in names:
            return OFD
        return ARCHIVE
    if head.startswith(_ARCHIVE_SIGNATURES):
        return ARCHIVE
    if _is_text(upload):
        return TEXT
    return None


def _is_text(upload) -> bool:
    """Plain text in UTF-8 or GB18030 (what Chinese offices' CSV and TXT files are in)."""
    upload.seek(0)
    sample = upload.read(_TEXT_SAMPLE_BYTES)
    if b"\x00" in sample:
        return False
    if len(sample) == _TEXT_SAMPLE_BYTES:
        sample = sample[:-4]  # it may end inside a character
    for encoding in ("utf-8", "gb18030"):
        try:
            sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


def _readable(kind: FileKind, upload) -> bool:
    """Whether the file opens as what it claims to be (a truncated scan does not)."""
    upload.seek(0)
    data = upload.read()
    try:
        if kind in (JPEG, PNG):
            from PIL import Image

            with Image.open(io.BytesIO(data)) as image:
                image.verify()
        elif kind is PDF:
            from pypdf import PdfReader

            if len(PdfReader(io.BytesIO(data)).pages) == 0:
                return False
        elif kind is DOCX:
            from docx import Document

            Document(io.BytesIO(data))
        elif kind is XLSX:
            from openpyxl import load_workbook

            load_workbook(io.BytesIO(data), read_only=True).close()
    except Exception:  # any parser error means the file is unusable
        return False
    return True


def checked_upload(
    upload, *, kinds: tuple[FileKind, ...], max_bytes: int, claimed: FileKind | None = None
) -> FileKind:
    """The kind of ``upload``, or a ValidationError saying in Chinese what is wrong.

    ``claimed``: the kind its extension names, which the content must then be.
    """
    name = upload.name
    if upload.size > max_bytes:
        raise ValidationError(
            _("“%(name)s”太大（%(size)s），每个文件不能超过 %(max)s。")
            % {"name": name, "size": filesizeformat(upload.size), "max": filesizeformat(max_bytes)}
        )
    if upload.size == 0:
        raise ValidationError(_("“%(name)s”是空文件。") % {"name": name})
    upload.seek(0)
    kind = _sniff(upload.read(8), upload)
    allowed = "、".join(k.label for k in kinds)
    if kind is ARCHIVE and ARCHIVE not in kinds:
        raise ValidationError(
            _(
                "“%(name)s”是压缩包。压缩包中的文件公众无法直接阅读，也无法经过保密审查，"
                "请解压后分别上传其中的 %(allowed)s 文件。"
            )
            % {"name": name, "allowed": allowed}
        )
    if kind not in kinds:
        raise ValidationError(
            _("“%(name)s”不是允许的文件类型，只能上传 %(allowed)s 文件。")
            % {"name": name, "allowed": allowed}
        )
    if claimed is not None and kind != claimed:
        raise ValidationError(
            _(
                "“%(name)s”的内容是 %(kind)s 文件，与扩展名不符，"
                "请用正确的扩展名或重新导出为 %(claimed)s 后上传。"
            )
            % {"name": name, "kind": kind.label, "claimed": claimed.label}
        )
    if not _readable(kind, upload):
        raise ValidationError(
            _("“%(name)s”已损坏或无法打开，请重新扫描或导出后上传。") % {"name": name}
        )
    upload.seek(0)
    return kind


def display_name(name: str) -> str:
    """The sender's file name, without any path, as shown to staff."""
    return name.replace("\\", "/").rsplit("/", 1)[-1][:200] or "file"
