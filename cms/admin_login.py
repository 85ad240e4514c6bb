"""The admin login, throttled against password guessing.

Failed attempts count per client address and per user name on the shared cache
(django-ratelimit); over either limit the form answers 429 without checking the
password, so guessing cannot go on from one address or against one account.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage
from wagtail.admin.views.account import LoginView

_COUNTERS = (("admin-login-ip", "ip"), ("admin-login-user", "post:username"))


def _over_limit(request, *, count: bool) -> bool:
    """Whether the address or the user name has used up its failures (``count``: add one)."""
    over = False
    for group, key in _COUNTERS:
        usage = get_usage(
            request,
            group=group,
            key=key,
            rate=settings.ADMIN_LOGIN_FAILURE_RATE,
            method="POST",
            increment=count,
        )
        over = over or (usage is not None and usage["count"] >= usage["limit"])
    return over


class ThrottledLoginView(LoginView):
    def post(self, request, *args, **kwargs):
        if _over_limit(request, count=False):
            form = self.get_form()
            form.errors.clear()
            form.add_error(None, _("登录失败次数过多，请稍后再试。"))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        response = super().post(request, *args, **kwargs)
        if response.status_code != 302:  # the password (or the form) was wrong
            _over_limit(request, count=True)
        return response
