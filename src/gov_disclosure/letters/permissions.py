"""Who may see which letter in the admin (``selectors.letters_visible_to``).

Letters are never added, edited or deleted through the generic views: they arrive from
the public form and change only through their actions.
"""

from wagtail.permission_policies.base import ModelPermissionPolicy

from .selectors import letters_visible_to, user_works_on_letters


class LetterPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action == "view" and user_works_on_letters(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and letters_visible_to(user=user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return self.model.objects.none()
        return letters_visible_to(user=user)
