from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureRequestsConfig(AppConfig):
    name = "gov_disclosure.requests"
    label = "disclosure_requests"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("依申请公开")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
