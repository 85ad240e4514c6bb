from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "page_cache"
    verbose_name = _("页面缓存")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
