"""Who may see which rating in the admin (``selectors.ratings_visible_to``).

Ratings arrive from the public form and change only by moderation: never added, edited
or deleted through the generic views.
"""

from gov_disclosure.core.permission_policies import ViewOnlyPermissionPolicy

from .selectors import rating_agencies, ratings_visible_to


class RatingPermissionPolicy(ViewOnlyPermissionPolicy):
    def user_works_on(self, user):
        return bool(rating_agencies(user))

    def visible_to(self, user):
        return ratings_visible_to(user=user)
