"""The office's side: assignment, the reply, the leader's approval, publication, the log."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from gov_disclosure.letters.models import LetterState
from gov_disclosure.letters.services import (
    LetterActionRefused,
    letter_approve,
    letter_assign,
    letter_close,
    letter_reply_save,
    letter_return,
)
from gov_disclosure.pages import roles
from tests.factories import PASSWORD
from tests.letters.conftest import WRITER
from tests.review.conftest import is_denied

pytestmark = pytest.mark.django_db

CLEAN_PUBLIC = {
    "public_subject": "兴庄路夜间施工噪音扰民",
    "public_content": "兴庄路附近工地每天夜里十一点后仍在施工，噪音很大，请尽快处理。",
}


def login(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


def action_url(letter, action):
    return reverse("disclosure_letters_admin:action", args=[letter.pk, action])


def inspect_url(letter):
    return reverse("disclosure_letters_admin:inspect", args=[letter.pk])


@pytest.fixture
def assigned(office, write):
    letter = write()
    letter_assign(letter=letter, department=office.construction, user=office.manager)
    letter.refresh_from_db()
    return letter


def submitted(office, letter, **changes):
    fields = {"reply": "经核查，已责令施工单位夜间停工。", "publish_requested": True}
    fields.update(complaint_finding="substantiated", rectification="done")  # a complaint
    fields.update(CLEAN_PUBLIC)
    fields.update(changes)
    letter_reply_save(letter=letter, user=office.officer, submit=True, **fields)
    letter.refresh_from_db()
    return letter


def test_the_office_assigns_a_letter_to_a_department_whose_officers_are_told(
    client, office, write, mailoutbox, django_capture_on_commit_callbacks
):
    letter = write()
    login(client, office.manager)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            action_url(letter, "assign"),
            {"department": office.construction.pk, "note": "请城建办核实", "perform": "1"},
        )

    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.state == LetterState.ASSIGNED and letter.department == office.construction
    [mail] = [mail for mail in mailoutbox if mail.to == ["officer@example.gov.cn"]]
    assert letter.number in mail.subject
    assert WRITER["name"] not in mail.body and WRITER["phone"] not in mail.body


def test_an_officer_sees_only_the_letters_of_their_department(client, office, assigned, write):
    unassigned = write(subject="另一封未分办的来信")
    login(client, office.other_officer)

    assert client.get(inspect_url(assigned)).status_code == 404
    assert client.get(inspect_url(unassigned)).status_code == 404
    listing = client.get(reverse("disclosure_letters_admin:index")).content.decode()
    assert assigned.subject not in listing
    with pytest.raises(LetterActionRefused, match="无权"):
        letter_reply_save(letter=assigned, user=office.other_officer, reply="越权答复", submit=True)

    login(client, office.officer)
    listing = client.get(reverse("disclosure_letters_admin:index")).content.decode()
    assert assigned.subject in listing and "另一封未分办的来信" not in listing
    page = client.get(inspect_url(assigned)).content.decode()
    assert WRITER["phone"] in page  # the department answering needs to reach the writer


def test_the_reply_form_starts_from_the_letter_with_personal_data_masked(client, office, assigned):
    login(client, office.officer)

    page = client.get(action_url(assigned, "reply")).content.decode()

    public = re.search(r'<textarea name="public_content"[^>]*>(.*?)</textarea>', page, re.S)
    text = public.group(1)
    assert "噪音很大" in text
    assert "我是×××，电话***，身份证号***" in text
    assert "兴庄路12号" not in text and "***附近工地" in text


def test_a_public_text_still_holding_personal_data_is_not_sent_for_approval(
    client, office, assigned
):
    login(client, office.officer)
    response = client.post(
        action_url(assigned, "reply"),
        {
            "reply": "王小明您好，已处理。",
            "publish_requested": "on",
            "public_subject": CLEAN_PUBLIC["public_subject"],
            "public_content": "联系电话13812345678。" + CLEAN_PUBLIC["public_content"],
            "complaint_finding": "substantiated",
            "rectification": "done",
            "submit": "1",
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "公开的内容含有个人信息" in page
    assert "公开的来信内容含有手机号码" in page and "答复内容含有写信人姓名" in page
    assert "王小明您好，已处理。" in page  # what was typed is kept
    assigned.refresh_from_db()
    assert assigned.state == LetterState.ASSIGNED and assigned.reply == ""


def test_a_draft_is_saved_without_approval_and_without_checks(client, office, assigned):
    login(client, office.officer)

    response = client.post(
        action_url(assigned, "reply"),
        {"reply": "初稿：王小明您好", "public_subject": "", "public_content": "", "draft": "1"},
    )

    assert response.status_code == 302
    assigned.refresh_from_db()
    assert assigned.state == LetterState.ASSIGNED and assigned.reply == "初稿：王小明您好"


def test_the_leader_is_asked_to_approve_and_can_return_the_reply_with_reasons(
    office, assigned, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        letter = submitted(office, assigned)
    assert letter.state == LetterState.AWAITING_APPROVAL
    assert {"leader@example.gov.cn", "leader2@example.gov.cn"} <= {
        address for mail in mailoutbox for address in mail.to
    }

    with pytest.raises(LetterActionRefused, match="退回修改的意见"):
        letter_return(letter=letter, user=office.leader, note="  ")
    with django_capture_on_commit_callbacks(execute=True):
        letter_return(letter=letter, user=office.leader, note="请写明停工的期限")

    letter.refresh_from_db()
    assert letter.state == LetterState.ASSIGNED
    assert any(
        mail.to == ["officer@example.gov.cn"] and "退回修改" in mail.subject for mail in mailoutbox
    )


def test_only_a_leader_other_than_the_drafter_approves(client, office, assigned):
    letter = submitted(office, assigned)

    with pytest.raises(LetterActionRefused, match="无权"):
        letter_approve(letter=letter, user=office.officer)
    login(client, office.officer)
    assert is_denied(client.get(action_url(letter, "review")))
    # A leader who also answers for a department does not sign their own reply.
    office.construction.members.add(office.leader)
    roles.role_grant(user=office.leader, agency=office.agency, role=roles.INFORMATION_OFFICER)
    office.leader = type(office.leader).objects.get(pk=office.leader.pk)
    letter_return(letter=letter, user=office.second_leader, note="再核实")
    letter_reply_save(
        letter=letter,
        user=office.leader,
        reply="领导改写的答复",
        submit=True,
        complaint_finding="unsubstantiated",
    )
    with pytest.raises(LetterActionRefused, match="拟稿人不能审签"):
        letter_approve(letter=letter, user=office.leader)

    letter_approve(letter=letter, user=office.second_leader)
    letter.refresh_from_db()
    assert letter.state == LetterState.REPLIED and letter.approved_by == office.second_leader


def test_approval_sends_the_reply_and_publishes_the_letter_when_the_writer_agreed(
    client, office, assigned, site_root
):
    letter = submitted(office, assigned)
    login(client, office.leader)

    response = client.post(action_url(letter, "review"), {"note": "同意", "approve": "1"})

    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.state == LetterState.REPLIED
    assert letter.replied_on == timezone.localdate() and letter.is_published
    client.logout()
    public = client.get(reverse("disclosure_letters:answer", args=[office.agency.pk, letter.pk]))
    assert public.status_code == 200 and "已责令施工单位夜间停工" in public.content.decode()


def test_a_letter_the_writer_kept_private_is_answered_but_never_published(client, office, write):
    letter = write(allow_public=False)
    letter_assign(letter=letter, department=office.construction, user=office.manager)
    login(client, office.officer)
    form = client.get(action_url(letter, "reply")).content.decode()
    assert re.search(r'name="publish_requested"[^>]*disabled', form)

    with pytest.raises(LetterActionRefused, match="写信人不同意公开"):
        submitted(office, letter)
    letter = submitted(office, letter, publish_requested=False)
    letter_approve(letter=letter, user=office.leader)

    letter.refresh_from_db()
    assert letter.state == LetterState.REPLIED and not letter.is_published


def test_a_letter_can_be_closed_with_a_reason_the_writer_sees(
    client, office, write, django_capture_on_commit_callbacks, mailoutbox
):
    letter = write()
    with pytest.raises(LetterActionRefused, match="不予处理的理由"):
        letter_close(letter=letter, user=office.manager, reason="")
    with django_capture_on_commit_callbacks(execute=True):
        letter_close(
            letter=letter, user=office.manager, reason="来信内容属于信访事项，请向信访部门反映"
        )

    page = client.post(
        reverse("disclosure_letters:status"), {"code": letter.tracking_code, "phone_last4": "5678"}
    ).content.decode()
    assert "不予处理" in page and "请向信访部门反映" in page
    assert any(
        "请向信访部门反映" in mail.body for mail in mailoutbox if mail.to == [WRITER["email"]]
    )


def test_every_step_is_in_the_accountability_log_with_who_and_why(client, office, assigned):
    letter = submitted(office, assigned)
    letter_return(letter=letter, user=office.leader, note="请写明停工的期限")
    submitted(office, letter)
    letter_approve(letter=letter, user=office.second_leader, note="同意答复")

    entries = ModelLogEntry.objects.for_instance(letter).order_by("pk")
    assert [(e.action, e.user.username if e.user else None) for e in entries] == [
        ("letters.submit", None),
        ("letters.assign", "dzb"),
        ("letters.submit_reply", "officer"),
        ("letters.return_reply", "leader"),
        ("letters.submit_reply", "officer"),
        ("letters.approve", "leader2"),
    ]
    assert entries[3].data["comment"] == "请写明停工的期限"
    assert all(WRITER["name"] not in str(entry.data) for entry in entries)
    login(client, office.manager)
    page = client.get(inspect_url(letter)).content.decode()
    assert "请写明停工的期限" in page and "审签通过，答复写信人" in page


def test_actions_a_state_does_not_allow_are_refused(office, write):
    letter = write()

    with pytest.raises(LetterActionRefused, match="待分办"):
        letter_approve(letter=letter, user=office.leader)
    with pytest.raises(LetterActionRefused, match="只能分办给本机关的部门"):
        from tests.factories import AgencyFactory, DepartmentFactory

        foreign = DepartmentFactory(agency=AgencyFactory(parent=office.agency.get_parent()))
        letter_assign(letter=letter, department=foreign, user=office.manager)


def test_the_dashboard_tells_each_role_what_waits_for_them(client, office, write, assigned):
    write(subject="待分办的来信")

    login(client, office.manager)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert re.search(r"<strong[^>]*>1</strong>\s*封待分办", html)
    login(client, office.officer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert re.search(r"<strong[^>]*>1</strong>\s*封待答复", html)
    submitted(office, assigned)
    login(client, office.leader)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert re.search(r"<strong[^>]*>1</strong>\s*封待审签", html)


def test_people_without_a_letter_role_see_no_letters(client, office, assigned):
    login(client, office.supervisor)

    assert is_denied(client.get(reverse("disclosure_letters_admin:index")))
    assert client.get(inspect_url(assigned)).status_code in (403, 404) or is_denied(
        client.get(inspect_url(assigned))
    )
    assert client.get(reverse("disclosure_letters_admin:statistics")).status_code == 200


def test_a_letter_reads_in_english_for_a_user_who_chose_it(client, office, assigned):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(office.officer)
    profile.preferred_language = "en"
    profile.save()
    login(client, office.officer)

    page = client.get(inspect_url(assigned)).content.decode()
    form = client.get(action_url(assigned, "reply")).content.decode()

    assert "Citizens’ letters" in page and "Answering department" in page and "Draft reply" in page
    assert "Submit for the leader’s approval" in form and "Public version of the letter" in form


def test_the_office_finds_a_letter_by_the_writers_full_name_or_phone(client, office, write):
    # Neither letter's text names the writer: only the encrypted fields can match.
    mine = write(subject="找得到的来信", content="兴庄路夜间施工噪音扰民，请处理。")
    other = write(
        subject="别人的来信",
        content="小区路灯不亮。",
        writer={**WRITER, "name": "赵六", "phone": "13900000001"},
    )
    login(client, office.manager)
    url = reverse("disclosure_letters_admin:index")

    for query in (WRITER["name"], WRITER["phone"]):  # both stored encrypted
        listing = client.get(url, {"q": query}).content.decode()
        assert mine.subject in listing and other.subject not in listing, query
    assert mine.subject not in client.get(url, {"q": WRITER["name"][:1]}).content.decode()
