"""Who may see which request: 党政办 every request, a handler the ones assigned to them.

党政办 holds “管理全部申请”; handlers (信息员) hold “承办分派给本人的依申请公开申请”,
which lets them view and act on requests, narrowed below to those assigned to them.
"""

from wagtail.permission_policies.base import ModelPermissionPolicy

from .selectors import user_handles_requests, user_manages_requests


class RequestPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "delete":
            return False  # a request is a record of the office's duty: never deleted
        if user_manages_requests(user):
            return True
        return action in ("view", "change") and user_handles_requests(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return user_manages_requests(user) or instance.handler_id == user.pk

    def instances_user_has_permission_for(self, user, action):
        queryset = self.model.objects.all()
        if not self.user_has_permission(user, action):
            return queryset.none()
        return queryset if user_manages_requests(user) else queryset.filter(handler=user)


class ManagersOnlyPermissionPolicy(ModelPermissionPolicy):
    """Appeals: recorded and read by 党政办 only."""

    def user_has_permission(self, user, action):
        return user_manages_requests(user) and super().user_has_permission(user, action)
