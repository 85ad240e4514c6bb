from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AggregationConfig(AppConfig):
    """The district's side: pull each subdistrict's feed into local mirror records."""

    name = "gov_disclosure.aggregation"
    label = "disclosure_aggregation"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("信息汇聚")
