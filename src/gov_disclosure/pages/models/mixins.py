class AgencyContextMixin:
    """Gives a catalogue page's template the agency whose catalogue holds it (looked up
    only if the template asks: an item's page names it from its stored rendering)."""

    def get_context(self, request, *args, **kwargs):
        from django.utils.functional import SimpleLazyObject

        from gov_disclosure.pages.selectors import agency_for_page

        context = super().get_context(request, *args, **kwargs)
        context["agency"] = SimpleLazyObject(lambda: agency_for_page(page=self))
        return context


class ViewRestrictionsFromRouteMixin:
    """Wagtail asks two queries per page view for the view restrictions over the page.
    Routing (``selectors.catalogue_page_at``) finds the page and tells, from the routing
    table's restricted addresses or in the same query, whether any page on its address, or
    that page's source for an alias, is restricted: if none is, none is asked for."""

    def get_view_restrictions(self):
        if getattr(self, "under_view_restriction", None) is False:
            return []
        if self.alias_of_id:  # its source's restrictions apply: Wagtail's rule
            return super().get_view_restrictions()
        from gov_disclosure.pages.selectors import view_restrictions_over

        return view_restrictions_over(page=self)


class DirectRouteMixin:
    """Finds a catalogue page below this one (an item, a category) in one query, where
    Wagtail's routing asks two per level of the tree."""

    def route(self, request, path_components):
        if len(path_components) >= 2:
            from gov_disclosure.pages.selectors import catalogue_page_at

            page = catalogue_page_at(root=self, path_components=path_components)
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)


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
