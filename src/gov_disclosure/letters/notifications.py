"""E-mails about letters: to the writer (their own letter only) and to staff.

Staff mails name the letter by its number and link to the admin: the writer's data
and the letter's text stay in the admin.
"""

from django.conf import settings
from django.urls import reverse

from gov_disclosure.core.mail import mail_send, site_url

from .models import Letter
from .selectors import letter_approvers, letter_managers
from .transitions import ACTIONS


def _letter(letter_id: int) -> Letter | None:
    return (
        Letter.objects.select_related("agency", "department", "writer", "drafted_by")
        .filter(pk=letter_id)
        .first()
    )


def admin_url(letter: Letter) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "disclosure_letters_admin:inspect", args=[letter.pk]
    )


def _writer_mail(letter: Letter | None, subject: str, **extra) -> None:
    writer = getattr(letter, "writer", None) if letter else None
    if writer is None or not writer.email:
        return
    context = {
        "letter": letter,
        "status_url": site_url(letter.agency, reverse("disclosure_letters:status")),
        "public_url": (
            site_url(
                letter.agency,
                reverse("disclosure_letters:answer", args=[letter.agency_id, letter.pk]),
            )
            if letter.is_published
            else ""
        ),
        **extra,
    }
    mail_send(
        subject=subject,
        template="disclosure_letters/mail/writer.txt",
        context=context,
        recipients=[writer.email],
    )


def writer_receipt(*, letter_id: int) -> None:
    _writer_mail(_letter(letter_id), "来信已收到", receipt=True)


def writer_progress(*, letter_id: int, action: str) -> None:
    _writer_mail(_letter(letter_id), "来信办理结果", action_label=ACTIONS[action].public_label)


def _staff_mail(letter: Letter | None, subject: str, users, what: str) -> None:
    if letter is None:
        return
    mail_send(
        subject=subject.format(number=letter.number),
        template="disclosure_letters/mail/staff.txt",
        context={"letter": letter, "what": what, "admin_url": admin_url(letter)},
        recipients=sorted({user.email for user in users if user.email}),
    )


def managers_new_letter(*, letter_id: int) -> None:
    letter = _letter(letter_id)
    if letter is None:
        return
    managers = letter_managers(agency_id=letter.agency_id)
    _staff_mail(letter, "网民信件：收到来信 {number}，请分办", managers, "new")


def department_assigned(*, letter_id: int) -> None:
    letter = _letter(letter_id)
    if letter is None or letter.department is None:
        return
    members = letter.department.members.filter(is_active=True)
    _staff_mail(letter, "网民信件：{number} 已分办给本部门", members, "assigned")


def approvers_reply_submitted(*, letter_id: int) -> None:
    letter = _letter(letter_id)
    if letter is None:
        return
    approvers = letter_approvers(agency_id=letter.agency_id)
    _staff_mail(letter, "网民信件：{number} 的答复待您审签", approvers, "submitted")


def drafter_returned(*, letter_id: int) -> None:
    letter = _letter(letter_id)
    drafter = [letter.drafted_by] if letter and letter.drafted_by else []
    _staff_mail(letter, "网民信件：{number} 的答复被退回修改", drafter, "returned")
