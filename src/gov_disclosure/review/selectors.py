"""Reads for the review workflow, the accountability log and the timeliness report."""

import datetime
import statistics
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.models import Page, PageLogEntry, Revision, TaskState, Workflow, WorkflowState

from gov_disclosure.pages import roles
from gov_disclosure.pages.models import (
    PUBLICATION_DEADLINE_WORKING_DAYS,
    Department,
    DisclosureIndexPage,
    DisclosureItemPage,
)

from .models import CheckFinding, ConfidentialityReviewTask, RevisionCheck, SensitiveWord

DEFAULT_WORKFLOW_NAME = "信息发布审核"


def default_workflow() -> Workflow | None:
    """The review workflow new agencies get: the one named as the migration created it,
    else the first active workflow that has a 保密审查 step."""
    workflows = Workflow.objects.filter(active=True)
    return (
        workflows.filter(name=DEFAULT_WORKFLOW_NAME).first()
        or workflows.filter(
            workflow_tasks__task__in=ConfidentialityReviewTask.objects.all()
        ).first()
    )


def active_word_rules():
    from .checks import WordRule

    return tuple(
        WordRule(word=word, blocking=level == SensitiveWord.Level.BANNED, variants=variants)
        for word, level, variants in SensitiveWord.objects.filter(active=True)
        .order_by("word")
        .values_list("word", "level", "match_variants")
    )


def is_checked_revision(revision: Revision) -> bool:
    """Items, and page types that declare their text with ``check_texts()``."""
    model = revision.content_type.model_class()
    return model is not None and (
        issubclass(model, DisclosureItemPage) or callable(getattr(model, "check_texts", None))
    )


def revision_check(*, revision: Revision) -> RevisionCheck | None:
    """The stored checks of a revision, running them first if they never ran.

    Other pages (categories, the guide) pass the same workflow but hold no
    government information to check: ``None``.
    """
    if not is_checked_revision(revision):
        return None
    from .services import revision_run_checks  # returns the stored check when there is one

    return revision_run_checks(revision=revision)


def revision_findings(*, revision: Revision) -> QuerySet[CheckFinding]:
    check = revision_check(revision=revision)
    if check is None:
        return CheckFinding.objects.none()
    return check.findings.select_related("overridden_by")


def revision_unresolved_findings(*, revision: Revision) -> list[CheckFinding]:
    """Blocking findings of ``revision`` that nobody has overridden with a reason."""
    return [finding for finding in revision_findings(revision=revision) if not finding.is_resolved]


def confidentiality_task_state(*, task_state_id: int) -> TaskState | None:
    return (
        TaskState.objects.filter(pk=task_state_id, task__in=ConfidentialityReviewTask.objects.all())
        .select_related("revision", "workflow_state")
        .first()
    )


def rejected_items_for_author(*, user, limit: int = 20) -> list[dict]:
    """The author's items sent back for changes, with the reviewer's comment (newest first)."""
    states = (
        TaskState.objects.filter(
            status=TaskState.STATUS_REJECTED,
            workflow_state__requested_by=user,
            workflow_state__status=WorkflowState.STATUS_NEEDS_CHANGES,
        )
        .select_related("task", "finished_by", "workflow_state")
        .order_by("-finished_at")[:limit]
    )
    rows = []
    for state in states:
        page = state.workflow_state.content_object
        rows.append(
            {
                "page": page,
                "task": state.task.name,
                "comment": state.comment,
                "reviewer": state.finished_by,
                "at": state.finished_at,
            }
        )
    return rows


@dataclass
class DepartmentTimeliness:
    department: Department
    working_days: list[int] = field(default_factory=list)
    overdue: list[DisclosureItemPage] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.working_days)

    @property
    def median(self) -> float | None:
        return statistics.median(self.working_days) if self.working_days else None

    @property
    def overdue_count(self) -> int:
        return len(self.overdue)


def timeliness_report(
    *,
    date_from: datetime.date,
    date_to: datetime.date,
    agency=None,
    agencies: roles.AgencyScope = roles.EVERYWHERE,
) -> list[DepartmentTimeliness]:
    """Per department of ``agencies`` (or of ``agency``): items first published in
    [date_from, date_to], median working days from 成文日期 to publication, and the items
    over Art. 26's 20 working days."""
    items = (
        DisclosureItemPage.objects.filter(
            publish_date__gte=date_from,
            publish_date__lte=date_to,
            publication_working_days__isnull=False,
        )
        .select_related("publisher")
        .order_by("publisher__code", "publish_date", "pk")
    )
    departments = agencies.filter(Department.objects.all())
    items = agencies.filter(items, "publisher__agency")
    if agency is not None:
        items = items.descendant_of(agency)
        departments = departments.filter(agency=agency)
    rows = {department.pk: DepartmentTimeliness(department) for department in departments}
    for item in items:
        row = rows.setdefault(item.publisher_id, DepartmentTimeliness(item.publisher))
        row.working_days.append(item.publication_working_days)
        if item.publication_working_days > PUBLICATION_DEADLINE_WORKING_DAYS:
            row.overdue.append(item)
    return [row for row in rows.values() if row.count] + [
        row for row in rows.values() if not row.count
    ]


def _agency_models() -> list:
    """The models whose rows belong to one agency (a foreign key ``agency`` to it)."""
    return [
        model
        for model in apps.get_models()
        if any(
            field.name == "agency"
            and field.many_to_one
            and issubclass(DisclosureIndexPage, field.related_model)
            for field in model._meta.get_fields()
        )
    ]


def log_entries_of_agencies(queryset: QuerySet, scope: roles.AgencyScope) -> QuerySet:
    """The log entries (of one log model) about ``scope``'s agencies: their pages, the
    records that belong to them (requests, letters, departments, …) and their staff.
    Entries about the platform itself (settings, workflows) are the district's."""
    if scope.everywhere:
        return queryset
    paths = list(
        DisclosureIndexPage.objects.filter(pk__in=scope.agency_ids).values_list("path", flat=True)
    )
    User = get_user_model()
    staff = User.objects.filter(groups__disclosure_agency_role__agency_id__in=scope.agency_ids)
    if issubclass(queryset.model, PageLogEntry):
        within = Q(pk__in=[])
        for path in paths:
            within |= Q(path__startswith=path)
        # A deleted page no longer tells its agency: what happened to it is the agency's
        # whose staff did it.
        gone = ~Q(page_id__in=Page.objects.values("pk")) & Q(user_id__in=staff.values("pk"))
        return queryset.filter(Q(page_id__in=Page.objects.filter(within).values("pk")) | gone)
    about = Q(pk__in=[])
    for model in _agency_models():
        ids = model._default_manager.filter(agency__in=scope.agency_ids).values(
            as_object_id=Cast("pk", CharField())
        )
        about |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=ids)
    about |= Q(
        content_type=ContentType.objects.get_for_model(User),
        object_id__in=staff.values(as_object_id=Cast("pk", CharField())),
    )
    return queryset.filter(about)
