from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnualReportsConfig(AppConfig):
    name = "gov_disclosure.annual_reports"
    label = "disclosure_annual_reports"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("年度报告")
