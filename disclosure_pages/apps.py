from django.apps import AppConfig


class DisclosurePagesConfig(AppConfig):
    name = "disclosure_pages"
    verbose_name = "政府信息公开目录"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
