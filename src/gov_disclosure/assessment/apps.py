from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "gov_disclosure.assessment"
    label = "disclosure_assessment"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("考核评估")
