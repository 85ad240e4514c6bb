from django import template

from gov_disclosure.annual_reports.selectors import agency_published_reports

register = template.Library()


@register.simple_tag
def published_annual_reports(agency):
    """The agency's published annual reports, newest year first (for its home page)."""
    return agency_published_reports(agency=agency)
