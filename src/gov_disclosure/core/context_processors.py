"""Template context the disclosure pages need from every request."""

from gov_disclosure.conf import disclosure_settings


def disclosure(request) -> dict:
    """The base template the site chose for the public pages (``BASE_TEMPLATE``)."""
    return {"gov_disclosure_base_template": disclosure_settings.BASE_TEMPLATE}
