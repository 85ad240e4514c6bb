from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupsConfig(AppConfig):
    name = "gov_disclosure.backups"
    label = "disclosure_backups"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("备份与恢复")
