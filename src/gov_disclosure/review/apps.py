from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "gov_disclosure.review"
    label = "disclosure_review"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("发布审核与责任追究")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
