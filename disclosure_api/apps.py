from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureAPIConfig(AppConfig):
    """The synchronisation feed (/api/disclosure/v1/), API keys and rate limits."""

    name = "disclosure_api"
    verbose_name = _("数据接口")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
