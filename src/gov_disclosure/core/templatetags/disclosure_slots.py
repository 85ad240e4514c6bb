"""Places in the public templates where apps higher up add their parts.

``{% disclosure_slot "item_page_end" target=page %}`` joins the HTML of every function
registered with Wagtail's hooks under ``disclosure_slot_item_page_end``: the catalogue's
templates show, say, the satisfaction form without the catalogue's app knowing the app
that provides it.
"""

from django import template
from django.utils.html import format_html_join
from wagtail import hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def disclosure_slot(context, name: str, **kwargs) -> str:
    request = context.get("request")
    parts = (fn(request=request, **kwargs) for fn in hooks.get_hooks(f"disclosure_slot_{name}"))
    return format_html_join("", "{}", ((part,) for part in parts if part))
