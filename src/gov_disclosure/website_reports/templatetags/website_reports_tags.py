from django import template

from gov_disclosure.website_reports.selectors import published_website_reports

register = template.Library()


@register.simple_tag
def agency_website_reports(agency):
    """The agency's published website reports, newest year first (for its home page)."""
    return published_website_reports().child_of(agency)
