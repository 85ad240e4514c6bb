from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Full-text search of published items (engines arrive with the search issue)."""

    name = "search"
    label = "disclosure_search"
    verbose_name = _("全文检索")
