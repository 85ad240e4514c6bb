from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "gov_disclosure.page_cache"
    label = "disclosure_page_cache"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("页面缓存")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
