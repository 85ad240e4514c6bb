"""What finishing a workflow does (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Kept free of model imports at module level: Wagtail imports it while its own
models are loading.
"""

from wagtail.workflows import publish_workflow_state


def publish_approved_revision(workflow_state, user=None):
    """Approving the last step of an item's review publishes the revision every step approved.

    The approval is the authority to publish, so Wagtail's per-user publish
    permission, which nobody holds for items, is not asked again. Other pages of the
    site (a host's own) finish as Wagtail's default action finishes them.
    """
    revision = workflow_state.current_task_state.revision
    if not getattr(revision.content_object, "publish_only_through_workflow", False):
        return publish_workflow_state(workflow_state, user=user)
    revision.publish(user=user, skip_permission_checks=True)
