"""Writes to letters: receipt, assignment, the reply and its approval, publication.

Each action locks the letter row, checks the state machine (``transitions``) and who
may act (``selectors.user_may_act``), applies the change and logs it in Wagtail's audit
log (the letter's history, and part of the 责任追究日志; never the writer's data).
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from gov_disclosure.conf import disclosure_settings
from gov_disclosure.core.task_queue import queue_after_commit
from gov_disclosure.core.tracking_codes import digits, tracking_code_unused
from gov_disclosure.page_cache.store import page_cache_clear
from gov_disclosure.pages.models import Department, DisclosureIndexPage, sequence_next
from gov_disclosure.workcalendar.workdays import add_working_days

from .models import (
    SUBSTANTIATED_FINDINGS,
    Letter,
    LetterKind,
    LetterSequence,
    LetterState,
    LetterWriter,
)
from .redaction import letter_redact, public_text_problems
from .selectors import user_may_act
from .transitions import ACTIONS, log_action_name


class LetterActionRefused(Exception):
    """An action the letter's state, the user's role or the rules do not allow."""


def letter_submit(
    *,
    agency: DisclosureIndexPage,
    letter_fields: dict,
    writer_fields: dict,
    received_at: datetime.datetime | None = None,
) -> Letter:
    """Register a letter written on the public form; its reply is due in
    ``LETTER_REPLY_WORKING_DAYS`` working days (the day of receipt not counted)."""
    received_at = received_at or timezone.now()
    received_on = timezone.localdate(received_at)
    with transaction.atomic():
        serial = sequence_next(LetterSequence, agency_id=agency.pk, year=received_on.year)
        letter = Letter.objects.create(
            agency=agency,
            number=f"{received_on.year}-{serial:04d}",
            tracking_code=tracking_code_unused(Letter),
            received_at=received_at,
            received_on=received_on,
            reply_due_on=add_working_days(
                received_on, disclosure_settings.LETTER_REPLY_WORKING_DAYS
            ),
            phone_last4=digits(writer_fields.get("phone", ""))[-4:],
            **letter_fields,
        )
        LetterWriter.objects.create(letter=letter, **writer_fields)
        log_letter_action(letter, "submit", None)
    _mail_after_commit("mail_writer_receipt", letter_id=letter.pk)
    _mail_after_commit("mail_managers_new_letter", letter_id=letter.pk)
    return letter


def _mail_after_commit(task_name: str, **kwargs) -> None:
    """Queue a mail once the change is committed: nobody waits for the mail server."""
    from . import tasks

    queue_after_commit(getattr(tasks, task_name), **kwargs)


def log_letter_action(letter: Letter, action: str, user, note: str = "", **data) -> None:
    """An entry of the letter's history in Wagtail's audit log (never the writer's data)."""
    payload = {"state": letter.state, **data}
    if note:
        payload["comment"] = note
    log(instance=letter, action=log_action_name(action), user=user, data=payload)


def _locked(letter: Letter, action: str, user) -> Letter:
    current = Letter.objects.select_for_update().get(pk=letter.pk)
    label = ACTIONS[action].label
    if current.state not in ACTIONS[action].from_states:
        raise LetterActionRefused(
            _("信件当前状态为“%(state)s”，不能“%(action)s”。")
            % {"state": current.get_state_display(), "action": label}
        )
    if not user_may_act(user=user, letter=current, action_name=action):
        raise LetterActionRefused(_("您无权对此信件“%(action)s”。") % {"action": label})
    return current


def _required(text: str, message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise LetterActionRefused(message)
    return text


@transaction.atomic
def letter_assign(*, letter: Letter, department: Department, user, note: str = "") -> None:
    """分办 (or 转办 to another department while it is still being handled)."""
    current = _locked(letter, "assign", user)
    if department.agency_id != current.agency_id:
        raise LetterActionRefused(_("只能分办给本机关的部门。"))
    if department.pk == current.department_id:
        raise LetterActionRefused(_("信件已由该部门承办。"))
    current.department = department
    current.state = LetterState.ASSIGNED
    current.save(update_fields=["department", "state"])
    log_letter_action(current, "assign", user, note, department=department.name)
    page_cache_clear()  # the public statistics count letters by department
    _mail_after_commit("mail_department_assigned", letter_id=current.pk)


@transaction.atomic
def letter_reply_save(
    *,
    letter: Letter,
    user,
    reply: str,
    public_subject: str = "",
    public_content: str = "",
    publish_requested: bool = False,
    submit: bool = False,
    note: str = "",
    complaint_finding: str = "",
    rectification: str = "",
) -> None:
    """Save the department's reply and the letter's public form; ``submit`` sends it to
    the leader, which needs a reply, for a complaint what checking it found (and, if it
    held, whether it was put right), and, for a letter to be published, public texts
    free of personal data."""
    current = _locked(letter, "submit_reply" if submit else "draft", user)
    if publish_requested and not current.allow_public:
        raise LetterActionRefused(_("写信人不同意公开，此信件不能公开。"))
    current.reply = reply.strip()
    current.public_subject = public_subject.strip()
    current.public_content = public_content.strip()
    current.publish_requested = publish_requested
    current.drafted_by = user
    is_complaint = current.kind == LetterKind.COMPLAINT
    current.complaint_finding = complaint_finding if is_complaint else ""
    substantiated = current.complaint_finding in SUBSTANTIATED_FINDINGS
    current.rectification = rectification if substantiated else ""
    if submit:
        _required(current.reply, _("请填写答复内容。"))
        if is_complaint:
            _required(current.complaint_finding, _("投诉信件请填写核查结论。"))
            if substantiated:
                _required(current.rectification, _("投诉属实或部分属实的，请填写整改情况。"))
        if publish_requested:
            _required(current.public_subject, _("公开的信件需要公开标题。"))
            _required(current.public_content, _("公开的信件需要公开的来信内容。"))
            problems = public_text_problems(letter=current)
            if problems:
                raise LetterActionRefused(
                    _("公开的内容含有个人信息，请隐去后再提交：%(problems)s")
                    % {"problems": "；".join(problems)}
                )
        current.state = LetterState.AWAITING_APPROVAL
    current.save()
    log_letter_action(current, "submit_reply" if submit else "draft", user, note)
    if submit:
        _mail_after_commit("mail_approvers_reply_submitted", letter_id=current.pk)


def letter_public_draft(*, letter: Letter) -> dict:
    """The public form's first draft: the writer's subject and text with personal data masked."""
    return {
        "public_subject": letter.public_subject or letter_redact(letter.subject, letter=letter),
        "public_content": letter.public_content or letter_redact(letter.content, letter=letter),
    }


@transaction.atomic
def letter_approve(*, letter: Letter, user, note: str = "") -> None:
    """审签: the reply goes to the writer, and the letter is published if so decided."""
    current = _locked(letter, "approve", user)
    if current.drafted_by_id == user.pk:
        raise LetterActionRefused(_("拟稿人不能审签自己起草的答复，请由其他领导审签。"))
    publish = current.publish_requested and current.allow_public
    if publish and (problems := public_text_problems(letter=current)):
        raise LetterActionRefused(
            _("公开的内容含有个人信息，请退回修改：%(problems)s")
            % {"problems": "；".join(problems)}
        )
    now = timezone.now()
    current.state = LetterState.REPLIED
    current.approved_by = user
    current.replied_at = now
    current.replied_on = timezone.localdate(now)
    if publish:
        current.published_at = now
    current.save()
    page_cache_clear()
    log_letter_action(current, "approve", user, note, published=publish)
    _mail_after_commit("mail_writer_progress", letter_id=current.pk, action="approve")


@transaction.atomic
def letter_return(*, letter: Letter, user, note: str) -> None:
    """退回修改: back to the department, with the leader's reasons."""
    current = _locked(letter, "return_reply", user)
    note = _required(note, _("请写明退回修改的意见。"))
    current.state = LetterState.ASSIGNED
    current.save(update_fields=["state"])
    log_letter_action(current, "return_reply", user, note)
    _mail_after_commit("mail_drafter_returned", letter_id=current.pk)


@transaction.atomic
def letter_close(*, letter: Letter, user, reason: str) -> None:
    """不予处理 (e.g. no content, abuse, a matter for another body), with the reason."""
    current = _locked(letter, "close", user)
    current.closed_reason = _required(reason, _("请写明不予处理的理由。"))
    current.state = LetterState.CLOSED
    current.closed_on = timezone.localdate()
    current.save(update_fields=["state", "closed_reason", "closed_on"])
    log_letter_action(current, "close", user, current.closed_reason)
    page_cache_clear()
    _mail_after_commit("mail_writer_progress", letter_id=current.pk, action="close")


@transaction.atomic
def letter_unpublish(*, letter: Letter, user, reason: str) -> None:
    """撤回公开: the question and answer leave the public site at once."""
    current = _locked(letter, "unpublish", user)
    if not current.is_published:
        raise LetterActionRefused(_("此信件没有公开。"))
    reason = _required(reason, _("请写明撤回公开的理由。"))
    current.published_at = None
    current.save(update_fields=["published_at"])
    page_cache_clear()
    log_letter_action(current, "unpublish", user, reason)
