"""Who may see which request: 党政办 its agency's requests, a handler the ones assigned
to them.

党政办 holds “管理全部申请”; handlers (信息员) hold “承办分派给本人的依申请公开申请”,
which lets them view and act on requests, narrowed below to those assigned to them.
"""

from wagtail.permission_policies.base import ModelPermissionPolicy

from gov_disclosure.pages.agency_admin import AgencyPermissionPolicy
from gov_disclosure.pages.roles import agencies_where

from .selectors import (
    MANAGE,
    requests_visible_to,
    user_handles_requests,
    user_manages_requests,
    user_may_handle,
)


class RequestPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "delete":
            return False  # a request is a record of the office's duty: never deleted
        if user_manages_requests(user):
            return True
        return action in ("view", "change") and user_handles_requests(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and user_may_handle(
            user=user, request=instance
        )

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return self.model.objects.none()
        return requests_visible_to(user=user)


class ManagersOnlyPermissionPolicy(AgencyPermissionPolicy):
    """Appeals: recorded and read by the agency's 党政办 only."""

    def agencies_user_has_permission_for(self, user, action):
        return super().agencies_user_has_permission_for(user, action) & agencies_where(user, MANAGE)
