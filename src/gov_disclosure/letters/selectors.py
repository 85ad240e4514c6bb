"""Reads of letters: who sees which, the writer's lookup, the public answers, statistics."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from gov_disclosure.core.people import person_name
from gov_disclosure.core.tracking_codes import tracking_lookup
from gov_disclosure.pages.roles import (
    AgencyScope,
    agencies_where,
    user_department_ids,
    users_with_permission,
)
from gov_disclosure.workcalendar.workdays import working_days_between

from .models import (
    OPEN_STATES,
    SUBSTANTIATED_FINDINGS,
    Letter,
    LetterKind,
    LetterState,
    Rectification,
)
from .transitions import ACTIONS, APPROVE, MANAGE, REPLY, log_action_name

_PERMISSIONS = {
    MANAGE: "disclosure_letters.manage_letters",
    REPLY: "disclosure_letters.reply_letters",
    APPROVE: "disclosure_letters.approve_letter_replies",
}


def letter_role_agencies(user, role: str) -> AgencyScope:
    """Where ``user`` holds the letter role: 党政办 manages, 信息员 reply, 分管领导 approve."""
    return agencies_where(user, _PERMISSIONS[role])


def user_has_letter_role(user, role: str, *, agency_id: int | None = None) -> bool:
    scope = letter_role_agencies(user, role)
    return agency_id in scope if agency_id is not None else bool(scope)


def user_works_on_letters(user) -> bool:
    return any(user_has_letter_role(user, role) for role in _PERMISSIONS)


def letters_visible_to(*, user) -> QuerySet[Letter]:
    """党政办 and leaders see their agency's letters; a department's 信息员 those assigned
    to it."""
    letters = Letter.objects.select_related("agency", "department")
    whole = letter_role_agencies(user, MANAGE) | letter_role_agencies(user, APPROVE)
    if whole.everywhere:
        return letters
    visible = Q(agency__in=whole.agency_ids)
    if user_has_letter_role(user, REPLY):
        visible |= Q(department__in=user_department_ids(user))
    return letters.filter(visible)


def user_may_act(*, user, letter: Letter, action_name: str) -> bool:
    """The action's role in the letter's agency, and for replies: the letter's department
    is the user's."""
    action = ACTIONS[action_name]
    if not user_has_letter_role(user, action.role, agency_id=letter.agency_id):
        return False
    if action.role == REPLY:
        return letter.department_id in user_department_ids(user)
    return True


def letter_actions_for(*, user, letter: Letter) -> list:
    """The actions the letter's state allows and the user may take (for the admin)."""
    return [
        action
        for action in ACTIONS.values()
        if letter.state in action.from_states
        and user_may_act(user=user, letter=letter, action_name=action.name)
        and (action.name != "unpublish" or letter.is_published)
    ]


def letter_statistics_agencies(user) -> AgencyScope:
    """Whose letter statistics ``user`` reads: where they work on letters or read them
    (监督; the district everywhere)."""
    scope = agencies_where(user, "disclosure_letters.view_letter_statistics")
    for role in _PERMISSIONS:
        scope = scope | letter_role_agencies(user, role)
    return scope


def letter_approvers(*, agency_id: int):
    return users_with_permission(
        "disclosure_letters",
        "approve_letter_replies",
        agency_id=agency_id,
        include_superusers=False,
    )


def letter_managers(*, agency_id: int):
    return users_with_permission(
        "disclosure_letters", "manage_letters", agency_id=agency_id, include_superusers=False
    )


def letter_status_lookup(*, code: str, phone_last4: str) -> Letter | None:
    """The writer's own letter, by tracking code and the last four digits of the phone."""
    return tracking_lookup(
        Letter.objects.select_related("agency", "department"), code=code, phone_last4=phone_last4
    )


@dataclass(frozen=True)
class TimelineEvent:
    date: datetime.date
    label: str
    user: str = ""
    note: str = ""


def letter_timeline(*, letter: Letter, public: bool = False) -> list[TimelineEvent]:
    """The letter's history from the audit log; ``public``: only the writer's steps, no notes."""
    events = []
    names = {log_action_name(name): action for name, action in ACTIONS.items()}
    entries = ModelLogEntry.objects.for_instance(letter).select_related("user").order_by("pk")
    for entry in entries:
        action = names.get(entry.action)
        if action is None:
            continue
        day = timezone.localdate(entry.timestamp)
        if public:
            if action.public_label:
                events.append(TimelineEvent(day, str(action.public_label)))
            continue
        events.append(
            TimelineEvent(
                day,
                str(action.label),
                user=person_name(entry.user),
                note=entry.data.get("comment", ""),
            )
        )
    return events


def letters_published(*, agency) -> QuerySet[Letter]:
    """The agency's public questions and answers, newest answer first."""
    return (
        Letter.objects.filter(agency=agency, published_at__isnull=False)
        .select_related("department")
        .order_by("-replied_at")
    )


def letter_working_days_taken(letter: Letter) -> int | None:
    if letter.replied_on is None:
        return None
    return working_days_between(letter.received_on, letter.replied_on)


@dataclass
class DepartmentFigures:
    """Letters one department was given in a period, and how fast it answered them."""

    name: str
    received: int = 0
    replied: int = 0
    replied_on_time: int = 0
    open: int = 0
    overdue: int = 0
    closed: int = 0
    days_taken: list[int] = field(default_factory=list)

    @property
    def average_days(self) -> float | None:
        return round(sum(self.days_taken) / len(self.days_taken), 1) if self.days_taken else None

    @property
    def on_time_rate(self) -> int | None:
        return round(100 * self.replied_on_time / self.replied) if self.replied else None


def letter_statistics(
    *, letters: QuerySet[Letter], today: datetime.date | None = None
) -> list[DepartmentFigures]:
    """Per department (unassigned letters in a row of their own), largest first."""
    today = today or timezone.localdate()
    rows: dict[str, DepartmentFigures] = {}
    for letter in letters.select_related("department"):
        name = letter.department.name if letter.department else _("（未分办）")
        row = rows.setdefault(name, DepartmentFigures(name))
        row.received += 1
        if letter.state == LetterState.REPLIED:
            row.replied += 1
            row.days_taken.append(letter_working_days_taken(letter))
            row.replied_on_time += letter.replied_on <= letter.reply_due_on
        elif letter.state == LetterState.CLOSED:
            row.closed += 1
        elif letter.state in OPEN_STATES:
            row.open += 1
            row.overdue += letter.reply_due_on < today
    return sorted(rows.values(), key=lambda row: (-row.received, row.name))


@dataclass(frozen=True)
class ComplaintFigures:
    """行政效能投诉 as the district counts them: received, fed back (answered), answered on
    time, found to hold (属实 or 部分属实), put right, closed without handling, open."""

    received: int
    fed_back: int
    fed_back_on_time: int
    substantiated: int
    rectified: int
    closed: int
    open: int


def complaint_figures(*, letters: QuerySet[Letter]) -> ComplaintFigures:
    complaints = letters.filter(kind=LetterKind.COMPLAINT)
    replied = Q(state=LetterState.REPLIED)
    return ComplaintFigures(
        **complaints.aggregate(
            received=Count("pk"),
            fed_back=Count("pk", filter=replied),
            fed_back_on_time=Count("pk", filter=replied & Q(replied_on__lte=F("reply_due_on"))),
            substantiated=Count(
                "pk", filter=replied & Q(complaint_finding__in=SUBSTANTIATED_FINDINGS)
            ),
            rectified=Count("pk", filter=replied & Q(rectification=Rectification.DONE)),
            closed=Count("pk", filter=Q(state=LetterState.CLOSED)),
            open=Count("pk", filter=Q(state__in=OPEN_STATES)),
        )
    )
