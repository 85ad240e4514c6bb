"""The office's side in the admin: who sees what, filters, actions, export, dashboard."""

import datetime
import re

import pytest
from django.urls import reverse

from gov_disclosure.core.file_checks import PNG
from gov_disclosure.pages import roles
from gov_disclosure.requests.admin_forms import ACTION_FORMS, DECIDER_ACTIONS
from gov_disclosure.requests.models import Appeal, DisclosureRequest, State
from gov_disclosure.requests.services import (
    applicant_file_store,
    request_accept,
    request_ask_correction,
    request_assign,
)
from tests.disclosure_requests.conftest import pdf_bytes, png_bytes, upload
from tests.factories import PASSWORD, UserFactory
from tests.review.conftest import is_denied

pytestmark = pytest.mark.django_db
D = datetime.date
NS = "disclosure_requests_admin"


def login(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def desk(submit, staff, on_day):
    """Three requests of 2025: one assigned and overdue, one in correction, one new."""
    overdue = submit(D(2025, 8, 1), applicant={"name": "逾期申请人"})
    correcting = submit(D(2025, 9, 1), applicant={"name": "补正申请人"})
    fresh = submit(D(2025, 9, 19), applicant={"name": "新申请人"})
    on_day(D(2025, 9, 2))
    request_assign(request=overdue, handler=staff.handler, user=staff.office)
    request_accept(request=overdue, user=staff.handler)
    request_ask_correction(
        request=correcting, user=staff.office, note="请补充文号", correction_due_on=D(2025, 9, 30)
    )
    on_day(D(2025, 9, 22))
    return {"overdue": overdue, "correcting": correcting, "fresh": fresh}


def shows(page: str, request) -> bool:
    """Whether a listing links to the request's page."""
    return reverse(f"{NS}:inspect", args=[request.pk]) in page


def index(client, **params):
    return client.get(reverse(f"{NS}:index"), params)


def test_office_sees_every_request_with_its_applicant(client, staff, desk):
    page = index(login(client, staff.office)).content.decode()

    for request in desk.values():
        assert request.reference in page
    assert "逾期申请人" in page and "新申请人" in page


def test_handler_sees_only_the_requests_assigned_to_them(client, staff, desk):
    login(client, staff.handler)

    page = index(client).content.decode()
    assert desk["overdue"].reference in page
    assert desk["fresh"].reference not in page
    assert client.get(reverse(f"{NS}:inspect", args=[desk["fresh"].pk])).status_code == 404
    assert client.get(reverse(f"{NS}:history", args=[desk["fresh"].pk])).status_code == 404


def test_other_roles_see_no_requests(client, staff, desk):
    assert is_denied(index(login(client, staff.leader)))
    login(client, staff.other_officer)
    assert desk["overdue"].reference not in index(client).content.decode()
    inspect = client.get(reverse(f"{NS}:inspect", args=[desk["overdue"].pk]))
    assert inspect.status_code == 404


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"due": "overdue"}, {"overdue"}),
        ({"due": "due_soon"}, set()),
        ({"state": "correction"}, {"correcting"}),
        ({"state": ["received", "correction"]}, {"correcting", "fresh"}),
        ({"year": "2025"}, {"overdue", "correcting", "fresh"}),
        ({"year": "2024"}, set()),
    ],
)
def test_list_filters(client, staff, desk, params, expected):
    page = index(login(client, staff.office), **params).content.decode()

    shown = {name for name, request in desk.items() if shows(page, request)}
    assert shown == expected


def test_filter_by_handler(client, staff, desk):
    page = index(login(client, staff.office), handler=staff.handler.pk).content.decode()

    assert shows(page, desk["overdue"])
    assert not shows(page, desk["fresh"])


def test_due_soon_filter_finds_answers_due_within_five_working_days(client, staff, desk, on_day):
    on_day(D(2025, 10, 17))  # fresh was received 9-19: due 10-23, 4 working days ahead

    page = index(login(client, staff.office), due="due_soon").content.decode()

    assert shows(page, desk["fresh"])


def test_request_page_shows_deadlines_applicant_timeline_and_allowed_actions(client, staff, desk):
    login(client, staff.office)

    page = client.get(reverse(f"{NS}:inspect", args=[desk["correcting"].pk])).content.decode()

    assert "补正申请人" in page and "13812345678" in page
    assert "请补充文号" in page  # the note, in the timeline
    assert "告知补正" in page
    assert "2025-09-30" in page  # the applicant's correction deadline
    action = reverse(f"{NS}:action", args=[desk["correcting"].pk, "record_correction"])
    assert action in page
    answer = reverse(f"{NS}:action", args=[desk["correcting"].pk, "answer"])
    assert answer not in page


def test_acting_through_the_admin_changes_state_and_logs_it(client, staff, desk):
    login(client, staff.office)
    fresh = desk["fresh"]

    response = client.post(
        reverse(f"{NS}:action", args=[fresh.pk, "answer"]),
        {
            "answer_type": "partial",
            "answered_on": "2025-09-22",
            "reply": upload(),
            "note": "部分涉及第三方个人信息",
        },
    )

    assert response.status_code == 302
    fresh.refresh_from_db()
    assert (fresh.state, fresh.answer_type) == (State.ANSWERED, "partial")
    page = client.get(reverse(f"{NS}:inspect", args=[fresh.pk])).content.decode()
    assert "部分涉及第三方个人信息" in page and "作出答复" in page


def test_the_reply_chosen_is_kept_when_the_answer_comes_back_with_an_error(client, staff, desk):
    from gov_disclosure.requests.models import RequestDocument

    login(client, staff.office)
    fresh = desk["fresh"]
    url = reverse(f"{NS}:action", args=[fresh.pk, "answer"])

    content = pdf_bytes("reply")
    # The answer type is forgotten; the 答复书 was chosen.
    refused = client.post(
        url, {"answered_on": "2025-09-22", "reply": upload("答复书.pdf", content)}
    )
    page = refused.content.decode()
    held = re.search(r'name="held" value="([^"]+)"', page).group(1)

    assert refused.status_code == 400
    assert "已保留上次选择的文件" in page and "答复书.pdf" in page
    # Another member of 党政办 cannot use what this one chose: the form has no reply then.
    colleague = UserFactory(username="dzb2", role=roles.OFFICE, role__agency=fresh.agency)
    login(client, colleague)
    other = client.post(url, {"answer_type": "partial", "answered_on": "2025-09-22", "held": held})
    fresh.refresh_from_db()
    assert other.status_code == 400 and fresh.state == State.RECEIVED
    # Sent again with the type and no file chosen: the held reply is the one stored.
    login(client, staff.office)
    response = client.post(
        url, {"answer_type": "partial", "answered_on": "2025-09-22", "held": held}
    )

    assert response.status_code == 302
    fresh.refresh_from_db()
    [reply] = fresh.documents.filter(kind="reply")
    assert fresh.state == State.ANSWERED and reply.original_name == "答复书.pdf"
    assert reply.file.open("rb").read() == content
    assert not RequestDocument.objects.filter(request__isnull=True).exists()


def test_an_action_the_state_does_not_allow_is_refused_with_a_message(client, staff, desk):
    login(client, staff.office)

    response = client.post(
        reverse(f"{NS}:action", args=[desk["fresh"].pk, "close"]), {"closed_on": "2025-09-22"}
    )

    assert response.status_code == 400
    assert "不能“办结”" in response.content.decode()
    desk["fresh"].refresh_from_db()
    assert desk["fresh"].state == State.RECEIVED


def test_bad_action_input_gets_form_errors(client, staff, desk):
    login(client, staff.office)

    response = client.post(
        reverse(f"{NS}:action", args=[desk["overdue"].pk, "request_extension"]),
        {"days": "30", "note": ""},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "确保该值小于或等于20" in page and "必需字段" in page
    desk["overdue"].refresh_from_db()
    assert desk["overdue"].extension_days == 0


def test_only_the_office_assigns(client, staff, desk):
    login(client, staff.handler)

    url = reverse(f"{NS}:action", args=[desk["overdue"].pk, "assign"])
    response = client.post(url, {"handler": staff.handler.pk})

    assert is_denied(response)


def test_extension_approvers_are_those_allowed_to_approve(client, staff, desk):
    login(client, staff.handler)

    page = client.get(
        reverse(f"{NS}:action", args=[desk["overdue"].pk, "request_extension"])
    ).content.decode()

    assert f'value="{staff.office.pk}"' in page
    assert f'value="{staff.leader.pk}"' not in page


def test_office_registers_a_request_received_by_post(client, staff, agency):
    login(client, staff.office)

    response = client.post(
        reverse(f"{NS}:add"),
        {
            "agency": agency.pk,
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
        },
    )

    assert response.status_code == 302
    registered = DisclosureRequest.objects.get()
    assert registered.channel == "post"
    assert registered.received_on == D(2025, 9, 19)
    assert registered.applicant.name == "邮寄申请人"


def test_information_officers_cannot_register_requests(client, staff):
    login(client, staff.handler)

    assert is_denied(client.get(reverse(f"{NS}:add")))


def test_export_with_applicants_data_is_the_offices_alone(client, staff, desk):
    from gov_disclosure.requests.retention import request_purge_personal_data

    request_purge_personal_data(request=desk["correcting"])
    login(client, staff.office)
    response = index(client, export="csv")
    body = b"".join(response.streaming_content).decode()
    assert "逾期申请人" in body and desk["fresh"].reference in body
    assert desk["correcting"].reference in body and "补正申请人" not in body
    assert "待补正" in body  # states as the office reads them
    assert index(client, export="xlsx").status_code == 200

    login(client, staff.handler)
    assert is_denied(index(client, export="csv"))


def test_files_are_served_only_to_those_who_see_the_request(client, staff, desk):
    stored = applicant_file_store(upload=upload("身份证.png", png_bytes(), "image/png"), kind=PNG)
    stored.request = desk["fresh"]
    stored.save()
    url = reverse(f"{NS}:file", args=[desk["fresh"].pk, "applicant", stored.pk])

    response = login(client, staff.office).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == png_bytes()
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"

    assert login(client, staff.handler).get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_dashboard_counts_overdue_requests(client, staff, desk):
    page = login(client, staff.office).get(reverse("wagtailadmin_home")).content.decode()

    assert "件已超期" in page
    assert f"{reverse(f'{NS}:index')}?due=overdue" in page


def test_office_records_appeals_and_handlers_do_not_see_them(client, staff, desk, agency):
    login(client, staff.office)
    response = client.post(
        reverse("disclosure_appeals:add"),
        {
            "agency": agency.pk,
            "request": desk["overdue"].pk,
            "kind": "lawsuit_after_review",
            "filed_on": "2025-09-20",
            "authority": "测试区人民法院",
            "case_number": "（2025）浙0211行初1号",
            "result": "pending",
        },
    )
    assert response.status_code == 302
    assert Appeal.objects.get().request == desk["overdue"]

    login(client, staff.handler)
    assert is_denied(client.get(reverse("disclosure_appeals:index")))


def test_office_corrects_a_description_and_handlers_cannot(client, staff, desk):
    url = reverse(f"{NS}:edit", args=[desk["overdue"].pk])

    assert is_denied(login(client, staff.handler).get(url))
    login(client, staff.office)
    response = client.post(
        url,
        {
            "description": "更正后的申请内容：2025年预算。",
            "purpose": "",
            "information_form": "paper",
            "delivery": "pick_up",
        },
    )
    assert response.status_code == 302
    desk["overdue"].refresh_from_db()
    assert desk["overdue"].delivery == "pick_up"


def test_admin_search_finds_a_request_by_its_applicant_in_the_database(client, staff, desk):
    page = index(login(client, staff.office), q="补正申请人").content.decode()

    assert shows(page, desk["correcting"])
    assert not shows(page, desk["fresh"])


def test_request_actions_appear_in_the_accountability_log(client, staff, desk):
    login(client, staff.office)

    page = client.get(reverse("disclosure_review:accountability_log")).content.decode()

    assert "告知补正" in page and "请补充文号" in page
    assert f"申请 {desk['correcting'].reference}" in page
    assert "补正申请人" not in page


@pytest.mark.parametrize("action", sorted(set(ACTION_FORMS) - DECIDER_ACTIONS))
def test_every_action_page_opens_and_says_when_the_state_does_not_allow_it(
    client, staff, desk, action
):
    from gov_disclosure.requests.transitions import ACTIONS

    request = desk["fresh"]
    response = login(client, staff.office).get(reverse(f"{NS}:action", args=[request.pk, action]))

    assert response.status_code == 200
    page = response.content.decode()
    allowed = request.state in ACTIONS[action].from_states
    assert ("不能进行此操作" in page) != allowed


@pytest.mark.parametrize("action", sorted(DECIDER_ACTIONS))
def test_an_extension_decision_opens_only_for_an_application_waiting_for_the_user(
    client, staff, desk, action
):
    # 党政办 may approve extensions, but none was asked of them here.
    response = login(client, staff.office).get(
        reverse(f"{NS}:action", args=[desk["overdue"].pk, action])
    )

    assert is_denied(response)


def test_a_request_reads_in_english_for_a_user_who_chose_it(client, staff, desk):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(staff.office)
    profile.preferred_language = "en"
    profile.save()
    login(client, staff.office)

    page = client.get(reverse(f"{NS}:inspect", args=[desk["correcting"].pk])).content.decode()

    assert "Awaiting correction" in page and "Timeline" in page and "Ask for correction" in page
    assert "Overdue" in index(client, due="overdue").content.decode()


def test_site_history_does_not_list_other_requests_to_an_information_officer(client, staff, desk):
    page = login(client, staff.other_officer).get("/admin/reports/site-history/")

    assert "申请 2025-" not in page.content.decode()
    # The office is sent to its own 责任追究日志, which lists the agency's requests.
    office_page = login(client, staff.office).get("/admin/reports/site-history/", follow=True)
    assert office_page.redirect_chain == [("/admin/review/log/", 302)]
    assert f"申请 {desk['correcting'].reference}" in office_page.content.decode()


def date_inputs(page: str) -> dict[str, str]:
    """The value each ``<input type="date">`` / ``datetime-local`` is rendered with."""
    found = {}
    for tag in re.findall(r"<input[^>]*>", page):
        kind = re.search(r'type="(date|datetime-local)"', tag)
        if kind:
            name = re.search(r'name="([^"]+)"', tag).group(1)
            value = re.search(r'value="([^"]*)"', tag)
            found[name] = value.group(1) if value else ""
    return found


@pytest.mark.parametrize("action", sorted(ACTION_FORMS))
def test_date_fields_arrive_in_the_format_the_browser_picker_reads(client, staff, desk, action):
    # A date input shows and submits only YYYY-MM-DD: "2025/09/22" reaches the browser as
    # an empty field, and the form then answers 400.
    page = login(client, staff.office).get(reverse(f"{NS}:action", args=[desk["fresh"].pk, action]))

    for name, value in date_inputs(page.content.decode()).items():
        assert value == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), (action, name, value)


def test_the_register_form_prefills_the_time_of_receipt_for_the_browser(client, staff):
    page = login(client, staff.office).get(reverse(f"{NS}:add")).content.decode()

    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", date_inputs(page)["received_at"])


def test_the_list_gives_the_day_a_request_was_received(client, staff, desk):
    # Not "22 小时之前" for a request received a minute ago (a day counted from midnight).
    page = index(login(client, staff.office)).content.decode()

    assert "2025-08-01" in page and "2025-09-19" in page
    assert "之前" not in page


def test_staff_are_named_by_their_names(client, staff, desk):
    staff.handler.first_name = "李承办"
    staff.handler.save()
    login(client, staff.office)

    listing = index(client).content.decode()
    page = client.get(reverse(f"{NS}:inspect", args=[desk["overdue"].pk])).content.decode()

    assert "李承办" in listing and "李承办" in page
    assert ">handler<" not in listing and ">handler<" not in page


def test_files_held_for_an_action_left_unfinished_are_removed_after_a_day(client, staff, desk):
    import datetime as dt

    from gov_disclosure.requests.models import RequestDocument
    from gov_disclosure.requests.retention import requests_purge_expired

    login(client, staff.office)
    client.post(
        reverse(f"{NS}:action", args=[desk["fresh"].pk, "answer"]),
        {"answered_on": "2025-09-22", "reply": upload()},
    )
    held = RequestDocument.objects.get(request__isnull=True)
    stored = held.file.name
    RequestDocument.objects.filter(pk=held.pk).update(
        uploaded_at=held.uploaded_at - dt.timedelta(days=2)
    )

    requests_purge_expired()

    assert not RequestDocument.objects.filter(request__isnull=True).exists()
    assert not held.file.storage.exists(stored)
