"""Who may see which letter in the admin (``selectors.letters_visible_to``).

Letters are never added, edited or deleted through the generic views: they arrive from
the public form and change only through their actions.
"""

from gov_disclosure.core.permission_policies import ViewOnlyPermissionPolicy

from .selectors import letters_visible_to, user_works_on_letters


class LetterPermissionPolicy(ViewOnlyPermissionPolicy):
    def user_works_on(self, user):
        return user_works_on_letters(user)

    def visible_to(self, user):
        return letters_visible_to(user=user)
