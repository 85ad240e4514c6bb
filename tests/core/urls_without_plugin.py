"""A host URL configuration that forgot ``include("gov_disclosure.urls")``."""

from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [path("", include(wagtail_urls))]
