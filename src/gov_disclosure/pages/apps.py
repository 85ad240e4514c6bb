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
        from django.db.models.signals import post_migrate

        # Once, after every app's migrations (not once per app).
        post_migrate.connect(
            signal_handlers.sync_role_groups,
            sender=self,
            dispatch_uid="disclosure_pages.sync_role_groups",
        )
