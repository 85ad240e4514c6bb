"""The test site's URLs: a `wagtail start` site's, the plugin's routes, and the optional
Wagtail API v2 router and sitemap the plugin offers."""

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from gov_disclosure.api.content import api_router
from gov_disclosure.letters.sitemaps import LetterSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap, "letters": LetterSitemap}}),
    path("", include("gov_disclosure.urls")),
    path("", include(wagtail_urls)),
]
