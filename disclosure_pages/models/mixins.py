class AgencyContextMixin:
    """Gives a catalogue page's template the agency whose catalogue holds it."""

    def get_context(self, request, *args, **kwargs):
        from disclosure_pages.selectors import agency_for_page

        context = super().get_context(request, *args, **kwargs)
        context["agency"] = agency_for_page(page=self)
        return context
