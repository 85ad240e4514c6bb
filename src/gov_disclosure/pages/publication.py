"""The rule that an item goes live only as the revision its review workflow approved.

Every way of publishing in Wagtail ends in ``Page.publish(revision)``: the
editor's button, bulk actions, ``publish_scheduled``, a shell or a management
command. ``ReviewedPublicationMixin.publish`` (items, annual reports) asks
``ensure_publication_allowed`` first, so the rule holds on every path, not only
where a button is hidden.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision, WorkflowState


class PublicationNotApproved(PermissionDenied):
    """Raised when an item revision would go live without a finished review workflow."""


def revision_is_workflow_approved(revision: Revision) -> bool:
    """True when a review workflow finished by approving exactly this revision.

    Wagtail finishes a workflow only when no active task is left unapproved, and
    with ``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT`` an edit made during
    review sends it back to the first step: the revision of the last approval
    is then the one every step approved.
    """
    return WorkflowState.objects.filter(
        base_content_type_id=revision.base_content_type_id,
        object_id=revision.object_id,
        status=WorkflowState.STATUS_APPROVED,
        current_task_state__revision=revision,
    ).exists()


def ensure_publication_allowed(revision: Revision) -> None:
    if not revision_is_workflow_approved(revision):
        raise PublicationNotApproved(
            _("公开信息只能经审核流程（分管领导审签、保密审查、党政办终审）通过后发布。")
        )


class ReviewedPublicationMixin:
    """For page types that go live only through the review workflow.

    The permission tester offers nobody a publish button for them
    (``gov_disclosure.pages.permissions``), and ``publish`` refuses any revision the
    workflow did not approve.
    """

    publish_only_through_workflow = True

    def publish(self, revision, *args, **kwargs):
        ensure_publication_allowed(revision)
        return super().publish(revision, *args, **kwargs)
