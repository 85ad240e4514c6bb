"""Who is mailed when an item reaches a review step: the reviewers of its agency."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier

from .models import SignOffTask


class AgencyTaskSubmissionNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    """Wagtail mails every member of the step's groups; a review step mails the members
    of the item's agency's group for the step's role (``SignOffTask.reviewers_for``)."""

    def get_recipient_users(self, task_state, **kwargs):
        task = task_state.task.specific
        if not isinstance(task, SignOffTask):
            return super().get_recipient_users(task_state, **kwargs)
        reviewers = task.reviewers_for(task_state.workflow_state.content_object)
        wanted = Q(pk__in=reviewers.values("pk"))
        if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
            wanted |= Q(is_superuser=True)
        recipients = get_user_model().objects.filter(wanted)
        triggering_user = kwargs.get("user")
        if triggering_user is not None:
            recipients = recipients.exclude(pk=triggering_user.pk)
        return recipients
