"""Template context the disclosure pages need from every request."""

from gov_disclosure.conf import disclosure_settings

from .display import TEXT_SIZES, display_of


def disclosure(request) -> dict:
    """The base template the site chose for the public pages (``BASE_TEMPLATE``) and the
    visitor's display preference (长辈版, text size)."""
    return {
        "gov_disclosure_base_template": disclosure_settings.BASE_TEMPLATE,
        "gov_display": display_of(request),
        "gov_text_sizes": list(zip(TEXT_SIZES, ("标准", "大", "特大"), strict=True)),
    }
