"""Writes to requests: submission, every change of state, deadlines.

Each action locks the request row, checks the state machine (``transitions``),
applies the change, counts the deadlines again and logs the action in Wagtail's
audit log (the request's timeline, and part of the 责任追究日志).
"""

import datetime
import decimal
import secrets
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from gov_disclosure.core.file_checks import FileKind, checked_upload, display_name
from gov_disclosure.core.task_queue import queue_after_commit
from gov_disclosure.core.tracking_codes import digits, tracking_code_unused
from gov_disclosure.pages.models import DisclosureIndexPage, sequence_next

from . import deadlines
from .models import (
    LAPSE_ANSWER_TYPES,
    OPEN_STATES,
    TRANSFER_ANSWER_TYPES,
    AnswerType,
    Applicant,
    ApplicantFile,
    DisclosureRequest,
    DocumentKind,
    ExtensionApplication,
    ExtensionDecision,
    PauseKind,
    RequestDocument,
    RequestPause,
    RequestSequence,
    State,
)
from .selectors import request_pauses, users_with_request_permission
from .transitions import ACTIONS, log_action_name
from .uploads import OFFICE_KINDS, OFFICE_MAX_BYTES


class TransitionRefused(Exception):
    """An action the request's state, dates or rules do not allow; the message says why."""


# ---------------------------------------------------------------------------
# Submission
# ---------------------------------------------------------------------------


def _next_reference(*, agency_id: int, year: int) -> str:
    serial = sequence_next(RequestSequence, agency_id=agency_id, year=year)
    return f"{year}-{serial:04d}"


def request_submit(
    *,
    agency: DisclosureIndexPage,
    request_fields: dict,
    applicant_fields: dict,
    files: Iterable[ApplicantFile] = (),
    channel: str,
    received_at: datetime.datetime | None = None,
    user=None,
    forwarded_from: DisclosureRequest | None = None,
) -> DisclosureRequest:
    """Register a request (online, or entered by staff from paper) with its applicant.

    ``files`` are uploads already checked and stored (``applicant_file_store``).
    """
    received_at = received_at or timezone.now()
    received_on = timezone.localdate(received_at)
    with transaction.atomic():
        request = DisclosureRequest(
            agency=agency,
            reference=_next_reference(agency_id=agency.pk, year=received_on.year),
            tracking_code=tracking_code_unused(DisclosureRequest),
            channel=channel,
            received_at=received_at,
            received_on=received_on,
            clock_started_on=deadlines.clock_start(received_on),
            correction_notice_due_on=deadlines.correction_notice_due(received_on),
            forwarded_from=forwarded_from,
            phone_last4=digits(applicant_fields.get("phone", ""))[-4:],
            **request_fields,
        )
        _refresh_deadlines(request)
        request.save()
        Applicant.objects.create(request=request, **applicant_fields)
        for upload in files:
            upload.request = request
            upload.save(update_fields=["request"])
        log_request_action(request, "forwarded" if forwarded_from else "submit", user)
    if request.applicant.email:
        _mail_after_commit("mail_applicant_receipt", request_id=request.pk)
    return request


def _mail_after_commit(task_name: str, **kwargs) -> None:
    """Queue a mail once the change is committed: the person acting never waits for SMTP."""
    from . import tasks  # tasks import this module's neighbours; import late

    queue_after_commit(getattr(tasks, task_name), **kwargs)


def _store(model, content, *, name: str, content_type: str, extension: str, **fields):
    """Save ``content`` in the private storage under a random name, with its record."""
    random_name = f"{secrets.token_hex(16)}.{extension}"
    stored = model(
        stored_name=random_name,
        original_name=display_name(name),
        content_type=content_type,
        size=content.size,
        **fields,
    )
    stored.file.save(random_name, content, save=False)
    stored.save()
    return stored


def applicant_file_store(*, upload, kind: FileKind) -> ApplicantFile:
    """Keep a checked upload of an applicant, not yet tied to a request."""
    return _store(
        ApplicantFile,
        upload,
        name=upload.name,
        content_type=kind.content_type,
        extension=kind.extension,
    )


def _store_office_document(
    upload, file_kind: FileKind, *, user, kind: str, request: DisclosureRequest | None = None
) -> RequestDocument:
    """A checked upload of the office, in a request's file (or held for none yet)."""
    return _store(
        RequestDocument,
        upload,
        name=upload.name,
        content_type=file_kind.content_type,
        extension=file_kind.extension,
        request=request,
        kind=kind,
        uploaded_by=user,
    )


def office_uploads_hold(*, uploads, user) -> list[RequestDocument]:
    """Keep the office's checked uploads of a refused action form, tied to no request yet,
    so the person need not choose them again; an upload that fails its check is not kept
    (the form says why when it is sent again)."""
    held = []
    for upload in uploads:
        try:
            file_kind = checked_upload(upload, kinds=OFFICE_KINDS, max_bytes=OFFICE_MAX_BYTES)
        except ValidationError:
            continue
        held.append(_store_office_document(upload, file_kind, user=user, kind=DocumentKind.OTHER))
    return held


def held_upload(document: RequestDocument) -> ContentFile:
    """A held upload as a file to hand to an action again, under the name it was chosen by."""
    with document.file.open("rb") as stored:
        return ContentFile(stored.read(), name=document.original_name)


def office_uploads_release(documents) -> None:
    """Held uploads that served their action (it stored them in the request's file)."""
    documents = [document for document in documents if document.request_id is None]
    RequestDocument.objects.filter(pk__in=[d.pk for d in documents]).delete()
    transaction.on_commit(lambda: [d.file.storage.delete(d.file.name) for d in documents])


# ---------------------------------------------------------------------------
# Actions
# ---------------------------------------------------------------------------


def _locked(request: DisclosureRequest, action: str) -> DisclosureRequest:
    current = DisclosureRequest.objects.select_for_update().get(pk=request.pk)
    allowed = ACTIONS[action].from_states
    if current.state not in allowed:
        raise TransitionRefused(
            _("申请当前状态为“%(state)s”，不能“%(action)s”。")
            % {"state": current.get_state_display(), "action": ACTIONS[action].label}
        )
    return current


def log_request_action(
    request: DisclosureRequest, action: str, user, note: str = "", data: dict | None = None
) -> None:
    """An entry of the request's timeline in Wagtail's audit log (no personal data in it)."""
    payload = {"state": request.state, **(data or {})}
    if note:
        payload["comment"] = note
    log(instance=request, action=log_action_name(action), user=user, data=payload)


def _check_day(request: DisclosureRequest, day: datetime.date, what: str) -> None:
    if day > timezone.localdate():
        raise TransitionRefused(_("%(what)s不能晚于今天。") % {"what": what})
    if day < request.received_on:
        raise TransitionRefused(_("%(what)s不能早于收到申请的日期。") % {"what": what})


def _refresh_deadlines(request: DisclosureRequest) -> None:
    """Count the answer deadline again (while the office still owes an answer)."""
    if request.state not in OPEN_STATES:
        return
    if request.state == State.CORRECTION:
        request.answer_due_on = None  # the period starts again when the correction arrives
        return
    request.answer_due_on = deadlines.answer_due(
        started_on=request.clock_started_on,
        extension_days=request.extension_days,
        pauses=request_pauses(request=request),
    )


def _save(request: DisclosureRequest, action: str, user, note: str = "", **data) -> None:
    _refresh_deadlines(request)
    request.save()
    log_request_action(request, action, user, note, data)
    if ACTIONS[action].public:
        _mail_after_commit("mail_applicant_progress", request_id=request.pk, action=action)


def _attach(request: DisclosureRequest, user, documents: dict[str, Iterable]) -> None:
    """Store the office's documents by kind; every file is checked before any is stored."""
    checked = [
        (kind, upload, checked_upload(upload, kinds=OFFICE_KINDS, max_bytes=OFFICE_MAX_BYTES))
        for kind, uploads in documents.items()
        for upload in uploads or ()
        if upload
    ]
    for kind, upload, file_kind in checked:
        _store_office_document(upload, file_kind, user=user, kind=kind, request=request)


def _resumed_state(request: DisclosureRequest) -> str:
    return State.EXTENDED if request.extension_days else State.ACCEPTED


@transaction.atomic
def request_assign(*, request: DisclosureRequest, handler, user, note: str = "") -> None:
    current = _locked(request, "assign")
    current.handler = handler
    _save(current, "assign", user, note, handler=handler.get_username() if handler else "")
    if handler and handler.email:
        _mail_after_commit("mail_handler_assigned", request_id=current.pk, handler_id=handler.pk)


@transaction.atomic
def request_accept(*, request: DisclosureRequest, user, note: str = "") -> None:
    current = _locked(request, "accept")
    current.state = State.ACCEPTED
    _save(current, "accept", user, note)


@transaction.atomic
def request_ask_correction(
    *,
    request: DisclosureRequest,
    user,
    note: str,
    correction_due_on: datetime.date,
    documents=(),
) -> None:
    """Art. 30: a correction notice goes out within 7 working days of receipt."""
    current = _locked(request, "ask_correction")
    today = timezone.localdate()
    if today > current.correction_notice_due_on:
        raise TransitionRefused(
            _("补正告知应在收到申请后7个工作日内（%(due)s前）作出，已过期限；请受理后依法答复。")
            % {"due": current.correction_notice_due_on.isoformat()}
        )
    if correction_due_on <= today:
        raise TransitionRefused(_("补正期限应晚于今天。"))
    if not note.strip():
        raise TransitionRefused(_("请写明需要补正的事项。"))
    current.state = State.CORRECTION
    current.correction_due_on = correction_due_on
    _attach(current, user, {DocumentKind.CORRECTION_NOTICE: documents})
    _save(current, "ask_correction", user, note, correction_due_on=correction_due_on.isoformat())


@transaction.atomic
def request_record_correction(
    *,
    request: DisclosureRequest,
    user,
    corrected_on: datetime.date,
    description: str = "",
    note: str = "",
) -> None:
    """The corrected request arrived: the answer period starts again from that day."""
    current = _locked(request, "record_correction")
    _check_day(current, corrected_on, _("收到补正的日期"))
    if description.strip():
        current.description = description.strip()
    current.clock_started_on = deadlines.clock_start(corrected_on)
    current.state = State.ACCEPTED
    _save(current, "record_correction", user, note, corrected_on=corrected_on.isoformat())


def _finish(
    current: DisclosureRequest, answer_type: str, day: datetime.date, *, closed: bool = False
) -> None:
    """Record how the request ended; an end the applicant caused closes it the same day."""
    current.answer_type = answer_type
    current.answered_on = day
    current.state = State.CLOSED if closed else State.ANSWERED
    if closed:
        current.closed_on = day


@transaction.atomic
def request_lapse_correction(*, request: DisclosureRequest, user, note: str = "") -> None:
    """Art. 30: an applicant who does not correct in time is taken to have withdrawn."""
    current = _locked(request, "lapse_correction")
    today = timezone.localdate()
    if current.correction_due_on and today <= current.correction_due_on:
        raise TransitionRefused(
            _("补正期限（%(due)s）尚未届满。") % {"due": current.correction_due_on.isoformat()}
        )
    _finish(current, AnswerType.OTHER_NO_CORRECTION, today, closed=True)
    _save(current, "lapse_correction", user, note)


def _extension_check(current: DisclosureRequest, *, days: int) -> None:
    """Art. 33: once, at most 20 working days, before the deadline has passed."""
    if current.extension_days:
        raise TransitionRefused(_("答复期限只能延长一次。"))
    if not 1 <= days <= deadlines.MAX_EXTENSION_WORKING_DAYS:
        raise TransitionRefused(
            _("延长期限为1至%(max)d个工作日。") % {"max": deadlines.MAX_EXTENSION_WORKING_DAYS}
        )
    if current.answer_due_on and timezone.localdate() > current.answer_due_on:
        raise TransitionRefused(
            _("答复期限（%(due)s）已过，不能再延长。") % {"due": current.answer_due_on.isoformat()}
        )


@transaction.atomic
def request_extension_apply(
    *, request: DisclosureRequest, user, days: int, approver, note: str, documents=()
) -> ExtensionApplication:
    """The handler asks the office's head to extend the answer period; nothing moves yet."""
    current = _locked(request, "request_extension")
    _extension_check(current, days=days)
    if current.extension_applications.filter(decision=ExtensionDecision.PENDING).exists():
        raise TransitionRefused(_("已有一份延期申请在等待批准。"))
    approvers = users_with_request_permission("approve_extension", agency_id=current.agency_id)
    if approver is None or not approvers.filter(pk=approver.pk).exists():
        raise TransitionRefused(_("延长答复期限须经政府信息公开工作机构负责人同意，请选择批准人。"))
    if not note.strip():
        raise TransitionRefused(_("请写明延长的理由。"))
    application = ExtensionApplication.objects.create(
        request=current, days=days, reason=note.strip(), requested_by=user, approver=approver
    )
    _attach(current, user, {DocumentKind.EXTENSION_NOTICE: documents})
    _save(current, "request_extension", user, note, days=days, approver=approver.get_username())
    _mail_after_commit("mail_extension_to_decide", application_id=application.pk)
    return application


@transaction.atomic
def request_extension_decide(
    *, application: ExtensionApplication, user, approve: bool, note: str = ""
) -> None:
    """The approver named agrees (the deadline moves by the days asked, and the applicant
    is told) or refuses with a reason (the handler is told; the deadline stays)."""
    application = ExtensionApplication.objects.select_for_update().get(pk=application.pk)
    if application.decision != ExtensionDecision.PENDING:
        raise TransitionRefused(_("这份延期申请已经审批过了。"))
    if user.pk != application.approver_id:
        raise TransitionRefused(_("只有申请中指定的批准人可以审批这份延期申请。"))
    action = "extend" if approve else "refuse_extension"
    current = _locked(application.request, action)
    if approve:
        _extension_check(current, days=application.days)
        current.extension_days = application.days
        current.extension_approved_by = user
        current.state = State.EXTENDED
    elif not note.strip():
        raise TransitionRefused(_("请写明不同意的理由。"))
    application.decision = ExtensionDecision.APPROVED if approve else ExtensionDecision.REFUSED
    application.decided_at = timezone.now()
    application.decision_note = note.strip()
    application.save(update_fields=["decision", "decided_at", "decision_note"])
    _save(
        current,
        action,
        user,
        note,
        days=application.days,
        approver=user.get_username(),
        requested_by=application.requested_by.get_username(),
    )
    _mail_after_commit("mail_extension_decided", application_id=application.pk)


def _open_pause(
    current, *, kind: str, started_on: datetime.date, due_on: datetime.date, **fields
) -> None:
    _check_day(current, started_on, _("开始日期"))
    if current.pauses.filter(ended_on__isnull=True).exists():
        raise TransitionRefused(_("已有未结束的暂停计时。"))
    RequestPause.objects.create(
        request=current, kind=kind, started_on=started_on, due_on=due_on, **fields
    )


def _close_pause(current, *, kind: str, ended_on: datetime.date, **fields) -> RequestPause:
    pause = current.pauses.get(kind=kind, ended_on__isnull=True)
    if ended_on < pause.started_on:
        raise TransitionRefused(_("结束日期不能早于开始日期。"))
    _check_day(current, ended_on, _("结束日期"))
    pause.ended_on = ended_on
    for name, value in fields.items():
        setattr(pause, name, value)
    pause.save()
    return pause


@transaction.atomic
def request_start_consultation(
    *,
    request: DisclosureRequest,
    user,
    party: str,
    started_on: datetime.date,
    note: str = "",
    documents=(),
) -> None:
    """Art. 32: consulting a third party; its 15 working days do not count."""
    current = _locked(request, "start_consultation")
    if not party.strip():
        raise TransitionRefused(_("请写明征求意见的对象。"))
    _open_pause(
        current,
        kind=PauseKind.CONSULTATION,
        started_on=started_on,
        due_on=deadlines.add_working_days(started_on, deadlines.THIRD_PARTY_WORKING_DAYS),
        party=party.strip(),
    )
    current.state = State.CONSULTING
    _attach(current, user, {DocumentKind.CONSULTATION_LETTER: documents})
    _save(current, "start_consultation", user, note, started_on=started_on.isoformat())


@transaction.atomic
def request_end_consultation(
    *, request: DisclosureRequest, user, ended_on: datetime.date, note: str = ""
) -> None:
    current = _locked(request, "end_consultation")
    _close_pause(current, kind=PauseKind.CONSULTATION, ended_on=ended_on)
    current.state = _resumed_state(current)
    _save(current, "end_consultation", user, note, ended_on=ended_on.isoformat())


@transaction.atomic
def request_issue_fee_notice(
    *,
    request: DisclosureRequest,
    user,
    amount: decimal.Decimal,
    started_on: datetime.date,
    note: str = "",
    documents=(),
) -> None:
    """A fee notice (信息处理费) stops the clock until the applicant pays."""
    current = _locked(request, "issue_fee_notice")
    if amount <= 0:
        raise TransitionRefused(_("收费金额应大于零。"))
    _open_pause(
        current,
        kind=PauseKind.FEE,
        started_on=started_on,
        due_on=deadlines.add_working_days(started_on, deadlines.FEE_PAYMENT_WORKING_DAYS),
        fee_amount=amount,
    )
    current.state = State.AWAITING_FEE
    _attach(current, user, {DocumentKind.FEE_NOTICE: documents})
    _save(current, "issue_fee_notice", user, note, amount=str(amount))


@transaction.atomic
def request_record_payment(
    *,
    request: DisclosureRequest,
    user,
    paid_on: datetime.date,
    amount: decimal.Decimal,
    note: str = "",
) -> None:
    current = _locked(request, "record_payment")
    _close_pause(current, kind=PauseKind.FEE, ended_on=paid_on, fee_paid_amount=amount)
    current.state = _resumed_state(current)
    _save(current, "record_payment", user, note, paid_on=paid_on.isoformat(), amount=str(amount))


@transaction.atomic
def request_lapse_fee(*, request: DisclosureRequest, user, note: str = "") -> None:
    current = _locked(request, "lapse_fee")
    pause = current.pauses.get(kind=PauseKind.FEE, ended_on__isnull=True)
    today = timezone.localdate()
    if today <= pause.due_on:
        raise TransitionRefused(
            _("缴费期限（%(due)s）尚未届满。") % {"due": pause.due_on.isoformat()}
        )
    pause.ended_on = today
    pause.save(update_fields=["ended_on"])
    _finish(current, AnswerType.OTHER_FEE_UNPAID, today, closed=True)
    _save(current, "lapse_fee", user, note)


@transaction.atomic
def request_answer(
    *,
    request: DisclosureRequest,
    user,
    answer_type: str,
    answered_on: datetime.date,
    reply,
    attachments=(),
    note: str = "",
) -> None:
    """Art. 36: the answer, with its type (a row of the annual report) and the reply."""
    current = _locked(request, "answer")
    if answer_type not in AnswerType.values or answer_type in LAPSE_ANSWER_TYPES:
        raise TransitionRefused(_("请选择答复类型。"))
    if reply is None:
        raise TransitionRefused(_("请上传答复书。"))
    _check_day(current, answered_on, _("答复日期"))
    _finish(current, answer_type, answered_on)
    _attach(current, user, {DocumentKind.REPLY: [reply], DocumentKind.OTHER: attachments})
    _save(current, "answer", user, note, answer_type=answer_type)


@transaction.atomic
def request_refer(
    *,
    request: DisclosureRequest,
    user,
    answer_type: str,
    answered_on: datetime.date,
    agency: DisclosureIndexPage | None = None,
    agency_name: str = "",
    forward: bool = False,
    notice=None,
    note: str = "",
) -> DisclosureRequest | None:
    """Tell the applicant which body holds the information (or handles the complaint).

    When that body is another agency on this platform, ``forward`` also registers a
    copy of the request there, received today, so the applicant need not apply again.
    Returns the copy, if any.
    """
    current = _locked(request, "refer")
    if answer_type not in TRANSFER_ANSWER_TYPES:
        raise TransitionRefused(_("请选择告知的类型。"))
    if agency is None and not agency_name.strip():
        raise TransitionRefused(_("请选择或填写应当告知的机关。"))
    if agency is not None and agency.pk == current.agency_id:
        raise TransitionRefused(_("不能告知向本机关申请。"))
    if forward and agency is None:
        raise TransitionRefused(_("只能转送到本平台上的机关。"))
    _check_day(current, answered_on, _("告知日期"))
    _finish(current, answer_type, answered_on)
    current.referred_to_agency = agency
    current.referred_to_name = agency_name.strip() or (agency.agency_name if agency else "")
    _attach(current, user, {DocumentKind.TRANSFER_NOTICE: [notice]})
    _save(current, "refer", user, note, answer_type=answer_type, to=current.referred_to_name)
    if not forward:
        return None
    return _forward(current, agency=agency, user=user)


def _forward(original: DisclosureRequest, *, agency, user) -> DisclosureRequest:
    applicant = original.applicant
    applicant_fields = {
        field.name: getattr(applicant, field.name)
        for field in Applicant._meta.concrete_fields
        if field.name not in ("id", "request")
    }
    copies = []
    for upload in original.applicant_files.all():
        with upload.file.open("rb") as handle:
            content = ContentFile(handle.read())
        copies.append(
            _store(
                ApplicantFile,
                content,
                name=upload.original_name,
                content_type=upload.content_type,
                extension=upload.stored_name.rsplit(".", 1)[-1],
            )
        )
    request_fields = {
        name: getattr(original, name)
        for name in ("applicant_category", "description", "purpose", "information_form", "delivery")
    }
    return request_submit(
        agency=agency,
        request_fields=request_fields,
        applicant_fields=applicant_fields,
        files=copies,
        channel=original.channel,
        user=user,
        forwarded_from=original,
    )


@transaction.atomic
def request_merge(
    *, request: DisclosureRequest, user, into: DisclosureRequest, note: str = ""
) -> None:
    """A repeat of an earlier request of the same applicant, handled as that one.

    The merged request is not counted again in the annual report.
    """
    current = _locked(request, "merge")
    if into.pk == current.pk or into.agency_id != current.agency_id:
        raise TransitionRefused(_("只能合并到本机关的另一件申请。"))
    if into.state == State.MERGED:
        raise TransitionRefused(
            _("该申请本身已被合并，请合并到%(ref)s。") % {"ref": into.merged_into}
        )
    current.state = State.MERGED
    current.merged_into = into
    current.closed_on = timezone.localdate()
    _save(current, "merge", user, note, into=into.reference)


@transaction.atomic
def request_withdraw(
    *, request: DisclosureRequest, user, withdrawn_on: datetime.date, note: str = ""
) -> None:
    """The applicant withdrew: counted under 其他处理 · 其他."""
    current = _locked(request, "withdraw")
    _check_day(current, withdrawn_on, _("撤回日期"))
    current.pauses.filter(ended_on__isnull=True).update(ended_on=withdrawn_on)
    _finish(current, AnswerType.OTHER, withdrawn_on, closed=True)
    _save(current, "withdraw", user, note)


@transaction.atomic
def request_close(
    *, request: DisclosureRequest, user, closed_on: datetime.date, note: str = ""
) -> None:
    """The reply was delivered and the file is complete (办结)."""
    current = _locked(request, "close")
    if closed_on < current.answered_on:
        raise TransitionRefused(_("办结日期不能早于答复日期。"))
    _check_day(current, closed_on, _("办结日期"))
    current.state = State.CLOSED
    current.closed_on = closed_on
    _save(current, "close", user, note)


# ---------------------------------------------------------------------------
# Calendar changes
# ---------------------------------------------------------------------------


def requests_recount_deadlines(*, years: set[int]) -> int:
    """Count open requests' deadlines again after the office changed the calendar."""
    changed = 0
    earliest = datetime.date(min(years) - 1, 1, 1)
    for request in DisclosureRequest.objects.filter(
        state__in=OPEN_STATES, received_on__gte=earliest
    ):
        with transaction.atomic():
            current = DisclosureRequest.objects.select_for_update().get(pk=request.pk)
            before = (current.answer_due_on, current.correction_notice_due_on)
            current.correction_notice_due_on = deadlines.correction_notice_due(current.received_on)
            _refresh_deadlines(current)
            if (current.answer_due_on, current.correction_notice_due_on) != before:
                current.save(update_fields=["answer_due_on", "correction_notice_due_on"])
                changed += 1
    return changed
