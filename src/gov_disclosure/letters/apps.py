from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "gov_disclosure.letters"
    label = "disclosure_letters"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("网民信件")
