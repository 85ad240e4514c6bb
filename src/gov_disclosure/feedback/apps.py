from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "gov_disclosure.feedback"
    label = "disclosure_feedback"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("公众评价")
