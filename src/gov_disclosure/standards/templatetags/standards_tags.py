from django import template

from ..selectors import agency_has_standard, slot_for_category

register = template.Library()


@register.simple_tag
def agency_uses_standard(agency) -> bool:
    """Whether the agency applied any area of the standard catalogue (its home links it)."""
    return agency_has_standard(agency=agency)


@register.simple_tag
def standard_slot(category):
    """The 公开事项 a category fills, for its page."""
    return slot_for_category(category=category)
