from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Full-text search of published items."""

    name = "gov_disclosure.search"
    label = "disclosure_search"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("全文检索")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
