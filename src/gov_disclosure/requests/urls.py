from django.urls import path

from . import views

app_name = "disclosure_requests"

urlpatterns = [
    path("", views.choose_agency, name="choose_agency"),
    path("apply/<int:agency_id>/", views.apply, name="apply"),
    path("receipt/", views.receipt, name="receipt"),
    path("status/", views.status, name="status"),
]
