from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureRequestsConfig(AppConfig):
    name = "disclosure_requests"
    verbose_name = _("依申请公开")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
