"""Documents editors upload as attachments: checked by their content, refused with a clear
message when they are not what they claim, and served with a safe type and disposition."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as WordDocument
from openpyxl import Workbook
from wagtail.documents.models import Document
from wagtail.models import Collection

from gov_disclosure.pages.models import ItemAttachment
from tests.disclosure_requests.conftest import pdf_bytes

pytestmark = pytest.mark.django_db

ADD = "/admin/documents/add/"
MULTIPLE_ADD = "/admin/documents/multiple/add/"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    document = WordDocument()
    document.add_paragraph("庄市街道2025年部门预算说明")
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active.append(["项目", "金额"])
    workbook.save(buffer)
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("docs", "docs@example.gov.cn", "x")
    client.force_login(user)
    return client


def add(client, name: str, content: bytes):
    return client.post(
        ADD,
        {
            "title": "附件",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def errors(response) -> list[str]:
    """The messages under the file field of the admin form."""
    return [" ".join(error.split()) for error in response.context["form"].errors["file"]]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("预算.pdf", "这只是一段文字，不是 PDF。".encode(), "内容是 TXT 文件，与扩展名不符"),
        ("预算.docx", pdf_bytes(), "内容是 PDF 文件，与扩展名不符"),
        ("预算.pdf", b"MZ\x90\x00" * 64, "不是允许的文件类型"),
        ("预算.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50, "已损坏或无法打开"),
        (
            "预算.docx",
            zip_bytes({"[Content_Types].xml": b"<bad", "word/document.xml": b"<w:document"}),
            "已损坏或无法打开",
        ),
        ("预算.xlsx", zip_bytes({"xl/workbook.xml": b"not xml"}), "已损坏或无法打开"),
        ("材料.docx", zip_bytes({"说明.pdf": pdf_bytes()}), "是压缩包"),
        ("材料.pdf", b"Rar!\x1a\x07\x00" + b"\x00" * 64, "是压缩包"),
        ("材料.zip", zip_bytes({"说明.pdf": pdf_bytes()}), "文件扩展“zip”是不被允许"),
        ("预算.pdf", b"", "是空文件"),
    ],
    ids=[
        "text-as-pdf", "pdf-as-docx", "executable-as-pdf", "malformed-pdf", "malformed-docx",
        "malformed-xlsx", "zip-as-docx", "rar-as-pdf", "zip", "empty",
    ],
)  # fmt: skip
def test_a_file_that_is_not_what_it_claims_is_refused_with_a_message(
    editor, name, content, message
):
    response = add(editor, name, content)

    assert response.status_code == 200  # the form again, with the error
    [error] = errors(response)
    assert message in error
    assert not Document.objects.exists()


def test_an_oversized_file_is_refused(editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024

    response = add(editor, "预算.pdf", pdf_bytes().ljust(3072, b"\n"))

    assert errors(response) == ["文件过大 (3.0 KB)，文件大小上限为 1.0 KB。"]
    assert not Document.objects.exists()


def test_multiple_upload_checks_the_content_too(editor):
    response = editor.post(
        MULTIPLE_ADD, {"files[]": SimpleUploadedFile("预算.pdf", "不是 PDF".encode())}
    )

    assert response.json()["success"] is False
    assert response.json()["error_message"] == (
        "“预算.pdf”的内容是 TXT 文件，与扩展名不符，请用正确的扩展名或重新导出为 PDF 后上传。"
    )
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type", "disposition"),
    [
        ("预算.pdf", pdf_bytes(), "application/pdf", "inline"),
        ("预算.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument", "attachment"),
        ("预算.xlsx", xlsx_bytes(), "application/vnd.openxmlformats-officedocument", "attachment"),
        ("预算.csv", "项目,金额\n办公费,100\n".encode("gb18030"), "text/csv", "attachment"),
    ],
    ids=["pdf", "docx", "xlsx", "csv-in-gb18030"],
)
def test_accepted_files_are_served_with_a_safe_type_and_disposition(
    editor, client, make_item, publish, name, content, content_type, disposition
):
    response = add(editor, name, content)
    assert response.status_code == 302
    document = Document.objects.get()
    item = make_item(title="部门预算")
    item.attachments = [ItemAttachment(document=document, title="预算")]
    publish(item)  # only attachments of published items are served to the public

    client.logout()
    served = client.get(document.url)

    assert served.status_code == 200
    assert served["Content-Type"].startswith(content_type)
    assert served["Content-Disposition"].startswith(disposition)
    assert "filename" in served["Content-Disposition"]
    assert served["X-Content-Type-Options"] == "nosniff"
    assert b"".join(served.streaming_content) == content
