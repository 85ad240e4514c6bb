from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.admin_login import ThrottledLoginView
from cms.api import api_router
from cms.views import healthz
from disclosure_pages.feeds import (
    AtomItemsFeed,
    CategoryAtomItemsFeed,
    CategoryItemsFeed,
    ItemsFeed,
)
from letters.sitemaps import LetterSitemap
from review.views.unpublish import UnpublishView
from search.views import SearchAPIView, search_page

ADMIN = f"{settings.ADMIN_PATH}/"

urlpatterns = [
    # Ahead of Wagtail's own: unpublishing an item asks for a reason (review.views.unpublish),
    # and the login is throttled (cms.admin_login).
    path(
        f"{ADMIN}pages/<int:page_id>/unpublish/",
        require_admin_access(UnpublishView.as_view()),
        name="disclosure_unpublish",
    ),
    path(f"{ADMIN}login/", ThrottledLoginView.as_view(), name="wagtailadmin_login"),
    path(ADMIN, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/disclosure/v1/", include("disclosure_api.urls")),
    path("api/search/", SearchAPIView.as_view(), name="search_api"),
    path("search/", search_page, name="search"),
    path("requests/", include("disclosure_requests.urls")),
    path("letters/", include("letters.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap, "letters": LetterSitemap}}),
    path("feeds/agency/<int:page_id>/rss/", ItemsFeed(), name="agency_feed_rss"),
    path("feeds/agency/<int:page_id>/atom/", AtomItemsFeed(), name="agency_feed_atom"),
    path("feeds/category/<int:page_id>/rss/", CategoryItemsFeed(), name="category_feed_rss"),
    path("feeds/category/<int:page_id>/atom/", CategoryAtomItemsFeed(), name="category_feed_atom"),
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
