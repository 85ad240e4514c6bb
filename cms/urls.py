from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.views import healthz
from gov_disclosure.api.content import api_router
from gov_disclosure.letters.sitemaps import LetterSitemap

ADMIN = f"{settings.ADMIN_PATH}/"

urlpatterns = [
    path(ADMIN, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap, "letters": LetterSitemap}}),
    # The disclosure apps' public routes: the feed, the search API and page, requests,
    # letters and the catalogue's RSS/Atom feeds.
    path("", include("gov_disclosure.urls")),
    path("healthz", healthz, name="healthz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail serves everything else; it must stay last.
    path("", include(wagtail_urls)),
]
