from django import template

from gov_disclosure.pages.permissions import page_type_creatable_by

register = template.Library()


@register.simple_tag(takes_context=True)
def creatable_page_types(context, page_types):
    """Of Wagtail's add-page choices, those the user's role may create."""
    from django.apps import apps

    user = context["request"].user
    return [
        choice
        for choice in page_types
        if page_type_creatable_by(user, apps.get_model(choice[1], choice[2]))
    ]
