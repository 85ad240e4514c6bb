from django.urls import path

from . import views
from .access_log import AccessLogView

app_name = "disclosure_security"

urlpatterns = [
    path("two-factor/", views.TwoFactorVerifyView.as_view(), name="two_factor_verify"),
    path("two-factor/setup/", views.TwoFactorSetupView.as_view(), name="two_factor_setup"),
    path("password-expired/", views.PasswordExpiredView.as_view(), name="password_expired"),
    path("access-log/", AccessLogView.as_view(), name="access_log"),
    path(
        "access-log/results/",
        AccessLogView.as_view(results_only=True),
        name="access_log_results",
    ),
]
