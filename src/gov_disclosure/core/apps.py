from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every disclosure app shares: settings, checks, base templates, static, locale."""

    name = "gov_disclosure.core"
    label = "disclosure_core"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("政府信息公开")

    def ready(self):
        from . import active_filters, checks  # noqa: F401  (checks register themselves)

        active_filters.register()
