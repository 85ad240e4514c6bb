"""Reads of requests: who sees which, what is due, the timeline, the status lookup."""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import ModelLogEntry

from gov_disclosure.conf import disclosure_settings
from gov_disclosure.core.tracking_codes import tracking_lookup
from gov_disclosure.pages.roles import agencies_where, users_with_permission
from gov_disclosure.workcalendar.workdays import add_working_days, working_days_between

from . import deadlines
from .models import (
    OPEN_STATES,
    RUNNING_STATES,
    DisclosureRequest,
    ExtensionApplication,
    ExtensionDecision,
    State,
)
from .transitions import ACTIONS, log_action_name

MANAGE = "disclosure_requests.manage_requests"
HANDLE = "disclosure_requests.handle_requests"


def user_manages_requests(user, *, agency_id: int | None = None) -> bool:
    """党政办 of the agency: sees its requests and the applicants' data, assigns,
    exports; without an agency: 党政办 of some agency."""
    scope = agencies_where(user, MANAGE)
    return agency_id in scope if agency_id is not None else bool(scope)


def user_handles_requests(user) -> bool:
    """Whoever may be assigned requests (信息员, and 党政办 itself)."""
    return user_manages_requests(user) or (user.is_active and user.has_perm(HANDLE))


def requests_managed_by(*, user) -> QuerySet[DisclosureRequest]:
    """The requests of the agencies where ``user`` is 党政办."""
    requests = DisclosureRequest.objects.select_related("agency", "handler")
    return agencies_where(user, MANAGE).filter(requests) if user.is_active else requests.none()


def requests_visible_to(*, user) -> QuerySet[DisclosureRequest]:
    """Those of the agencies ``user`` manages requests for, those assigned to them, and
    those waiting for them to decide an extension."""
    scope = agencies_where(user, MANAGE)
    requests = DisclosureRequest.objects.select_related("agency", "handler")
    if scope.everywhere:
        return requests
    visible = Q(agency__in=scope.agency_ids)
    if user_handles_requests(user):
        visible |= Q(handler=user)
    if user.is_active:
        visible |= Q(pk__in=extensions_to_decide(user=user).values("request_id"))
    return requests.filter(visible)


def pending_extension(*, request: DisclosureRequest) -> ExtensionApplication | None:
    return (
        request.extension_applications.filter(decision=ExtensionDecision.PENDING)
        .select_related("requested_by", "approver")
        .first()
    )


def due_if_extended(*, request: DisclosureRequest, days: int) -> datetime.date | None:
    """The deadline the request would have with ``days`` more working days."""
    return deadlines.answer_due(
        started_on=request.clock_started_on,
        extension_days=days,
        pauses=request_pauses(request=request),
    )


def extensions_to_decide(*, user) -> QuerySet[ExtensionApplication]:
    """Extension applications waiting for ``user``'s decision, on requests still open."""
    return (
        ExtensionApplication.objects.filter(
            approver=user, decision=ExtensionDecision.PENDING, request__state__in=OPEN_STATES
        )
        .select_related("request__agency", "requested_by")
        .order_by("request__answer_due_on", "pk")
    )


def user_may_handle(*, user, request: DisclosureRequest) -> bool:
    return user_manages_requests(user, agency_id=request.agency_id) or (
        request.handler_id == user.pk and user_handles_requests(user)
    )


def users_with_request_permission(
    *codenames: str, agency_id: int | None = None, include_superusers: bool = True
):
    """Active users holding any of these permissions of this app in that agency (any,
    without one), by group or directly."""
    return users_with_permission(
        "disclosure_requests",
        *codenames,
        agency_id=agency_id,
        include_superusers=include_superusers,
    )


def due_soon_until(today: datetime.date) -> datetime.date:
    return add_working_days(today, disclosure_settings.REQUEST_DUE_SOON_WORKING_DAYS)


def requests_due_soon(
    requests: QuerySet[DisclosureRequest], *, today: datetime.date
) -> QuerySet[DisclosureRequest]:
    return requests.filter(
        state__in=RUNNING_STATES,
        answer_due_on__gte=today,
        answer_due_on__lte=due_soon_until(today),
    )


def requests_overdue(
    requests: QuerySet[DisclosureRequest], *, today: datetime.date
) -> QuerySet[DisclosureRequest]:
    return requests.filter(state__in=OPEN_STATES, answer_due_on__lt=today)


def request_pauses(*, request: DisclosureRequest) -> list[deadlines.Pause]:
    """The pauses of the running answer period (those before a correction no longer count)."""
    if not request.pk:
        return []
    return [
        deadlines.Pause(started_on=pause.started_on, ended_on=pause.ended_on)
        for pause in request.pauses.filter(started_on__gte=request.clock_started_on)
    ]


@dataclass(frozen=True)
class Clock:
    """Where a request stands against its deadlines, as shown to staff and applicant."""

    answer_due_on: datetime.date | None
    working_days_used: int | None
    working_days_left: int | None
    paused: bool
    overdue: bool
    answered_late: bool


def request_clock(*, request: DisclosureRequest, today: datetime.date | None = None) -> Clock:
    today = today or timezone.localdate()
    paused = request.state in (State.CONSULTING, State.AWAITING_FEE)
    if request.state not in OPEN_STATES or request.state == State.CORRECTION:
        late = bool(
            request.answered_on
            and request.answer_due_on
            and request.answered_on > request.answer_due_on
        )
        return Clock(request.answer_due_on, None, None, False, False, late)
    pauses = request_pauses(request=request)
    used = deadlines.working_days_used(
        started_on=request.clock_started_on, today=today, pauses=pauses
    )
    allowed = deadlines.ANSWER_WORKING_DAYS + request.extension_days
    due = request.answer_due_on
    # Counted from the clock's start when it starts later (a request received on a
    # holiday starts on the next working day, which the period does not count).
    counted_from = max(today, request.clock_started_on) if request.clock_started_on else today
    left = (
        working_days_between(counted_from, due) if due and due >= today else max(allowed - used, 0)
    )
    return Clock(due, used, left, paused, bool(due and today > due), False)


def request_status_lookup(*, code: str, phone_last4: str) -> DisclosureRequest | None:
    """The request an applicant may see with the code and the phone's last four digits."""
    return tracking_lookup(
        DisclosureRequest.objects.select_related("agency"), code=code, phone_last4=phone_last4
    )


def request_timeline(*, request: DisclosureRequest) -> QuerySet[ModelLogEntry]:
    return (
        ModelLogEntry.objects.for_instance(request)
        .select_related("user")
        .order_by("timestamp", "pk")
    )


@dataclass(frozen=True)
class PublicEvent:
    date: datetime.date
    label: str


def request_public_timeline(*, request: DisclosureRequest) -> list[PublicEvent]:
    """What happened and when, without notes, names or anything else staff wrote."""
    public = {log_action_name(name): action for name, action in ACTIONS.items() if action.public}
    received = {log_action_name("submit"), log_action_name("forwarded")}
    return [
        PublicEvent(
            # A request entered from paper is logged when entered, but was received earlier.
            request.received_on
            if entry.action in received
            else timezone.localdate(entry.timestamp),
            str(public[entry.action].label),
        )
        for entry in request_timeline(request=request)
        if entry.action in public
    ]


@dataclass(frozen=True)
class Counts:
    open: int
    due_soon: int
    overdue: int


def request_counts(*, user, today: datetime.date | None = None) -> Counts:
    today = today or timezone.localdate()
    visible = requests_visible_to(user=user)
    return Counts(
        open=visible.filter(state__in=OPEN_STATES).count(),
        due_soon=requests_due_soon(visible, today=today).count(),
        overdue=requests_overdue(visible, today=today).count(),
    )
