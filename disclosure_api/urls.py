"""/api/disclosure/v1/: the feed and its OpenAPI document."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from annual_reports.api import ReportsView
from search.views import SearchAPIView

from .views import ChangesView, ItemsView

PREFIX = "api/disclosure/v1/"

feed_urlpatterns = [
    path("items/", ItemsView.as_view(), name="disclosure_items"),
    path("changes/", ChangesView.as_view(), name="disclosure_changes"),
    path("reports/", ReportsView.as_view(), name="disclosure_reports"),
]

urlpatterns = [
    *feed_urlpatterns,
    path(
        "schema/",
        SpectacularAPIView.as_view(
            # The search API is documented here too: the district's site uses both.
            urlconf=[
                path(PREFIX, include(feed_urlpatterns)),
                path("api/search/", SearchAPIView.as_view()),
            ],
            authentication_classes=[],
            permission_classes=[],
        ),
        name="disclosure_schema",
    ),
]
