"""Settings of bench/search.py: the dev profile, with stock Wagtail search kept beside
ours so both answer on the same pages."""

from cms.settings.dev import *  # noqa: F403

WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database.fallback"},
    # Stock Wagtail: its own database backend (SQLite full-text search here).
    "stock": {"BACKEND": "wagtail.search.backends.database"},
}
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
