"""``{{ user|person_name }}``: staff named in templates as ``core.people`` names them."""

from django import template

from gov_disclosure.core.people import person_name as _person_name

register = template.Library()


@register.filter
def person_name(user) -> str:
    return _person_name(user)
