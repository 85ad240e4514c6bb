"""责任追究日志: who did what, filterable and exportable; nobody but a superuser alters it."""

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, transaction
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry, PageLogEntry
from wagtail.test.utils.form_data import querydict_from_html

from gov_disclosure.pages import roles
from gov_disclosure.security.audit_chain import audit_log_maintenance
from tests.review.conftest import edit_post
from tests.review.test_workflow_admin import act
from tests.workflow import superuser

pytestmark = pytest.mark.django_db

LOG = "/admin/review/log/"


@pytest.fixture
def history(office, client):
    """Department a's item submitted, sent back, resubmitted and published; b's item submitted."""
    item = office.item(title="社区养老服务补贴发放公告")
    client.force_login(office.users["officer"])
    edit_post(client, item, "submit")
    client.force_login(office.users["leader"])
    act(client, item, "reject", comment="请核对补贴金额。")
    client.force_login(office.users["officer"])
    edit_post(client, item, "submit")
    for reviewer in ["leader", "secrecy", "office"]:
        client.force_login(office.users[reviewer])
        act(client, item, "approve")
    other = office.item("b", title="财政所预算公开")
    client.force_login(office.users["officer_b"])
    edit_post(client, other, "submit")
    return item, other


def export(client, fmt: str, **params):
    response = client.get(LOG, {"export": fmt, **params})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(content)).active
    return [
        [cell if cell is not None else "" for cell in row]
        for row in sheet.iter_rows(values_only=True)
    ]


def test_the_log_holds_submissions_decisions_and_publication_with_comments(office, client, history):
    item, _other = history
    actions = list(
        PageLogEntry.objects.filter(page=item)
        .order_by("timestamp")
        .values_list("action", "user__username")
    )

    assert ("wagtail.workflow.start", "officer") in actions
    assert ("wagtail.workflow.reject", "leader") in actions
    assert ("wagtail.workflow.resume", "officer") in actions
    assert ("wagtail.workflow.approve", "secrecy") in actions
    assert ("wagtail.publish", "office") in actions
    client.force_login(office.users["supervisor"])
    html = client.get(LOG).content.decode()
    assert "社区养老服务补贴发放公告" in html and "请核对补贴金额。" in html


def test_supervisor_filters_by_person_department_action_and_date(office, client, history):
    item, other = history
    client.force_login(office.users["supervisor"])

    by_leader = export(client, "csv", user=office.users["leader"].pk)
    assert {row[1] for row in by_leader[1:]} == {"leader"}

    # Department b: its items, the department itself and its members; nothing of department a.
    department_b = {row[3] for row in export(client, "csv", department=office.department_b.pk)[1:]}
    assert "财政所预算公开" in department_b
    assert department_b <= {"财政所预算公开", "财政所", "officer_b"}

    rejections = export(client, "csv", action="wagtail.workflow.reject")
    assert len(rejections) == 2 and rejections[1][7] == "请核对补贴金额。"

    today = timezone.localdate().isoformat()
    assert len(export(client, "csv", timestamp_from=today)) > 5
    assert export(client, "csv", timestamp_to="2000-01-01") == [export(client, "csv")[0]]


def test_exports_in_csv_and_xlsx_carry_the_same_rows(office, client, history):
    client.force_login(office.users["office"])

    as_csv = export(client, "csv")
    as_xlsx = export(client, "xlsx")

    assert as_csv[0] == ["时间", "操作人", "操作", "对象", "类型", "对象ID", "版本", "意见或理由"]
    assert as_xlsx[0] == as_csv[0]
    assert len(as_csv) == len(as_xlsx) > 10
    assert [row[2] for row in as_csv[1:]] == [row[2] for row in as_xlsx[1:]]


def test_role_changes_made_in_the_admin_are_logged_with_who_made_them(office, client):
    admin = superuser()
    member = office.users["supervisor"]
    client.force_login(admin)
    url = f"/admin/users/edit/{member.pk}/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    office_group = roles.agency_role_group(office.agency, roles.OFFICE)
    data.setlist("groups", [str(office_group.pk)])
    data.update({"first_name": "纪工委", "last_name": "监督员"})

    response = client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    entries = ModelLogEntry.objects.filter(
        action="disclosure.roles_changed", object_id=str(member.pk), user=admin
    )
    assert {(e.data["change"], tuple(e.data["roles"])) for e in entries} == {
        ("added", (office_group.name,)),
        ("removed", (roles.agency_role_group(office.agency, roles.SUPERVISOR).name,)),
    }


def test_department_membership_changes_are_logged(office):
    office.department_b.members.add(office.users["officer"])
    office.users["officer"].disclosure_departments.remove(office.department_a)

    entries = ModelLogEntry.objects.filter(action="disclosure.department_members_changed")
    assert {"change": "added", "members": ["officer"], "department": "财政所"} in [
        entry.data for entry in entries
    ]
    assert entries.order_by("-pk").first().data == {
        "change": "removed",
        "members": ["officer"],
        "department": "社会事务管理办公室",
    }


def test_log_entries_cannot_be_altered_or_deleted(office, history, postgres):
    entry = PageLogEntry.objects.filter(action="wagtail.publish").first()

    with pytest.raises(DatabaseError), transaction.atomic():
        PageLogEntry.objects.filter(pk=entry.pk).update(data={"comment": "改写"})
    with pytest.raises(DatabaseError), transaction.atomic():
        PageLogEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        ModelLogEntry.objects.all().delete()

    with pytest.raises(PermissionDenied), audit_log_maintenance(user=office.users["office"]):
        pass
    assert PageLogEntry.objects.filter(pk=entry.pk).exists()


def test_a_superuser_can_correct_the_log_in_a_maintenance_block(office, history, postgres):
    entry = PageLogEntry.objects.filter(action="wagtail.publish").first()

    with audit_log_maintenance(user=superuser()):
        PageLogEntry.objects.filter(pk=entry.pk).update(label="更正后的标题")

    assert PageLogEntry.objects.get(pk=entry.pk).label == "更正后的标题"
