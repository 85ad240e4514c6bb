"""The synonyms the district keeps for the public search (通俗语言检索), and what each
agency keeps out of it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from gov_disclosure.pages.agency_admin import AgencyPermissionPolicy, agency_scoped
from gov_disclosure.pages.models import Validity

from .models import AgencySearchSettings, Synonym


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


register_permission_policy(AgencySearchSettings, AgencyPermissionPolicy(AgencySearchSettings))


def _hidden(settings: AgencySearchSettings) -> str:
    labels = dict(Validity.choices)
    return "、".join(str(labels.get(v, v)) for v in settings.hidden_validities) or "—"


@agency_scoped
class AgencySearchSettingsViewSet(ModelViewSet):
    model = AgencySearchSettings
    icon = "search"
    menu_label = _("本机关检索设置")
    add_to_settings_menu = True
    list_display = ["agency", Column("hidden_validities", label=_("不显示"), accessor=_hidden)]
    inspect_view_enabled = False
