from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteReportsConfig(AppConfig):
    name = "gov_disclosure.website_reports"
    label = "disclosure_website_reports"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("政府网站工作年度报表")
