"""Taking pages through the review workflow in tests, the way the roles do in the admin."""

from django.contrib.auth import get_user_model
from wagtail.models import WorkflowState

from gov_disclosure.pages.models import DisclosureItemPage
from gov_disclosure.review.models import ConfidentialityReviewTask
from gov_disclosure.review.selectors import revision_unresolved_findings
from gov_disclosure.review.services import finding_override, task_state_decide


def superuser(username: str = "workflow-admin"):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    return user or User.objects.create_superuser(username, f"{username}@example.gov.cn", "x")


def submit(page, user=None) -> WorkflowState:
    """Save the page's current state as a revision and submit it for review."""
    user = user or superuser()
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def approve_current_step(page, user=None, comment: str = "") -> None:
    user = user or superuser()
    page = type(page).objects.get(pk=page.pk)
    state = page.current_workflow_task_state
    task = state.task.specific
    if isinstance(task, ConfidentialityReviewTask):
        for finding in revision_unresolved_findings(revision=state.revision):
            finding_override(finding=finding, user=user, reason="测试数据，已人工核对")
    task_state_decide(task_state=state, user=user, decision="approve", comment=comment)


def publish_through_workflow(page, *, submitter=None, approver=None):
    """Submit and approve every step; returns the page reloaded from the database."""
    submit(page, submitter)
    while (state := WorkflowState.objects.active().for_instance(page).first()) is not None:
        assert state.status == WorkflowState.STATUS_IN_PROGRESS, state.status
        approve_current_step(page, approver)
    page.refresh_from_db()
    return page


def publish(page, user=None):
    """Publish ``page`` as the office would: items through the workflow, other pages directly."""
    if isinstance(page, DisclosureItemPage):
        return publish_through_workflow(page, submitter=user, approver=user)
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page
