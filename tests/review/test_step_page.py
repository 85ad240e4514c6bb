"""A reviewer's step page: everything submitted beside the findings, the real submission
time, and a last approval that says the item is live, with its 索引号 and address."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from gov_disclosure.pages.models import DisclosureItemPage, ItemAttachment
from tests.disclosure_requests.conftest import pdf_bytes
from tests.review.conftest import edit_post
from tests.review.test_workflow_admin import act, current_state, submitted

pytestmark = pytest.mark.django_db


def step_page(client, item):
    return client.get(f"/admin/review/tasks/{current_state(item).pk}/").content.decode()


def test_the_step_page_shows_the_body_keywords_and_attachments_with_their_checks(office, client):
    document = get_document_model().objects.create(
        title="补贴标准表", file=ContentFile(b"%PDF-1.4 table", name="standard.pdf")
    )
    item = office.item(
        title="关于发放2024年高龄津贴的通知",
        keywords="高龄津贴、养老",
        source="区民政局",
        body=[{"type": "paragraph", "value": "<p>八十周岁以上老人每月发放高龄津贴。</p>"}],
    )
    readable = get_document_model().objects.create(
        title="申领表", file=ContentFile(pdf_bytes("application form"), name="form.pdf")
    )
    item.attachments.add(ItemAttachment(document=document, title="补贴标准表"))
    item.attachments.add(ItemAttachment(document=readable, title="申领表"))
    item.save_revision(user=office.users["officer"])
    client.force_login(office.users["officer"])

    assert edit_post(client, item, "submit").status_code == 302
    client.force_login(office.users["leader"])

    html = step_page(client, item)

    assert "八十周岁以上老人每月发放高龄津贴。" in html
    assert "高龄津贴、养老" in html and "区民政局" in html
    assert "补贴标准表" in html and "standard" in html and document.url in html
    attachments = html.split('id="attachments-heading"', 1)[1].split("</table>", 1)[0]
    assert "补贴标准表" in attachments and "1 条检查结果" in attachments  # unreadable: 附件无法读取
    assert "申领表" in attachments and "未发现问题" in attachments


def test_a_later_step_gives_the_time_of_submission_not_of_the_last_approval(
    office, client, time_machine
):
    time_machine.move_to("2026-03-02 09:00 +08:00", tick=False)
    item = submitted(office, client)
    time_machine.move_to("2026-03-03 15:30 +08:00", tick=False)
    client.force_login(office.users["leader"])
    act(client, item, "approve")
    client.force_login(office.users["secrecy"])

    html = step_page(client, item)

    assert "于 2026-03-02 09:00 提交审核" in html
    assert "本环节自 2026-03-03 15:30 开始" in html


def test_the_last_approval_says_published_with_the_index_number_and_a_link(
    office, client, site_root
):
    item = submitted(office, client, title="关于调整社区服务时间的通知")
    for reviewer in ["leader", "secrecy"]:
        client.force_login(office.users[reviewer])
        act(client, item, "approve")
    client.force_login(office.users["office"])

    response = client.post(
        f"/admin/review/tasks/{current_state(item).pk}/", {"decision": "approve"}, follow=True
    )

    item = DisclosureItemPage.objects.get(pk=item.pk)
    html = response.content.decode()
    assert item.live
    assert f"已发布：关于调整社区服务时间的通知（索引号 {item.index_number}）" in html
    assert f'href="{item.url}"' in html and "查看已发布的页面" in html
