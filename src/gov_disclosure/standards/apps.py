from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StandardsConfig(AppConfig):
    """基层政务公开标准目录: the State Council's standard catalogues for county and
    township governments, applied to an agency's catalogue, and its coverage."""

    name = "gov_disclosure.standards"
    label = "disclosure_standards"
    verbose_name = _("标准目录")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401 - registers the template check
