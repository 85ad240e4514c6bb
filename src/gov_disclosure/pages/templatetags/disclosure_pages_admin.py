from django import template

from gov_disclosure.pages.permissions import page_type_creatable_by

register = template.Library()


@register.simple_tag(takes_context=True)
def creatable_page_types(context, page_types):
    """Of Wagtail's add-page choices, those the user's role may create."""
    from django.apps import apps

    user, parent = context["request"].user, context["parent_page"]
    return [
        choice
        for choice in page_types
        if page_type_creatable_by(user, apps.get_model(choice[1], choice[2]), parent)
    ]


@register.simple_tag(takes_context=True)
def usage_link_allowed(context) -> bool:
    """Wagtail's status panel links a page's usage, whose view asks ``can_edit``."""
    from wagtail.models import Page

    page = context.get("object")
    if not isinstance(page, Page):
        return True
    return page.permissions_for_user(context["request"].user).can_edit()
