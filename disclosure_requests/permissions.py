"""Who may see which request: 党政办 every request, a handler the ones assigned to them.

Handlers are staff holding the model's view/change permissions (信息员 and 党政办
get them by migration); the instance rules below narrow that to their requests.
"""

from wagtail.permission_policies.base import ModelPermissionPolicy

from .selectors import user_manages_requests


class RequestPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "delete":
            return False  # a request is a record of the office's duty: never deleted
        if action == "add":
            return user_manages_requests(user)
        return super().user_has_permission(user, action)

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
