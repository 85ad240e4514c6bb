"""The admin's language where Wagtail 8.0 falls short: the JavaScript strings it leaves
untranslated in Chinese (autosave, the editor's block menu), in a second catalogue merged
into Wagtail's by Django's script; and the help menu's one label it fixes in one language."""

import copy

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.views.i18n import JavaScriptCatalog
from wagtail import hooks
from wagtail.utils.version import get_main_version


@hooks.register("register_admin_urls")
def register_javascript_catalog():
    catalog = JavaScriptCatalog.as_view(packages=["gov_disclosure.core"])
    return [path("disclosure-jsi18n/", catalog, name="disclosure_javascript_catalog")]


@hooks.register("insert_global_admin_js")
def javascript_catalog():
    return format_html('<script src="{}"></script>', reverse("disclosure_javascript_catalog"))


@hooks.register("construct_help_menu")
def whats_new_in_the_readers_language(request, menu_items):
    """Wagtail builds its help menu once per process and writes the label of "What's new in
    Wagtail" in the language of whoever asked first: with one user on English, everyone
    after would read it in English. Each request gets the label in its own language."""
    version = get_main_version(include_patch=False)
    name = f"whats-new-in-wagtail-{version}"
    for index, item in enumerate(menu_items):
        if item.name == name:
            menu_items[index] = copy.copy(item)
            menu_items[index].label = gettext("What's new in Wagtail %(version)s") % {
                "version": version
            }
