from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkCalendarConfig(AppConfig):
    name = "gov_disclosure.workcalendar"
    label = "disclosure_workcalendar"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("工作日历")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
