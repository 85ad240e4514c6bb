class AgencyContextMixin:
    """Gives a catalogue page's template the agency whose catalogue holds it."""

    def get_context(self, request, *args, **kwargs):
        from gov_disclosure.pages.selectors import agency_for_page

        context = super().get_context(request, *args, **kwargs)
        context["agency"] = agency_for_page(page=self)
        return context


class OfficePermissionsMixin:
    """Page permissions narrowed to the office's roles (see gov_disclosure.pages.permissions)."""

    def permissions_for_user(self, user):
        from gov_disclosure.pages.permissions import DisclosurePermissionTester

        return DisclosurePermissionTester(user, self)
