from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Department


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    menu_label = "部门"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "code", "agency"]
    list_filter = ["agency"]
    search_fields = ["name", "code"]
    ordering = ["agency", "code"]


register_snippet(DepartmentViewSet)
