"""Writes of the review workflow: checks, overrides, unpublishing, schedules and validity."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Revision, TaskState, WorkflowPage
from wagtail.search import index as search_index

from gov_disclosure.pages import public_changes
from gov_disclosure.pages.models import DisclosureItemPage, Genre, Validity
from gov_disclosure.pages.publication import revision_is_workflow_approved
from gov_disclosure.pages.selectors import agency_for_page

from .checks import run_checks
from .models import CheckFinding, RevisionCheck
from .selectors import active_word_rules, default_workflow, is_checked_revision
from .texts import page_check_texts

logger = logging.getLogger(__name__)

MIN_REASON_LENGTH = 4


def agency_attach_default_workflow(*, agency) -> None:
    """Put the review workflow on an agency's catalogue root, unless it already has one."""
    workflow = default_workflow()
    if workflow is None or WorkflowPage.objects.filter(page=agency).exists():
        return
    WorkflowPage.objects.create(page=agency, workflow=workflow)


def revision_run_checks(*, revision: Revision) -> RevisionCheck:
    """Run the automated checks on a revision and store the findings; once per revision."""
    existing = RevisionCheck.objects.filter(revision=revision).first()
    if existing is not None:
        return existing
    if not is_checked_revision(revision):
        raise ValueError(f"revision {revision.pk} holds no text to check")
    item = revision.as_object()
    pieces, unreadable = page_check_texts(item)
    agency = agency_for_page(page=item)
    # The agency's own published contact address is meant to be public.
    allowed = frozenset(filter(None, [getattr(agency, "email", "").lower()]))
    findings = unreadable + run_checks(
        pieces,
        word_rules=active_word_rules(),
        allowed_emails=allowed,
        emails_expected=getattr(item, "genre", None) == Genre.GUIDE,
    )
    try:
        with transaction.atomic():
            check = RevisionCheck.objects.create(revision=revision)
            CheckFinding.objects.bulk_create(
                CheckFinding(
                    revision_check=check,
                    kind=finding.kind,
                    severity=finding.severity,
                    field=finding.field,
                    source=finding.source[:255],
                    start=finding.start,
                    end=finding.end,
                    excerpt=finding.excerpt[:255],
                    rule=finding.rule[:100],
                )
                for finding in findings
            )
    except IntegrityError:
        # Another worker checked the same revision at the same moment: keep theirs.
        return RevisionCheck.objects.get(revision=revision)
    logger.info("checked revision %s: %s finding(s)", revision.pk, len(findings))
    return check


def _written_reason(reason: str, message: str) -> str:
    """A reason that will stand in the accountability log: not blank, not a token."""
    reason = reason.strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError(message % {"count": MIN_REASON_LENGTH})
    return reason


def finding_override(*, finding: CheckFinding, user, reason: str) -> CheckFinding:
    """Accept a blocking finding with the reviewer's written reason; logged for accountability."""
    reason = _written_reason(reason, _("请写明不予修改的理由（至少 %(count)s 个字）。"))
    with transaction.atomic():
        finding = CheckFinding.objects.select_for_update().get(pk=finding.pk)
        if finding.override_reason:
            raise ValidationError(_("这条检查结果已有说明，无需重复。"))
        finding.override_reason = reason
        finding.overridden_by = user
        finding.overridden_at = timezone.now()
        finding.save(update_fields=["override_reason", "overridden_by", "overridden_at"])
        revision = finding.revision_check.revision
        log(
            instance=revision.content_object.specific,
            action="disclosure.check_override",
            user=user,
            revision=revision,
            data={
                "finding": finding.pk,
                "kind": finding.kind,
                "kind_label": str(finding.get_kind_display()),
                "excerpt": finding.excerpt,
                "reason": reason,
            },
        )
    return finding


def item_unpublish(*, item: DisclosureItemPage, user, reason: str) -> None:
    """Take an item off the public catalogue, logging who did it and why."""
    reason = _written_reason(reason, _("请写明撤下的原因（至少 %(count)s 个字）。"))
    with transaction.atomic():
        UnpublishPageAction(item, user=user, log_action=False).execute(skip_permission_checks=True)
        log(
            instance=item,
            action="disclosure.unpublish",
            user=user,
            revision=item.live_revision,
            content_changed=True,
            data={"reason": reason},
        )


def schedules_refuse_unapproved(*, now=None) -> int:
    """Cancel due 定时发布 of item revisions that no review workflow approved.

    Wagtail's ``publish_scheduled`` would try them; the item's publish guard would
    refuse and stop the whole run. Refusing them first, with a log entry, lets
    the approved ones go live on time.
    """
    now = now or timezone.now()
    due = Revision.objects.filter(
        approved_go_live_at__lte=now,
        content_type__app_label="disclosure_pages",
        content_type__model="disclosureitempage",
    )
    refused = 0
    for revision in due:
        if revision_is_workflow_approved(revision):
            continue
        Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
        log(
            instance=revision.content_object.specific,
            action="disclosure.schedule_refused",
            revision=revision,
            data={"go_live_at": revision.approved_go_live_at.isoformat()},
        )
        refused += 1
    return refused


def items_mark_lapsed(*, today=None) -> int:
    """有效性 of live items turns to 已失效 on their 失效日期; one log entry per item."""
    today = today or timezone.localdate()
    lapsed = DisclosureItemPage.objects.live().filter(
        validity__in=[Validity.VALID, Validity.AMENDED], expiry_date__lte=today
    )
    count = 0
    for item in lapsed:
        previous = item.validity
        with transaction.atomic():
            updated = DisclosureItemPage.objects.filter(
                pk=item.pk, validity__in=[Validity.VALID, Validity.AMENDED]
            ).update(validity=Validity.EXPIRED)
            if not updated:
                continue
            item.validity = Validity.EXPIRED
            # The row changed behind Wagtail's back: keep the admin search, and what
            # follows public changes (public search, feed, page cache), in step.
            search_index.insert_or_update_object(item)
            public_changes.announce([item.pk])
            log(
                instance=item,
                action="disclosure.validity_lapsed",
                revision=item.live_revision,
                content_changed=True,
                data={"expiry_date": item.expiry_date.isoformat(), "previous": previous},
            )
        count += 1
    return count


def user_log_role_change(*, member, action: str, group_names: list[str], by=None) -> None:
    """Record that ``member`` gained or lost roles (groups); ``by`` defaults to the request user."""
    log(
        instance=member,
        action="disclosure.roles_changed",
        user=by,
        data={"change": action, "roles": sorted(group_names), "member": member.get_username()},
    )


def department_log_membership_change(*, department, action: str, usernames: list[str]) -> None:
    log(
        instance=department,
        action="disclosure.department_members_changed",
        data={"change": action, "members": sorted(usernames), "department": department.name},
    )


def task_state_decide(*, task_state: TaskState, user, decision: str, comment: str = "") -> None:
    """Approve (``"approve"``) or send back (``"reject"``) a step as ``user``.

    Refuses what the admin would not offer the user: a step of another group, or
    approving 保密审查 while blocking findings are unresolved.
    """
    task = task_state.task.specific
    page = task_state.workflow_state.content_object.specific
    if decision not in {name for name, _label, _modal in task.get_actions(page, user)}:
        raise PermissionDenied(_("您不能对这一步执行此操作。"))
    if decision == "reject" and not comment.strip():
        raise ValidationError(_("退回修改时请写明意见。"))
    task.on_action(task_state, user, decision, comment=comment.strip())
