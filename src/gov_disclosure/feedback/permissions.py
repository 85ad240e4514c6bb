"""Who may see which rating and proposal in the admin (``selectors``).

Both arrive from the public forms and change only by moderation or answer: never added,
edited or deleted through the generic views.
"""

from gov_disclosure.core.permission_policies import ViewOnlyPermissionPolicy

from .selectors import (
    proposal_agencies,
    proposals_visible_to,
    rating_agencies,
    ratings_visible_to,
)


class RatingPermissionPolicy(ViewOnlyPermissionPolicy):
    def user_works_on(self, user):
        return bool(rating_agencies(user))

    def visible_to(self, user):
        return ratings_visible_to(user=user)


class ProposalPermissionPolicy(ViewOnlyPermissionPolicy):
    def user_works_on(self, user):
        return bool(proposal_agencies(user))

    def visible_to(self, user):
        return proposals_visible_to(user=user)
