"""Signal receivers: thin, each hands over to a service or a task."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_save
from wagtail.models import TaskState
from wagtail.signals import task_submitted

from gov_disclosure.core.task_queue import queue_after_commit
from gov_disclosure.pages.models import Department, DisclosureIndexPage

from . import services, tasks
from .notifications import AgencyTaskSubmissionNotifier
from .selectors import is_checked_revision

_M2M_CHANGES = {"post_add": "added", "post_remove": "removed"}


def check_submitted_revision(sender, instance, **kwargs):
    revision = instance.revision
    if revision is None or not is_checked_revision(revision):
        return
    queue_after_commit(tasks.check_revision, revision.pk)


def attach_workflow_to_new_agency(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        services.agency_attach_default_workflow(agency=instance)


def log_role_change(sender, instance, action, reverse, pk_set, **kwargs):
    change = _M2M_CHANGES.get(action)
    if change is None or not pk_set:
        return
    User = get_user_model()
    if reverse:  # group.user_set.add(user, …)
        for member in User.objects.filter(pk__in=pk_set):
            services.user_log_role_change(member=member, action=change, group_names=[instance.name])
    else:  # user.groups.add(group, …)
        names = list(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True))
        services.user_log_role_change(member=instance, action=change, group_names=names)


def log_department_membership(sender, instance, action, reverse, pk_set, **kwargs):
    change = _M2M_CHANGES.get(action)
    if change is None or not pk_set:
        return
    User = get_user_model()
    if reverse:  # user.disclosure_departments.add(department, …)
        for department in Department.objects.filter(pk__in=pk_set):
            services.department_log_membership_change(
                department=department, action=change, usernames=[instance.get_username()]
            )
    else:
        usernames = [user.get_username() for user in User.objects.filter(pk__in=pk_set)]
        services.department_log_membership_change(
            department=instance, action=change, usernames=usernames
        )


# Registered under Wagtail's own dispatch_uid, before wagtail.admin connects its
# notifier (the disclosure apps come first in INSTALLED_APPS): Django keeps the first
# receiver of a dispatch_uid, so the step's mail goes to the item's agency only.
WAGTAIL_TASK_NOTIFICATION = "group_approval_task_submitted_email_notification"
task_submission_notifier = AgencyTaskSubmissionNotifier()


def connect() -> None:
    task_submitted.connect(
        task_submission_notifier, sender=TaskState, dispatch_uid=WAGTAIL_TASK_NOTIFICATION
    )
    task_submitted.connect(
        check_submitted_revision, dispatch_uid="disclosure_review.check_submitted"
    )
    post_save.connect(
        attach_workflow_to_new_agency,
        sender=DisclosureIndexPage,
        dispatch_uid="disclosure_review.attach_workflow",
    )
    m2m_changed.connect(
        log_role_change,
        sender=get_user_model().groups.through,
        dispatch_uid="disclosure_review.roles",
    )
    m2m_changed.connect(
        log_department_membership,
        sender=Department.members.through,
        dispatch_uid="disclosure_review.department_members",
    )
