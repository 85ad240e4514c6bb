from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo subdistrict (``manage.py load_demo``): above every other app, since it
    drives the catalogue, review, requests, letters and reports together."""

    name = "gov_disclosure.demo"
    label = "disclosure_demo"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("演示数据")
