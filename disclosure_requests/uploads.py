"""Checks of uploaded files by their content, not the name the sender gave them."""

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
DOC = FileKind("DOC", "application/msword", "doc")
OFD = FileKind("OFD", "application/ofd", "ofd")

APPLICANT_KINDS = (PDF, JPEG, PNG)
OFFICE_KINDS = (PDF, DOCX, DOC, OFD, JPEG, PNG)

APPLICANT_MAX_BYTES = 5 * 1024 * 1024
APPLICANT_MAX_FILES = 5
OFFICE_MAX_BYTES = 20 * 1024 * 1024


def _sniff(head: bytes, upload) -> FileKind | None:
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return DOC
    if head.startswith(b"PK\x03\x04"):
        upload.seek(0)
        try:
            names = set(zipfile.ZipFile(upload).namelist())
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names:
            return DOCX
        if "OFD.xml" in names:
            return OFD
    return None


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
    except Exception:  # any parser error means the file is unusable
        return False
    return True


def checked_upload(upload, *, kinds: tuple[FileKind, ...], max_bytes: int) -> FileKind:
    """The kind of ``upload``, or a ValidationError saying in Chinese what is wrong."""
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
    if kind not in kinds:
        raise ValidationError(
            _("“%(name)s”不是允许的文件类型，只能上传 %(allowed)s 文件。")
            % {"name": name, "allowed": allowed}
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
