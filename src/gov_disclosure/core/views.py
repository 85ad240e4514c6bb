"""The public pages' display preference (长辈版, text size): a link sets it and goes back."""

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from .display import COOKIE, COOKIE_AGE, display_changed, display_of


@never_cache
def display_preference(request):
    display = display_changed(
        display_of(request), elder=request.GET.get("elder"), text=request.GET.get("text")
    )
    back = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = "/"
    response = HttpResponseRedirect(back)
    if display.key == "normal":
        response.delete_cookie(COOKIE, samesite="Lax")
    else:
        response.set_cookie(
            COOKIE,
            display.key,
            max_age=COOKIE_AGE,
            samesite="Lax",
            httponly=True,
            secure=request.is_secure(),
        )
    return response
