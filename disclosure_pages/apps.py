from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosurePagesConfig(AppConfig):
    name = "disclosure_pages"
    verbose_name = _("政府信息公开目录")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
