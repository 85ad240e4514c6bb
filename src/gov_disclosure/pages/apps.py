from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosurePagesConfig(AppConfig):
    name = "gov_disclosure.pages"
    label = "disclosure_pages"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("政府信息公开目录")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
