from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def figure_display(value, kind: str) -> str:
    """A figure as read: a share as a percentage, a yes/no as 是/否, a count as is."""
    if value is None:
        return "—"
    if kind == "share":
        return f"{value:.1%}"
    if kind == "yes_no":
        return _("是") if value else _("否")
    return f"{value:g}"
