from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    """Importing a catalogue exported from another system (TRS, Hanweb …): its items with
    their 索引号, dates and attachments, published through a recorded import."""

    name = "gov_disclosure.imports"
    label = "disclosure_imports"
    verbose_name = _("目录导入")
    default_auto_field = "django.db.models.BigAutoField"
