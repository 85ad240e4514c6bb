"""The synchronisation feed's own routes, under /api/disclosure/v1/ (``gov_disclosure.urls``
adds the reports endpoint and the OpenAPI document)."""

from django.urls import path

from .views import ChangesView, ItemsView

urlpatterns = [
    path("items/", ItemsView.as_view(), name="disclosure_items"),
    path("changes/", ChangesView.as_view(), name="disclosure_changes"),
]
