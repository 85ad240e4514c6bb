"""保密审查: automated findings per revision, overrides with reasons, fixes by a new revision."""

import io

import docx
import pytest
from django.core.files.base import ContentFile
from openpyxl import Workbook
from reportlab.pdfgen import canvas
from wagtail.documents import get_document_model
from wagtail.models import PageLogEntry, WorkflowState

from gov_disclosure.pages.models import DisclosureItemPage, ItemAttachment
from gov_disclosure.review.checks import Kind
from gov_disclosure.review.models import RevisionCheck, SensitiveWord
from gov_disclosure.review.selectors import revision_findings
from tests.review.conftest import body_form_data, edit_form_data, edit_post, is_denied
from tests.review.test_checks import valid_card, valid_id
from tests.review.test_workflow_admin import act, current_state

pytestmark = pytest.mark.django_db

PARAGRAPH = "<p>{}</p>"


def paragraph_body(text: str):
    return [{"type": "paragraph", "value": PARAGRAPH.format(text)}]


def to_step_two(office, client, item):
    client.force_login(office.users["officer"])
    assert edit_post(client, item, "submit").status_code == 302
    client.force_login(office.users["leader"])
    assert act(client, item, "approve").status_code == 302
    assert current_state(item).task.name == "保密审查"
    client.force_login(office.users["secrecy"])
    return f"/admin/review/tasks/{current_state(item).pk}/"


def test_blocking_findings_stop_approval_until_each_is_overridden_with_a_reason(office, client):
    number = valid_id()
    item = office.item(
        body=paragraph_body(f"经审核，申请人李某（身份证号 {number}）符合救助条件。")
    )
    review = to_step_two(office, client, item)

    page = client.get(review)
    assert page.status_code == 200
    html = page.content.decode()
    # The body is shown as submitted (it is what is reviewed); the findings mask the number.
    findings_table = html.split("自动检查结果", 1)[1]
    assert number in html
    assert "身份证号" in findings_table and number[:3] in findings_table
    assert number not in findings_table
    # Approving from Wagtail's own menus is refused while a finding is open.
    assert is_denied(act(client, item, "approve"))
    assert current_state(item).task.name == "保密审查"

    [finding] = revision_findings(revision=current_state(item).revision)
    empty = client.post(review, {"override": finding.pk, f"f{finding.pk}-reason": ""})
    assert empty.status_code == 400
    assert "请写明不予修改的理由" in empty.content.decode()

    reason = "该号码为公示所需，已取得本人书面同意"
    done = client.post(review, {"override": finding.pk, f"f{finding.pk}-reason": reason})
    assert done.status_code == 302
    assert PageLogEntry.objects.filter(
        page=item,
        action="disclosure.check_override",
        user=office.users["secrecy"],
        data__reason=reason,
    ).exists()

    assert client.post(review, {"decision": "approve", "comment": ""}).status_code == 302
    assert current_state(item).task.name == "党政办终审发布"


def test_a_finding_fixed_in_a_new_revision_no_longer_blocks(office, client):
    item = office.item(body=paragraph_body("秘密★1年\n关于调整低保标准的请示"))
    review = to_step_two(office, client, item)
    assert [f.kind for f in revision_findings(revision=current_state(item).revision)] == [
        Kind.CLASSIFICATION
    ]
    client.post(review, {"decision": "reject", "comment": "请删除密级标志后重新提交。"})

    client.force_login(office.users["officer"])
    fixed = edit_form_body(client, item, "关于调整低保标准的通知")
    assert fixed.status_code == 302
    # Resubmission resumes at 保密审查, on the new revision, which is clean.
    state = current_state(item)
    assert state.task.name == "保密审查"
    assert list(revision_findings(revision=state.revision)) == []
    client.force_login(office.users["secrecy"])
    assert act(client, item, "approve").status_code == 302
    # The leader approved an older revision: every step approves what goes live.
    assert current_state(item).task.name == "分管领导审签"
    for reviewer in ["leader", "office"]:
        client.force_login(office.users[reviewer])
        assert act(client, item, "approve").status_code == 302
    item.refresh_from_db()
    assert item.live and "秘密★" not in str(item.body)


def edit_form_body(client, item, text):
    data = edit_form_data(client, item)
    data.update(body_form_data(item, [PARAGRAPH.format(text)]))
    data["action-submit"] = "submit"
    return client.post(f"/admin/pages/{item.pk}/edit/", data)


def attach(item, filename: str, content: bytes, title: str):
    document = get_document_model()(title=title)
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    item.attachments.add(ItemAttachment(document=document, title=title))
    item.save_revision()


def pdf_bytes(text: str | None) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    if text:
        page.drawString(72, 720, text)
    else:
        page.rect(72, 600, 200, 100, fill=1)  # a "scan": shapes, no text layer
    page.showPage()
    page.save()
    return buffer.getvalue()


def docx_bytes(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_attachment_text_is_checked_and_unreadable_files_are_findings(office):
    item = office.item()
    card = valid_card()
    attach(item, "notice.docx", docx_bytes("机密★5年\n关于某项工作的通知"), "通知正文")
    attach(item, "list.xlsx", xlsx_bytes([["姓名", "电话"], ["张某", "13905741234"]]), "名单")
    attach(item, "bank.pdf", pdf_bytes(f"Card {card}"), "发放明细")
    attach(item, "scan.pdf", pdf_bytes(None), "扫描件")
    attach(item, "old.doc", b"\xd0\xcf\x11\xe0 legacy word file", "旧版文档")
    attach(item, "broken.docx", b"not a zip", "损坏的文件")

    item = DisclosureItemPage.objects.get(pk=item.pk)
    findings = {(f.source, f.kind) for f in revision_findings(revision=item.get_latest_revision())}

    assert findings == {
        ("通知正文", Kind.CLASSIFICATION),
        ("名单", Kind.MOBILE),
        ("发放明细", Kind.BANK_CARD),
        ("扫描件", Kind.UNREADABLE_ATTACHMENT),
        ("旧版文档", Kind.UNREADABLE_ATTACHMENT),
        ("损坏的文件", Kind.UNREADABLE_ATTACHMENT),
    }


def test_the_district_keeps_the_word_list_and_variants_are_found(office, client):
    # The list checks every agency's items: the platform's 区政务公开办 keeps it.
    client.force_login(office.users["district"])
    response = client.post(
        "/admin/snippets/disclosure_review/sensitiveword/add/",
        {"word": "内幕消息", "level": "banned", "match_variants": "on", "note": "", "active": "on"},
    )
    assert response.status_code == 302
    assert SensitiveWord.objects.filter(word="内幕消息").exists()

    item = office.item(body=paragraph_body("本月工作涉及內幕 消息的处理。"))
    item.save_revision()
    [finding] = revision_findings(revision=item.get_latest_revision())
    assert (finding.kind, finding.rule) == (Kind.BANNED_WORD, "内幕消息")

    client.force_login(office.users["officer"])
    assert is_denied(client.get("/admin/snippets/disclosure_review/sensitiveword/add/"))


def test_the_editor_shows_the_findings_of_the_latest_revision(office, client):
    item = office.item(summary="联系人电话 13812345678")
    item.save_revision()
    client.force_login(office.users["officer"])

    html = client.get(f"/admin/pages/{item.pk}/edit/").content.decode()

    assert "保密自查" in html and "手机号码" in html and "138****5678" in html


def test_checks_run_when_a_revision_is_submitted(
    office, client, django_capture_on_commit_callbacks
):
    item = office.item(summary="身份证号 " + valid_id())
    client.force_login(office.users["officer"])
    with django_capture_on_commit_callbacks(execute=True):
        edit_post(client, item, "submit")

    state = WorkflowState.objects.for_instance(item).get()
    check = RevisionCheck.objects.get(revision=state.current_task_state.revision)
    assert [f.kind for f in check.findings.all()] == [Kind.ID_NUMBER]
