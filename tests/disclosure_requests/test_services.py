"""The request's life: each action logged with who, when and why; wrong actions refused."""

import datetime

import pytest
from django.core.files.storage import storages
from wagtail.models import ModelLogEntry

from gov_disclosure.core.file_checks import PNG
from gov_disclosure.requests.models import AnswerType, State
from gov_disclosure.requests.selectors import request_public_timeline, request_status_lookup
from gov_disclosure.requests.services import (
    TransitionRefused,
    applicant_file_store,
    request_accept,
    request_answer,
    request_ask_correction,
    request_assign,
    request_close,
    request_issue_fee_notice,
    request_lapse_correction,
    request_lapse_fee,
    request_merge,
    request_record_payment,
    request_refer,
    request_withdraw,
    requests_recount_deadlines,
)
from tests.disclosure_requests.conftest import extend, png_bytes, upload
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def actions_of(request):
    return list(
        ModelLogEntry.objects.for_instance(request)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def test_submission_numbers_requests_per_agency_and_year(submit):
    first = submit(D(2025, 12, 31))
    second = submit(D(2026, 1, 5))
    third = submit(D(2026, 1, 6))

    assert [first.reference, second.reference, third.reference] == [
        "2025-0001",
        "2026-0001",
        "2026-0002",
    ]
    assert len({first.tracking_code, second.tracking_code, third.tracking_code}) == 3


def test_submission_mails_a_receipt_with_the_tracking_code(
    submit, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = submit(D(2025, 9, 1))

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["zhangsan@example.com"]
    assert request.tracking_code in mailoutbox[0].body
    assert "2025年9月28日" in mailoutbox[0].body  # the answer deadline, a make-up Sunday


def test_answering_and_closing_is_logged_with_who_and_why(submit, staff, on_day):
    request = submit(D(2025, 9, 1))
    on_day(D(2025, 9, 2))
    request_assign(request=request, handler=staff.handler, user=staff.office, note="请办理")
    request_accept(request=request, user=staff.handler)
    request_answer(
        request=request,
        user=staff.handler,
        answer_type=AnswerType.DISCLOSED,
        answered_on=D(2025, 9, 2),
        reply=upload(),
        note="已提供预算表",
    )
    request_close(request=request, user=staff.office, closed_on=D(2025, 9, 2))

    request.refresh_from_db()
    assert request.state == State.CLOSED
    assert request.answer_type == AnswerType.DISCLOSED
    assert request.documents.get().kind == "reply"
    assert actions_of(request) == [
        "disclosure_requests.submit",
        "disclosure_requests.assign",
        "disclosure_requests.accept",
        "disclosure_requests.answer",
        "disclosure_requests.close",
    ]
    answer = ModelLogEntry.objects.for_instance(request).get(action="disclosure_requests.answer")
    assert answer.user == staff.handler
    assert answer.data["comment"] == "已提供预算表"
    assert answer.data["answer_type"] == "disclosed"


def test_the_log_never_holds_the_applicants_data(submit, staff, on_day):
    request = submit(D(2025, 9, 1))
    on_day(D(2025, 9, 2))
    request_accept(request=request, user=staff.handler)

    for entry in ModelLogEntry.objects.for_instance(request):
        text = f"{entry.label} {entry.data}"
        assert "张三" not in text and "13812345678" not in text and "11010519491231002X" not in text


@pytest.mark.parametrize(
    "act",
    [
        lambda r, s: request_close(request=r, user=s.office, closed_on=D(2025, 9, 2)),
        lambda r, s: request_record_payment(
            request=r, user=s.office, paid_on=D(2025, 9, 2), amount=1
        ),
        lambda r, s: request_lapse_correction(request=r, user=s.office),
    ],
    ids=["close-unanswered", "payment-without-notice", "lapse-without-correction"],
)
def test_actions_the_state_does_not_allow_are_refused(submit, staff, on_day, act):
    request = submit(D(2025, 9, 1))
    on_day(D(2025, 9, 2))

    with pytest.raises(TransitionRefused, match="当前状态为“已收到”"):
        act(request, staff)
    request.refresh_from_db()
    assert request.state == State.RECEIVED
    assert actions_of(request) == ["disclosure_requests.submit"]


def test_extension_needs_an_approver_with_the_right_and_happens_once(submit, staff, on_day):
    request = submit(D(2025, 9, 1))
    on_day(D(2025, 9, 3))
    request_accept(request=request, user=staff.handler)

    with pytest.raises(TransitionRefused, match="负责人同意"):
        extend(request=request, user=staff.handler, days=10, approver=staff.leader, note="x")
    with pytest.raises(TransitionRefused, match="1至20"):
        extend(request=request, user=staff.handler, days=21, approver=staff.office, note="x")
    extend(request=request, user=staff.handler, days=10, approver=staff.office, note="量大")
    with pytest.raises(TransitionRefused, match="不能“申请延长答复期限”"):
        extend(request=request, user=staff.handler, days=5, approver=staff.office, note="x")

    request.refresh_from_db()
    assert request.extension_days == 10
    assert request.extension_approved_by == staff.office


def test_no_extension_once_the_deadline_has_passed(submit, staff, on_day):
    request = submit(D(2025, 9, 1))
    on_day(D(2025, 9, 3))
    request_accept(request=request, user=staff.handler)
    on_day(D(2025, 9, 30))  # due 9-28

    with pytest.raises(TransitionRefused, match="已过，不能再延长"):
        extend(request=request, user=staff.handler, days=10, approver=staff.office, note="x")


def test_correction_notice_only_within_seven_working_days(submit, staff, on_day):
    request = submit(D(2025, 9, 1))  # notice due 9-10
    on_day(D(2025, 9, 11))

    with pytest.raises(TransitionRefused, match="7个工作日内"):
        request_ask_correction(
            request=request, user=staff.handler, note="补充", correction_due_on=D(2025, 9, 30)
        )


def test_applicant_who_does_not_correct_in_time_is_taken_to_have_withdrawn(submit, staff, on_day):
    request = submit(D(2025, 9, 1))
    on_day(D(2025, 9, 2))
    request_ask_correction(
        request=request, user=staff.handler, note="补充文号", correction_due_on=D(2025, 9, 19)
    )
    on_day(D(2025, 9, 19))
    with pytest.raises(TransitionRefused, match="尚未届满"):
        request_lapse_correction(request=request, user=staff.handler)

    on_day(D(2025, 9, 22))
    request_lapse_correction(request=request, user=staff.handler)

    request.refresh_from_db()
    assert request.state == State.CLOSED
    assert request.answer_type == AnswerType.OTHER_NO_CORRECTION


def test_unpaid_fee_ends_the_request_after_twenty_working_days(submit, staff, on_day):
    request = submit(D(2025, 9, 1))
    on_day(D(2025, 9, 2))
    request_accept(request=request, user=staff.handler)
    request_issue_fee_notice(
        request=request, user=staff.handler, amount=50, started_on=D(2025, 9, 2)
    )
    pause = request.pauses.get()
    assert pause.due_on == D(2025, 9, 29)  # 20 working days, the make-up Sunday 9-28 included

    on_day(D(2025, 9, 29))
    with pytest.raises(TransitionRefused, match="缴费期限"):
        request_lapse_fee(request=request, user=staff.handler)
    on_day(D(2025, 9, 30))
    request_lapse_fee(request=request, user=staff.handler)

    request.refresh_from_db()
    assert request.state == State.CLOSED
    assert request.answer_type == AnswerType.OTHER_FEE_UNPAID


def test_answer_needs_a_type_and_a_reply_document(submit, staff, on_day):
    request = submit(D(2025, 9, 1))
    on_day(D(2025, 9, 2))

    with pytest.raises(TransitionRefused, match="答复书"):
        request_answer(
            request=request,
            user=staff.handler,
            answer_type=AnswerType.DISCLOSED,
            answered_on=D(2025, 9, 2),
            reply=None,
        )
    with pytest.raises(TransitionRefused, match="答复类型"):
        request_answer(
            request=request,
            user=staff.handler,
            answer_type=AnswerType.OTHER_FEE_UNPAID,
            answered_on=D(2025, 9, 2),
            reply=upload(),
        )
    with pytest.raises(TransitionRefused, match="不能晚于今天"):
        request_answer(
            request=request,
            user=staff.handler,
            answer_type=AnswerType.DISCLOSED,
            answered_on=D(2025, 9, 3),
            reply=upload(),
        )


def test_a_reply_that_is_not_what_its_name_says_is_refused(submit, staff, on_day):
    from django.core.exceptions import ValidationError

    request = submit(D(2025, 9, 1))
    on_day(D(2025, 9, 2))

    with pytest.raises(ValidationError, match="不是允许的文件类型"):
        request_answer(
            request=request,
            user=staff.handler,
            answer_type=AnswerType.DISCLOSED,
            answered_on=D(2025, 9, 2),
            reply=upload("答复书.pdf", b"MZ\x90\x00 not a pdf"),
        )
    request.refresh_from_db()
    assert request.state == State.RECEIVED


def test_referral_forwards_a_copy_to_another_agency_on_the_platform(
    submit, staff, on_day, root_page
):
    other = AgencyFactory(parent=root_page, agency_name="测试区住房和城乡建设局")
    stored = applicant_file_store(upload=upload("身份证.png", png_bytes(), "image/png"), kind=PNG)
    request = submit(D(2025, 9, 1))
    stored.request = request
    stored.save()
    on_day(D(2025, 9, 3))

    copy = request_refer(
        request=request,
        user=staff.office,
        answer_type=AnswerType.UNABLE_NOT_HELD,
        answered_on=D(2025, 9, 3),
        agency=other,
        forward=True,
    )

    request.refresh_from_db()
    assert request.state == State.ANSWERED
    assert request.answer_type == AnswerType.UNABLE_NOT_HELD
    assert request.referred_to_name == "测试区住房和城乡建设局"
    assert copy.agency == other
    assert copy.forwarded_from == request
    assert copy.received_on == D(2025, 9, 3)
    assert copy.applicant.name == "张三"
    assert copy.applicant_files.get().file.read() == png_bytes()
    assert copy.state == State.RECEIVED


def test_repeat_application_is_merged_and_stays_out_of_the_counts(submit, staff, on_day):
    first = submit(D(2025, 9, 1))
    repeat = submit(D(2025, 9, 2))
    on_day(D(2025, 9, 3))

    with pytest.raises(TransitionRefused):
        request_merge(request=repeat, user=staff.office, into=repeat)
    request_merge(request=repeat, user=staff.office, into=first, note="同一申请人重复提交")

    repeat.refresh_from_db()
    assert repeat.state == State.MERGED
    assert repeat.merged_into == first
    assert not repeat.is_open


def test_withdrawal_counts_as_other_handling(submit, staff, on_day):
    request = submit(D(2025, 9, 1))
    on_day(D(2025, 9, 4))
    request_withdraw(
        request=request, user=staff.office, withdrawn_on=D(2025, 9, 4), note="电话撤回"
    )

    request.refresh_from_db()
    assert (request.state, request.answer_type) == (State.CLOSED, AnswerType.OTHER)


def test_status_lookup_needs_the_code_and_the_phones_last_four_digits(submit):
    request = submit(D(2025, 9, 1))
    code = request.tracking_code

    assert request_status_lookup(code=code, phone_last4="5678") == request
    assert request_status_lookup(code=code.lower().replace("-", " "), phone_last4="5678") == request
    assert request_status_lookup(code=code, phone_last4="5679") is None
    assert request_status_lookup(code="0000-0000-0000", phone_last4="5678") is None


def test_public_timeline_has_dates_and_steps_but_no_notes_or_assignments(submit, staff, on_day):
    request = submit(D(2025, 9, 1))
    on_day(D(2025, 9, 2))
    request_assign(request=request, handler=staff.handler, user=staff.office, note="内部意见")
    request_accept(request=request, user=staff.handler, note="内部意见")

    events = request_public_timeline(request=request)

    assert [(e.date, e.label) for e in events] == [
        (D(2025, 9, 1), "收到申请"),
        (D(2025, 9, 2), "受理"),
    ]


def test_calendar_changes_move_open_deadlines(submit):
    from gov_disclosure.workcalendar.models import CalendarDay

    request = submit(D(2025, 9, 1))
    assert request.answer_due_on == D(2025, 9, 28)
    CalendarDay.objects.create(date=D(2025, 9, 3), kind=CalendarDay.Kind.HOLIDAY, name="纪念日")

    assert requests_recount_deadlines(years={2025}) == 1
    request.refresh_from_db()
    assert request.answer_due_on == D(2025, 9, 29)


def test_the_applicant_is_told_of_an_extension_without_internal_notes(
    submit, staff, on_day, mailoutbox, django_capture_on_commit_callbacks
):
    request = submit(D(2025, 9, 1))
    on_day(D(2025, 9, 3))
    request_accept(request=request, user=staff.handler)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        extend(
            request=request,
            user=staff.handler,
            days=10,
            approver=staff.office,
            note="内部：档案在区档案馆",
        )

    # Staff are mailed the application and the decision; the applicant once, when it is agreed.
    [to_applicant] = [mail for mail in mailoutbox if mail.to == ["zhangsan@example.com"]]
    body = to_applicant.body
    assert "延长答复期限" in body and "已延期" in body and request.reference in body
    assert "档案馆" not in body
    request.refresh_from_db()
    # The new deadline, which the applicant needs most.
    assert f"答复期限：{request.answer_due_on:%Y年%-m月%-d日}（已延长 10 个工作日）" in body


def test_one_bad_file_stores_none_of_an_answers_documents(submit, staff, on_day):
    from django.core.exceptions import ValidationError

    from gov_disclosure.requests.models import RequestDocument

    request = submit(D(2025, 9, 1))
    on_day(D(2025, 9, 2))
    private = storages["private"]
    before = (
        set(private.listdir("requests/documents")[1])
        if private.exists("requests/documents")
        else set()
    )

    with pytest.raises(ValidationError):
        request_answer(
            request=request,
            user=staff.handler,
            answer_type=AnswerType.DISCLOSED,
            answered_on=D(2025, 9, 2),
            reply=upload(),
            attachments=[upload("附件.pdf", b"not a pdf at all")],
        )

    assert not RequestDocument.objects.exists()
    after = (
        set(private.listdir("requests/documents")[1])
        if private.exists("requests/documents")
        else set()
    )
    assert after == before
