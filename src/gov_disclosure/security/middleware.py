"""Staff sessions in the admin: the sign-in throttled (the plugin's login in place of
Wagtail's, wherever the site mounts the admin), sessions ended after inactivity, held at the
second factor until it is given, and at the password change while the password has expired."""

from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import sign_in, two_factor
from .views import SignInView, step_url

# Reachable before the second factor and the password change: the steps themselves,
# signing out, and what the admin's pages load (translations for scripts, the icons).
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "disclosure_security:two_factor_verify",
    "disclosure_security:two_factor_setup",
    "disclosure_security:password_expired",
}
# Requests the admin makes by itself (the editor's presence ping): they do not count as
# activity, or an open edit page would keep a session alive for ever.
BACKGROUND_VIEWS = {"wagtailadmin_editing_sessions:ping"}


class StaffSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._admin_prefix = None
        self._sign_in = SignInView.as_view()

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        if match is None or not request.path.startswith(self._admin_prefix):
            return None
        if match.view_name == "wagtailadmin_login" and (
            getattr(view_func, "view_class", None) is not SignInView
        ):
            return self._sign_in(request, *view_args, **view_kwargs)
        user = request.user
        if not user.is_authenticated:
            return None
        if sign_in.session_idle_expired(request.session):
            logout(request)
            messages.info(request, _("由于长时间未操作，您已退出登录，请重新登录。"))
            return redirect(step_url("wagtailadmin_login", request.get_full_path()))
        if match.view_name not in BACKGROUND_VIEWS:
            sign_in.session_seen(request.session)
        if match.view_name in OPEN_VIEWS:
            return None
        if not user.is_verified() and (
            sign_in.two_factor_required(user) or two_factor.has_device(user)
        ):
            # Asked of the roles the setting names, and of anyone who set it up.
            return redirect(
                step_url("disclosure_security:two_factor_verify", request.get_full_path())
            )
        if sign_in.password_expired(user):
            return redirect(
                step_url("disclosure_security:password_expired", request.get_full_path())
            )
        return None
