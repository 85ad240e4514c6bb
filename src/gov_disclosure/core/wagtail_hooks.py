"""The admin's JavaScript strings that Wagtail 8.0 leaves untranslated in Chinese (autosave,
the editor's block menu): a second catalogue, merged into Wagtail's by Django's script."""

from django.urls import path, reverse
from django.utils.html import format_html
from django.views.i18n import JavaScriptCatalog
from wagtail import hooks


@hooks.register("register_admin_urls")
def register_javascript_catalog():
    catalog = JavaScriptCatalog.as_view(packages=["gov_disclosure.core"])
    return [path("disclosure-jsi18n/", catalog, name="disclosure_javascript_catalog")]


@hooks.register("insert_global_admin_js")
def javascript_catalog():
    return format_html('<script src="{}"></script>', reverse("disclosure_javascript_catalog"))
