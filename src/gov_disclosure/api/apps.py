from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureAPIConfig(AppConfig):
    """The synchronisation feed (/api/disclosure/v1/), API keys and rate limits."""

    name = "gov_disclosure.api"
    label = "disclosure_api"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("数据接口")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
