"""The public routes of the disclosure apps.

Include them at the site root, ahead of Wagtail's catch-all::

    urlpatterns.insert(0, path("", include("gov_disclosure.urls")))

The catalogue's pages themselves are Wagtail pages, served by Wagtail. Admin views come
from each app's ``register_admin_urls`` hook, so nothing here depends on the admin's path.
"""

from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from gov_disclosure.annual_reports.api import ReportsView
from gov_disclosure.api import urls as feed_urls
from gov_disclosure.api.records import SCHEMA_VERSION
from gov_disclosure.assessment.api import FiguresView
from gov_disclosure.core.views import display_preference
from gov_disclosure.pages.feeds import (
    AtomItemsFeed,
    CategoryAtomItemsFeed,
    CategoryItemsFeed,
    ItemsFeed,
)
from gov_disclosure.search.views import SearchAPIView, SuggestAPIView, search_page
from gov_disclosure.standards.views import agency_standard_catalogue

FEED_PREFIX = "api/disclosure/v1/"

feed_urlpatterns = [
    *feed_urls.urlpatterns,
    path("reports/", ReportsView.as_view(), name="disclosure_reports"),
    path("assessment-figures/", FiguresView.as_view(), name="disclosure_assessment_figures"),
]
search_api_urlpatterns = [
    path("api/search/", SearchAPIView.as_view(), name="disclosure_search_api"),
    path("api/search/suggest/", SuggestAPIView.as_view(), name="disclosure_search_suggest"),
]
# The OpenAPI document covers what other sites call: the feed and the search API. Its own
# settings, so it reads the same whatever the host's SPECTACULAR_SETTINGS say.
schema_view = SpectacularAPIView.as_view(
    urlconf=[path(FEED_PREFIX, include(feed_urlpatterns)), *search_api_urlpatterns],
    authentication_classes=[],
    permission_classes=[],
    custom_settings={
        "TITLE": "政府信息公开平台 · 同步接口",
        "DESCRIPTION": "各机关已发布的政府信息公开目录，供区级聚合平台同步。",
        "VERSION": SCHEMA_VERSION,
        # 3.1 states "a record or null" exactly; 3.0 cannot for a referenced object.
        "OAS_VERSION": "3.1.0",
        # Enum components as drf-spectacular makes them, and "" taken where it means absent.
        "POSTPROCESSING_HOOKS": [
            "drf_spectacular.hooks.postprocess_schema_enums",
            "gov_disclosure.api.schema.empty_query_parameters_are_absent",
        ],
        "APPEND_COMPONENTS": {
            "securitySchemes": {"ApiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"}}
        },
    },
)


def favicon(request):
    return HttpResponsePermanentRedirect(static("gov_disclosure/favicon.svg"))


urlpatterns = [
    path(FEED_PREFIX, include(feed_urlpatterns)),
    path(f"{FEED_PREFIX}schema/", schema_view, name="disclosure_schema"),
    *search_api_urlpatterns,
    path("disclosure/search/", search_page, name="disclosure_search"),
    path("requests/", include("gov_disclosure.requests.urls")),
    path("letters/", include("gov_disclosure.letters.urls")),
    path("feedback/", include("gov_disclosure.feedback.urls")),
    path(
        "disclosure/standards/<int:agency_id>/",
        agency_standard_catalogue,
        name="disclosure_standard_catalogue",
    ),
    path("feeds/agency/<int:page_id>/rss/", ItemsFeed(), name="agency_feed_rss"),
    path("feeds/agency/<int:page_id>/atom/", AtomItemsFeed(), name="agency_feed_atom"),
    path("feeds/category/<int:page_id>/rss/", CategoryItemsFeed(), name="category_feed_rss"),
    path("feeds/category/<int:page_id>/atom/", CategoryAtomItemsFeed(), name="category_feed_atom"),
    path("display/", display_preference, name="disclosure_display"),
    # Browsers and feed readers ask for /favicon.ico whatever the page links.
    path("favicon.ico", favicon, name="disclosure_favicon"),
]
