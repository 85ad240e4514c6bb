"""The panel on the report's edit page: when it was generated, which entries the data
now gives differently, what is still blank, and the actions around it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from gov_disclosure.annual_reports.panels import generated_moment


class WebsiteGenerationPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("数据与填报"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "disclosure_website_reports/panels/generation.html"

        def is_shown(self):
            return bool(getattr(self.instance, "pk", None))

        def get_context_data(self, parent_context=None):
            from gov_disclosure.pages.selectors import agency_for_page

            from . import selectors, spec

            context = super().get_context_data(parent_context)
            report = self.instance
            values = report.values()
            fresh = selectors.website_figures(agency=agency_for_page(page=report), year=report.year)
            context.update(
                report=report,
                generated_at=generated_moment(report.generated),
                differing=[
                    (spec.ENTRIES_BY_KEY[key], spec.shown(spec.ENTRIES_BY_KEY[key], value))
                    for key, value in fresh.items()
                    if values.get(key) != value
                ],
                missing=spec.missing_entries(values),
                sources=[entry for entry in spec.ENTRIES if entry.source],
            )
            return context
