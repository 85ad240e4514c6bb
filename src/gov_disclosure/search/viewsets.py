"""The synonyms 党政办 keeps for the public search (通俗语言检索)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Synonym


class SynonymViewSet(ModelViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("检索同义词")
    add_to_settings_menu = True
    list_display = [
        "term",
        Column("equivalents", label=_("同义词"), accessor=lambda s: "、".join(s.equivalent_list)),
        "both_ways",
        DateColumn("updated_at", label=_("更新时间")),
    ]
    search_fields = ["term", "equivalents"]
    form_fields = ["term", "equivalents", "both_ways"]
    copy_view_enabled = False
