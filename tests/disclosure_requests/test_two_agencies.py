"""Two agencies on one platform: an agency's 党政办 and handlers see, act on, export and
are reminded of that agency's requests and appeals only; applicants' data never cross."""

import datetime

import pytest
from django.urls import reverse

from gov_disclosure.pages import roles
from gov_disclosure.requests.models import Appeal, DisclosureRequest
from gov_disclosure.requests.reminders import requests_send_reminders
from gov_disclosure.requests.selectors import request_counts
from tests.disclosure_requests.test_admin import NS, index, login, shows
from tests.factories import AgencyFactory, UserFactory
from tests.review.conftest import is_denied

pytestmark = pytest.mark.django_db
D = datetime.date


def refused(response) -> bool:
    return is_denied(response) or response.status_code == 404


@pytest.fixture
def other(agency):
    """A second agency with its own 党政办 and 信息员."""
    second = AgencyFactory(parent=agency.get_parent(), title="第二街道政府信息公开")
    return {
        "agency": second,
        "office": UserFactory(username="b-dzb", role=roles.OFFICE, role__agency=second),
        "handler": UserFactory(
            username="b-handler", role=roles.INFORMATION_OFFICER, role__agency=second
        ),
    }


@pytest.fixture
def two_desks(submit, staff, other, on_day):
    ours = submit(D(2025, 8, 1), applicant={"name": "本街道申请人"})
    theirs = submit(D(2025, 8, 1), to=other["agency"], applicant={"name": "他街道申请人"})
    on_day(D(2025, 9, 22))  # both overdue
    return ours, theirs


def test_an_office_lists_and_exports_only_its_agencys_requests(client, staff, other, two_desks):
    ours, theirs = two_desks
    login(client, staff.office)

    page = index(client).content.decode()
    assert shows(page, ours) and not shows(page, theirs)
    assert "他街道申请人" not in page
    export = b"".join(index(client, export="csv").streaming_content).decode("utf-8-sig")
    assert "本街道申请人" in export and "他街道申请人" not in export

    login(client, other["office"])
    page = index(client).content.decode()
    assert shows(page, theirs) and not shows(page, ours)


def test_an_office_opens_and_acts_on_no_request_of_another_agency(client, staff, other, two_desks):
    _ours, theirs = two_desks
    login(client, staff.office)

    assert client.get(reverse(f"{NS}:inspect", args=[theirs.pk])).status_code == 404
    assert client.get(reverse(f"{NS}:edit", args=[theirs.pk])).status_code == 404
    response = client.post(
        reverse(f"{NS}:action", args=[theirs.pk, "assign"]), {"handler": staff.handler.pk}
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.handler is None


def test_only_the_agencys_staff_are_offered_as_handlers(client, staff, other, two_desks):
    ours, _theirs = two_desks
    login(client, staff.office)

    page = client.get(reverse(f"{NS}:action", args=[ours.pk, "assign"])).content.decode()

    assert staff.handler.username in page or (staff.handler.get_full_name() or "") in page
    assert "b-handler" not in page and "b-dzb" not in page


def test_dashboard_counts_are_the_agencys(staff, other, two_desks):
    assert request_counts(user=staff.office, today=D(2025, 9, 22)).overdue == 1
    assert request_counts(user=other["office"], today=D(2025, 9, 22)).overdue == 1


def test_reminders_go_to_the_office_of_the_requests_agency(staff, other, two_desks, mailoutbox):
    ours, theirs = two_desks
    mailoutbox.clear()

    requests_send_reminders(today=D(2025, 9, 22))

    mails = {mail.to[0]: mail.body for mail in mailoutbox}
    # Both agencies number their requests from 2025-0001: the mails name the agency.
    ours_name, theirs_name = ours.agency.agency_name, theirs.agency.agency_name
    assert ours_name in mails[staff.office.email]
    assert theirs_name not in mails[staff.office.email]
    assert theirs_name in mails[other["office"].email]
    assert ours_name not in mails[other["office"].email]


def test_a_handler_of_another_agency_cannot_be_assigned(staff, other, two_desks):
    ours, _theirs = two_desks
    from gov_disclosure.requests.admin_forms import AssignForm

    form = AssignForm({"handler": other["handler"].pk}, request=ours, user=staff.office)

    assert not form.is_valid()
    assert "handler" in form.errors


def test_appeals_are_the_agencys_own(client, staff, other, two_desks):
    ours, theirs = two_desks
    theirs_appeal = Appeal.objects.create(
        agency=other["agency"],
        request=theirs,
        kind="review",
        filed_on=D(2025, 9, 20),
        authority="测试区人民政府",
        case_number="B-1",
        result="pending",
    )
    login(client, staff.office)

    assert "B-1" not in client.get(reverse("disclosure_appeals:index")).content.decode()
    assert refused(client.get(reverse("disclosure_appeals:edit", args=[theirs_appeal.pk])))
    form = client.get(reverse("disclosure_appeals:add")).content.decode()
    assert f'value="{other["agency"].pk}"' not in form  # not offered as the agency
    assert f'value="{theirs.pk}"' not in form  # nor its requests
    response = client.post(
        reverse("disclosure_appeals:add"),
        {
            "agency": other["agency"].pk,
            "request": theirs.pk,
            "kind": "review",
            "filed_on": "2025-09-21",
            "authority": "测试区人民政府",
            "case_number": "A-2",
            "result": "pending",
        },
    )
    assert response.status_code == 200  # the form again, with its errors
    assert not Appeal.objects.filter(case_number="A-2").exists()
    assert f'value="{ours.pk}"' in form  # the office's own requests stay offered


def test_an_office_registers_requests_for_its_own_agency_only(client, staff, other, agency):
    login(client, staff.office)
    form = {
        "channel": "post",
        "received_at": "2025-09-19T16:30",
        "applicant_kind": "person",
        "name": "邮寄申请人",
        "id_document_type": "passport",
        "id_document_number": "E12345678",
        "phone": "0574-86123456",
        "address": "宁波市测试路1号",
        "description": "请提供2025年街道预算执行情况的报告。",
        "information_form": "paper",
        "delivery": "post",
    }

    page = client.get(reverse(f"{NS}:add")).content.decode()
    assert f'value="{agency.pk}"' in page and f'value="{other["agency"].pk}"' not in page
    refused = client.post(reverse(f"{NS}:add"), {**form, "agency": other["agency"].pk})
    assert refused.status_code == 400
    assert "邮寄申请人" in refused.content.decode()  # what was typed stays
    assert not DisclosureRequest.objects.exists()
    assert client.post(reverse(f"{NS}:add"), {**form, "agency": agency.pk}).status_code == 302


def test_the_handler_filter_names_only_the_agencys_handlers(client, staff, other, two_desks):
    from gov_disclosure.requests.services import request_assign

    _ours, theirs = two_desks
    request_assign(request=theirs, handler=other["handler"], user=other["office"])

    page = index(login(client, staff.office)).content.decode()

    assert "b-handler" not in page
