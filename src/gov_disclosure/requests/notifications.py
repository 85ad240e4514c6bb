"""E-mails about requests: to the applicant (their own request only) and to staff.

Sent after the commit, by id; a failure to send is logged, never an error for the
person who acted.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from gov_disclosure.core.mail import mail_send, site_url
from gov_disclosure.core.people import person_name

from .models import RUNNING_STATES, DisclosureRequest, ExtensionApplication


def _send(subject: str, template: str, context: dict, recipients: list[str]) -> None:
    mail_send(subject=subject, template=template, context=context, recipients=recipients)


def _applicant_mail(request_id: int, subject: str, extra: dict) -> None:
    request = (
        DisclosureRequest.objects.select_related("agency", "applicant")
        .filter(pk=request_id)
        .first()
    )
    if request is None or not hasattr(request, "applicant") or not request.applicant.email:
        return
    context = {
        "request": request,
        "status_url": site_url(request.agency, reverse("disclosure_requests:status")),
        # While the request runs its deadline is told each time (an extension moves it).
        "due_on": request.answer_due_on if request.state in RUNNING_STATES else None,
        **extra,
    }
    _send(subject, "disclosure_requests/mail/applicant.txt", context, [request.applicant.email])


def applicant_receipt(*, request_id: int) -> None:
    _applicant_mail(request_id, "政府信息公开申请回执", {"receipt": True})


def applicant_state_changed(*, request_id: int, action: str) -> None:
    from .transitions import ACTIONS

    _applicant_mail(request_id, "政府信息公开申请办理进度", {"action_label": ACTIONS[action].label})


def handler_assigned(*, request_id: int, handler_id: int) -> None:
    request = DisclosureRequest.objects.select_related("agency").filter(pk=request_id).first()
    handler = get_user_model().objects.filter(pk=handler_id).first()
    if request is None or handler is None or not handler.email:
        return
    context = {"request": request, "admin_url": admin_url(request)}
    _send(
        f"依申请公开：{request.reference} 已分派给您",
        "disclosure_requests/mail/assigned.txt",
        context,
        [handler.email],
    )


def admin_url(request: DisclosureRequest) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "disclosure_requests_admin:inspect", args=[request.pk]
    )


def staff_reminder(*, recipient_email: str, due_soon: list, overdue: list) -> None:
    context = {
        "due_soon": [(request, admin_url(request)) for request in due_soon],
        "overdue": [(request, admin_url(request)) for request in overdue],
    }
    subject = f"依申请公开期限提醒：{len(overdue)} 件已超期，{len(due_soon)} 件即将到期"
    _send(subject, "disclosure_requests/mail/reminder.txt", context, [recipient_email])


def _extension(application_id: int) -> ExtensionApplication | None:
    return (
        ExtensionApplication.objects.select_related("request__agency", "requested_by", "approver")
        .filter(pk=application_id)
        .first()
    )


def _extension_mail(application_id: int, *, to_approver: bool) -> None:
    application = _extension(application_id)
    if application is None:
        return
    recipient = application.approver if to_approver else application.requested_by
    if not recipient.email:
        return
    reference = application.request.reference
    if to_approver:
        subject = f"依申请公开：{reference} 申请延长答复期限，请审批"
        template = "disclosure_requests/mail/extension_to_decide.txt"
    else:
        subject = f"依申请公开：{reference} 延期申请{application.get_decision_display()}"
        template = "disclosure_requests/mail/extension_decided.txt"
    context = {
        "application": application,
        "requested_by": person_name(application.requested_by),
        "approver": person_name(application.approver),
        "admin_url": admin_url(application.request),
    }
    _send(subject, template, context, [recipient.email])


def extension_to_decide(*, application_id: int) -> None:
    """To the approver named: a request waits for their consent to extend its deadline."""
    _extension_mail(application_id, to_approver=True)


def extension_decided(*, application_id: int) -> None:
    """To the handler who asked: the approver's decision, and the reason of a refusal."""
    _extension_mail(application_id, to_approver=False)
