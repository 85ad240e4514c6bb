"""The steps of the review workflow (分管领导审签 → 保密审查 → 党政办终审发布)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState

from gov_disclosure.pages import roles


class SignOffTask(AbstractGroupApprovalTask):
    """A step in which a group approves, or sends back with a comment.

    Unlike Wagtail's group approval, being a reviewer gives no access to the
    page editor: a reviewer signs off on what was submitted and does not rewrite
    it. Those who may edit the page anyway (党政办) still can.

    A role's group chosen for the step (``分管领导``, a role's template) means that
    role **in the item's agency**: its reviewers are the members of that agency's
    group, and nobody else sees, is mailed about or decides the item. A host site's
    own group chosen for the step reviews every agency's items, as in Wagtail.
    """

    def _step_groups(self) -> list[tuple[int, str, int | None]]:
        cached = self.__dict__.get("_disclosure_step_groups")
        if cached is None:
            cached = list(
                self.groups.values_list("pk", "name", "disclosure_agency_role__agency_id")
            )
            self.__dict__["_disclosure_step_groups"] = cached
        return cached

    def _step_roles(self) -> set[str]:
        return {
            name
            for _pk, name, agency in self._step_groups()
            if agency is None and name in roles.ROLES
        }

    def _platform_groups(self) -> set[int]:
        return {
            pk
            for pk, name, agency in self._step_groups()
            if agency is None and name not in roles.ROLES
        }

    def _reviewer_agencies(self, user) -> roles.AgencyScope:
        """Where ``user`` reviews this step's items (kept on the user for the request)."""
        cache = user.__dict__.setdefault("_disclosure_reviewer_agencies", {})
        if self.pk not in cache:
            cache[self.pk] = self._reviewer_agencies_read(user)
        return cache[self.pk]

    def _reviewer_agencies_read(self, user) -> roles.AgencyScope:
        if not user.is_active:
            return roles.NOWHERE
        memberships = roles.user_memberships(user)
        if user.is_superuser or memberships.other_groups & self._platform_groups():
            return roles.EVERYWHERE
        held = roles.agencies_with_role(user, *self._step_roles()).agency_ids
        held |= {
            agency
            for pk, _name, agency in self._step_groups()
            if agency and pk in memberships.agency_groups
        }
        return roles.AgencyScope(agency_ids=frozenset(held))

    def user_reviews(self, obj, user) -> bool:
        """``user`` reviews ``obj`` at this step (a member of its agency's group)."""
        if not isinstance(obj, Page):
            return user.is_superuser or self._user_in_groups(user)
        return roles.agency_id_of_page(obj, cache_on=user) in self._reviewer_agencies(user)

    def reviewers_for(self, obj):
        """Who reviews ``obj`` at this step: mailed when it arrives."""
        agency_id = roles.agency_id_of_page(obj) if isinstance(obj, Page) else None
        members = Q(groups__pk__in=self._platform_groups())
        if agency_id is not None:
            members |= Q(
                groups__disclosure_agency_role__agency_id=agency_id,
                groups__disclosure_agency_role__role__in=self._step_roles(),
            ) | Q(
                groups__pk__in=[pk for pk, _n, agency in self._step_groups() if agency == agency_id]
            )
        return get_user_model().objects.filter(members, is_active=True).distinct()

    def user_can_access_editor(self, obj, user):
        return False

    def locked_for_user(self, obj, user):
        return not self.user_reviews(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_reviews(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        scope = self._reviewer_agencies(user)
        if scope.everywhere or not scope:
            return states if scope.everywhere else TaskState.objects.none()
        paths = roles.agency_paths()
        pages = Page.objects.filter(
            pk__in=[int(pk) for pk in states.values_list("workflow_state__object_id", flat=True)]
        ).values_list("pk", "path")
        return states.filter(
            workflow_state__object_id__in=[
                str(pk) for pk, path in pages if roles.agency_id_for_path(path, paths) in scope
            ]
        )

    def get_actions(self, obj, user):
        if not self.user_reviews(obj, user):
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
