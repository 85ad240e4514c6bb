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


def host_parent_page_models() -> list:
    """The page types of the host site that may hold a platform or an agency's catalogue
    (``AGENCY_PARENT_PAGE_TYPES``); types of apps the site does not have are left out."""
    from wagtail.coreutils import resolve_model_string

    from gov_disclosure.conf import disclosure_settings

    models = []
    for model_string in disclosure_settings.AGENCY_PARENT_PAGE_TYPES:
        try:
            models.append(resolve_model_string(model_string))
        except (LookupError, ValueError):
            continue
    return models


class HostPlacedMixin:
    """For the page types a host site places under its own pages (a portal, an agency).

    Their parents are the host's page types from the settings, plus ``extra_parent_page_types``
    of the plugin's own; Wagtail's ``parent_page_types`` stays as documentation of the default.
    """

    extra_parent_page_types: list[str] = []

    @classmethod
    def clean_parent_page_models(cls):
        from wagtail.coreutils import resolve_model_string

        label = cls._meta.app_label
        own = [resolve_model_string(name, label) for name in cls.extra_parent_page_types]
        return [*host_parent_page_models(), *own]
