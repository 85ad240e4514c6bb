"""The review workflow as the roles use it in the admin."""

import pytest
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from gov_disclosure.pages.models import DisclosureItemPage
from tests.review.conftest import edit_post, is_denied

pytestmark = pytest.mark.django_db


def current_state(item) -> TaskState:
    return DisclosureItemPage.objects.get(pk=item.pk).current_workflow_task_state


def act(client, item, action: str, **data):
    state = current_state(item)
    return client.post(f"/admin/pages/workflow/action/{item.pk}/{action}/{state.pk}/", data)


def test_officer_submits_three_steps_approve_and_the_last_publishes(office, client):
    item = office.item(title="庄市街道2024年社会救助工作安排")
    client.force_login(office.users["officer"])

    response = edit_post(client, item, "submit", title="庄市街道2024年社会救助工作安排（修订）")

    assert response.status_code == 302
    assert current_state(item).task.name == "分管领导审签"
    for reviewer, step in [
        ("leader", "分管领导审签"),
        ("secrecy", "保密审查"),
        ("office", "党政办终审发布"),
    ]:
        assert current_state(item).task.name == step
        client.force_login(office.users[reviewer])
        assert act(client, item, "approve").status_code == 302
    item.refresh_from_db()
    assert item.live
    assert item.title == "庄市街道2024年社会救助工作安排（修订）"
    assert item.index_number
    log = PageLogEntry.objects.filter(page=item)
    assert log.filter(action="wagtail.publish", user=office.users["office"]).exists()
    assert log.filter(action="wagtail.workflow.start", user=office.users["officer"]).exists()


def submitted(office, client, **fields):
    """An item of department a, submitted by its officer through the editor."""
    item = office.item(**fields)
    client.force_login(office.users["officer"])
    assert edit_post(client, item, "submit").status_code == 302
    return item


def test_leader_sends_back_with_a_comment_the_author_is_told_and_resubmits(
    office, client, mailoutbox
):
    item = submitted(office, client, title="关于社区养老服务的通知")
    client.force_login(office.users["leader"])
    mailoutbox.clear()

    response = act(client, item, "reject", comment="请补充服务对象和申请条件。")

    assert response.status_code == 302
    state = WorkflowState.objects.for_instance(item).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    [mail] = [m for m in mailoutbox if "officer@example.gov.cn" in m.to]
    assert "请补充服务对象和申请条件。" in mail.body
    assert PageLogEntry.objects.filter(
        page=item, action="wagtail.workflow.reject", data__comment="请补充服务对象和申请条件。"
    ).exists()

    # In the admin: the author's dashboard lists it with the comment, and the author resubmits.
    client.force_login(office.users["officer"])
    dashboard = client.get("/admin/")
    assert "退回修改的信息" in dashboard.content.decode()
    assert "请补充服务对象和申请条件。" in dashboard.content.decode()
    assert (
        edit_post(client, item, "submit", summary="服务对象为辖区80周岁以上老人。").status_code
        == 302
    )
    assert current_state(item).task.name == "分管领导审签"
    assert not DisclosureItemPage.objects.get(pk=item.pk).live


def test_sending_back_from_the_review_page_needs_a_comment(office, client):
    item = submitted(office, client)
    client.force_login(office.users["leader"])
    page = f"/admin/review/tasks/{current_state(item).pk}/"

    response = client.post(page, {"decision": "reject", "comment": " "})

    assert response.status_code == 400
    assert "退回修改时请写明意见" in response.content.decode()
    assert current_state(item).status == TaskState.STATUS_IN_PROGRESS

    response = client.post(page, {"decision": "reject", "comment": "标题不规范。"})
    assert response.status_code == 302
    assert WorkflowState.objects.for_instance(item).get().status == "needs_changes"


def test_reviewers_read_the_submission_but_cannot_open_the_editor(office, client):
    item = submitted(office, client, summary="本通知的内容概述。")
    client.force_login(office.users["leader"])

    review_page = client.get(f"/admin/review/tasks/{current_state(item).pk}/")

    assert review_page.status_code == 200
    assert "本通知的内容概述。" in review_page.content.decode()
    assert is_denied(client.get(f"/admin/pages/{item.pk}/edit/"))
    preview = client.get(f"/admin/pages/workflow/preview/{item.pk}/{current_state(item).task_id}/")
    assert preview.status_code == 200
    # Not their step yet: the confidentiality reviewer cannot act on it.
    client.force_login(office.users["secrecy"])
    assert is_denied(act(client, item, "approve"))
    assert current_state(item).task.name == "分管领导审签"
    assert is_denied(client.get(f"/admin/review/tasks/{current_state(item).pk}/"))


def test_the_office_decides_its_step_from_the_editor(office, client):
    item = submitted(office, client)
    for reviewer in ["leader", "secrecy"]:
        client.force_login(office.users[reviewer])
        act(client, item, "approve")
    client.force_login(office.users["office"])

    html = client.get(f"/admin/pages/{item.pk}/edit/").content.decode()

    assert 'data-workflow-action-name="approve"' in html or 'value="approve"' in html
    assert "审阅" not in html  # the step page link belongs to the dashboard, not the editor


def test_a_category_passes_the_same_workflow_without_checks(office, client):
    from tests.workflow import publish_through_workflow

    category = office.category_a
    category.title = "工作动态（更名）"

    published = publish_through_workflow(category)

    assert published.title == "工作动态（更名）"


def test_an_officer_creates_and_submits_an_item_only_for_their_own_department(office, client):
    from wagtail.test.utils.form_data import querydict_from_html

    client.force_login(office.users["officer"])
    url = f"/admin/pages/add/disclosure_pages/disclosureitempage/{office.category_a.pk}/"
    form_html = client.get(url).content.decode()
    data = querydict_from_html(form_html, form_id="page-edit-form")
    data.update(
        {
            "title": "社区居家养老服务补贴申领指南",
            "subject": "民政、扶贫、救灾",
            "genre": "办事指南",
            "written_date": "2024-03-01",
            "summary": "申领条件、材料和流程。",
            "body-count": "0",
            "action-submit": "submit",
        }
    )
    # Only their own department is offered as 发布机构; another one is refused.
    assert f'value="{office.department_b.pk}"' not in form_html
    data["publisher"] = str(office.department_b.pk)
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "publisher" in refused.context["form"].errors
    assert not DisclosureItemPage.objects.filter(title="社区居家养老服务补贴申领指南").exists()

    data["publisher"] = str(office.department_a.pk)
    assert client.post(url, data).status_code == 302

    item = DisclosureItemPage.objects.get(title="社区居家养老服务补贴申领指南")
    assert not item.live and item.owner == office.users["officer"]
    assert current_state(item).task.name == "分管领导审签"


def test_reviewers_are_mailed_a_preview_and_their_dashboard_not_an_editor_link(
    office, client, mailoutbox
):
    item = submitted(office, client, title="关于开展安全生产检查的通知")

    [mail] = [m for m in mailoutbox if "leader@example.gov.cn" in m.to]
    assert "关于开展安全生产检查的通知" in mail.body and "分管领导审签" in mail.body
    assert f"/admin/pages/workflow/preview/{item.pk}/" in mail.body
    assert f"/admin/pages/{item.pk}/edit/" not in mail.body
