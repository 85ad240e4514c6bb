"""What finishing the review workflow does (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Kept free of model imports at module level: Wagtail imports it while its own
models are loading.
"""


def publish_approved_revision(workflow_state, user=None):
    """Approving the last step publishes the revision that every step approved.

    The approval is the authority to publish, so Wagtail's per-user publish
    permission, which nobody holds for items, is not asked again.
    """
    revision = workflow_state.current_task_state.revision
    revision.publish(user=user, skip_permission_checks=True)
