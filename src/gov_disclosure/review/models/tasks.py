"""The steps of the review workflow (分管领导审签 → 保密审查 → 党政办终审发布)."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


class SignOffTask(AbstractGroupApprovalTask):
    """A step in which a group approves, or sends back with a comment.

    Unlike Wagtail's group approval, being a reviewer gives no access to the
    page editor: a reviewer signs off on what was submitted and does not rewrite
    it. Those who may edit the page anyway (党政办) still can.
    """

    def user_can_access_editor(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if not (user.is_superuser or self._user_in_groups(user)):
            return []
        return [
            ("reject", _("退回修改"), True),
            ("approve", _("同意"), False),
            ("approve", _("同意并附意见"), True),
            ("review", _("审阅"), False),
        ]

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "review":
            # Not a decision: opens the reviewer's page (Wagtail redirects to the URL returned).
            return reverse("disclosure_review:task", args=[task_state.pk])
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("所选用户组的成员审签：同意进入下一步，或附意见退回作者修改。")

    class Meta:
        verbose_name = _("审签步骤")
        verbose_name_plural = _("审签步骤")


class ConfidentialityReviewTask(SignOffTask):
    """保密审查: the reviewer sees the automated findings of the revision under review.

    Approval is offered only when every blocking finding has been fixed (a new
    revision, checked afresh) or overridden with a written reason.
    """

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if not actions:
            return []
        from gov_disclosure.review.selectors import revision_unresolved_findings

        task_state = obj.current_workflow_task_state
        if task_state is None or revision_unresolved_findings(revision=task_state.revision):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            from gov_disclosure.review.selectors import revision_unresolved_findings

            if revision_unresolved_findings(revision=task_state.revision):
                raise PermissionDenied(_("仍有未处理的检查结果，不能通过保密审查。"))
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("保密审查员查看自动检查结果；须逐条修改或书面说明理由后才能通过。")

    class Meta:
        verbose_name = _("保密审查步骤")
        verbose_name_plural = _("保密审查步骤")
