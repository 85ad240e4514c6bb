from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Full-text search of published items (engines arrive with the search issue)."""

    name = "search"
    label = "disclosure_search"
    verbose_name = "全文检索"
