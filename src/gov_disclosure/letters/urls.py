from django.urls import path

from . import views

app_name = "disclosure_letters"

urlpatterns = [
    path("", views.choose_agency, name="choose_agency"),
    path("write/<int:agency_id>/", views.write, name="write"),
    path("receipt/", views.receipt, name="receipt"),
    path("status/", views.status, name="status"),
    path("<int:agency_id>/", views.answers, name="answers"),
    path("<int:agency_id>/<int:pk>/", views.answer, name="answer"),
]
