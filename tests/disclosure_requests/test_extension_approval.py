"""Art. 33: an extension is asked for by the handler and takes effect only when the head of
the office named as approver agrees, in the admin; refused, the deadline stays."""

import datetime

import pytest
from django.urls import reverse

from gov_disclosure.requests.models import DisclosureRequest, ExtensionDecision, State
from gov_disclosure.requests.services import (
    TransitionRefused,
    request_accept,
    request_assign,
    request_extension_apply,
    request_extension_decide,
)
from gov_disclosure.workcalendar.workdays import add_working_days
from tests.factories import PASSWORD
from tests.review.conftest import is_denied

pytestmark = pytest.mark.django_db
D = datetime.date
DUE = D(2025, 9, 28)
NS = "disclosure_requests_admin"


def login(client, user):
    client.logout()
    client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def accepted(submit, staff, on_day):
    request = submit(D(2025, 9, 1))  # due 2025-09-28 (a working Sunday before 国庆)
    on_day(D(2025, 9, 3))
    request_assign(request=request, handler=staff.handler, user=staff.office)
    request_accept(request=request, user=staff.handler)
    request.refresh_from_db()
    return request


@pytest.fixture
def extended_due():
    """Ten working days more, counted by the calendar past the 国庆 holidays."""
    return add_working_days(DUE, 10)


def ask(client, request, staff, days=10, note="需调取区档案馆档案"):
    return client.post(
        reverse(f"{NS}:action", args=[request.pk, "request_extension"]),
        {"days": str(days), "approver": str(staff.office.pk), "note": note},
    )


def test_asking_moves_nothing_until_the_approver_agrees(
    client, staff, accepted, mailoutbox, django_capture_on_commit_callbacks, extended_due
):
    EXTENDED = extended_due
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(login(client, staff.handler), accepted, staff)
    assert response.status_code == 302

    accepted.refresh_from_db()
    assert accepted.state == State.ACCEPTED and accepted.answer_due_on == DUE
    # The approver is told by mail, with what is asked and the deadline to decide by.
    [to_approver] = mailoutbox
    assert to_approver.to == [staff.office.email]
    assert "延长 10 个工作日" in to_approver.body and "需调取区档案馆档案" in to_approver.body
    assert reverse(f"{NS}:inspect", args=[accepted.pk]) in to_approver.body

    # The handler cannot decide it, nor ask twice.
    page = client.get(reverse(f"{NS}:inspect", args=[accepted.pk])).content.decode()
    assert "等待" in page and "同意延期" not in page
    assert is_denied(client.post(reverse(f"{NS}:action", args=[accepted.pk, "extend"]), {}))
    assert "申请延长答复期限</a>" not in page

    # The approver finds it on the dashboard and agrees on the request's page.
    login(client, staff.office)
    dashboard = client.get("/admin/").content.decode()
    assert "待我批准的延期申请" in dashboard and accepted.reference in dashboard
    decision_page = client.get(reverse(f"{NS}:action", args=[accepted.pk, "extend"]))
    assert f"同意后答复期限为 {EXTENDED.isoformat()}" in decision_page.content.decode()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(f"{NS}:action", args=[accepted.pk, "extend"]), {"note": "同意"}
        )
    assert response.status_code == 302

    accepted.refresh_from_db()
    assert accepted.state == State.EXTENDED and accepted.extension_days == 10
    assert accepted.answer_due_on == EXTENDED
    assert accepted.extension_approved_by == staff.office
    # The applicant learns the new deadline; the handler learns the decision.
    to_applicant = next(m for m in mailoutbox if m.to == ["zhangsan@example.com"])
    assert (
        f"{EXTENDED.year}年{EXTENDED.month}月{EXTENDED.day}日" in to_applicant.body
        and "档案馆" not in to_applicant.body
    )
    to_handler = next(m for m in mailoutbox if m.to == [staff.handler.email])
    assert "已同意" in to_handler.subject
    assert "待我批准的延期申请" not in client.get("/admin/").content.decode()
    timeline = client.get(reverse(f"{NS}:inspect", args=[accepted.pk])).content.decode()
    assert "申请延长答复期限" in timeline and "延长答复期限" in timeline


def test_a_refusal_needs_a_reason_and_leaves_the_deadline(
    client, staff, accepted, mailoutbox, django_capture_on_commit_callbacks
):
    ask(login(client, staff.handler), accepted, staff)
    login(client, staff.office)
    url = reverse(f"{NS}:action", args=[accepted.pk, "refuse_extension"])

    without_reason = client.post(url, {"note": ""})
    assert without_reason.status_code == 400
    assert "必需字段" in without_reason.content.decode()

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"note": "档案可在期限内调取"}).status_code == 302

    accepted.refresh_from_db()
    assert accepted.state == State.ACCEPTED and accepted.answer_due_on == DUE
    assert accepted.extension_applications.get().decision == ExtensionDecision.REFUSED
    # Only the handler is told, with the reason; the applicant's request did not change.
    [to_handler] = mailoutbox
    assert to_handler.to == [staff.handler.email]
    assert "不同意" in to_handler.subject and "档案可在期限内调取" in to_handler.body
    # Refused, the handler may ask again.
    assert ask(login(client, staff.handler), accepted, staff, days=5).status_code == 302


def test_only_the_approver_named_decides_and_only_in_time(staff, accepted, on_day):
    application = request_extension_apply(
        request=accepted, user=staff.handler, days=10, approver=staff.office, note="量大"
    )

    with pytest.raises(TransitionRefused, match="已有一份延期申请在等待批准"):
        request_extension_apply(
            request=accepted, user=staff.handler, days=5, approver=staff.office, note="量大"
        )
    with pytest.raises(TransitionRefused, match="只有申请中指定的批准人"):
        request_extension_decide(application=application, user=staff.handler, approve=True)
    on_day(D(2025, 9, 30))  # the deadline has passed
    with pytest.raises(TransitionRefused, match="已过，不能再延长"):
        request_extension_decide(application=application, user=staff.office, approve=True)

    assert DisclosureRequest.objects.get(pk=accepted.pk).extension_days == 0
