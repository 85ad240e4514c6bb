class AgencyContextMixin:
    """Gives a catalogue page's template the agency whose catalogue holds it."""

    def get_context(self, request, *args, **kwargs):
        from disclosure_pages.selectors import agency_for_page

        context = super().get_context(request, *args, **kwargs)
        context["agency"] = agency_for_page(page=self)
        return context


class OfficePermissionsMixin:
    """Page permissions narrowed to the office's roles (see disclosure_pages.permissions)."""

    def permissions_for_user(self, user):
        from disclosure_pages.permissions import DisclosurePermissionTester

        return DisclosurePermissionTester(user, self)
