"""Permission policies the apps' admin views share."""

from django.db.models import QuerySet
from wagtail.permission_policies.base import ModelPermissionPolicy


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Rows that arrive from the public and change only by their own actions: viewed in
    the generic views, never added, edited or deleted there. Subclasses say who works on
    them at all and which rows a user sees."""

    def user_works_on(self, user) -> bool:
        raise NotImplementedError

    def visible_to(self, user) -> QuerySet:
        raise NotImplementedError

    def user_has_permission(self, user, action):
        return action == "view" and self.user_works_on(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self.visible_to(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return self.model.objects.none()
        return self.visible_to(user)
