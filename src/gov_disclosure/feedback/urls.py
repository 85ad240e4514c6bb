from django.urls import path

from . import views

app_name = "disclosure_feedback"

urlpatterns = [
    path("rate/<str:kind>/<int:pk>/", views.rate, name="rate"),
    path("rated/<str:kind>/<int:pk>/", views.rated, name="rated"),
    path("ratings/<int:agency_id>/", views.agency_ratings, name="ratings"),
    path("propose/<int:agency_id>/", views.propose, name="propose"),
    path("proposals/receipt/", views.proposal_receipt, name="proposal_receipt"),
    path("proposals/status/", views.proposal_status, name="proposal_status"),
    path("proposals/<int:agency_id>/", views.agency_proposals, name="proposals"),
    path("review/", views.review_code, name="review_code"),
    path("review/<str:code>/", views.review, name="review"),
]
