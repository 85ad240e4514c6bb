"""Sign-in steps after the password: the second factor (set up once, then asked at every
sign-in), recovery codes, and the forced change of an expired password."""

from urllib.parse import urlencode

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.forms.utils import ErrorDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.views.account import LoginView

from . import sign_in, two_factor
from .sign_in import user_event_log


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def step_url(name: str, next_url: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


class SignInView(LoginView):
    """Wagtail's login, throttled: failures count per client address and per user name
    (``LOGIN_FAILURE_RATE``); over either limit the form refuses even the right password
    with 429 until the window passes, and the lock-out is logged."""

    def post(self, request, *args, **kwargs):
        if sign_in.login_failures_over_limit(request, count=False):
            # The form keeps what was typed but is never validated: the password is not
            # checked (nor a failure logged) while the sign-in is locked.
            form = self.get_form()
            form.cleaned_data, form._errors = {}, ErrorDict()
            form.add_error(None, sign_in.lock_out_message(request))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        response = super().post(request, *args, **kwargs)
        if response.status_code != 302:  # the password (or the form) was wrong
            sign_in.login_failures_over_limit(request, count=True)
        return response


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("验证码"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text=gettext_lazy("身份验证器应用中的 6 位数字，或一个恢复码。"),
        error_messages={"required": gettext_lazy("请输入验证码。")},
    )


class SetupTokenForm(TokenForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["token"].help_text = gettext_lazy("身份验证器应用中显示的 6 位数字。")


class TwoFactorVerifyView(View):
    template_name = "disclosure_security/two_factor_verify.html"

    def get(self, request):
        if not two_factor.has_device(request.user):
            return redirect(step_url("disclosure_security:two_factor_setup", _next(request)))
        return self._render(request, TokenForm())

    def post(self, request):
        form = TokenForm(request.POST)
        if form.is_valid():
            try:
                two_factor.token_verify(request, form.cleaned_data["token"])
            except two_factor.TokenRefused as refused:
                form.add_error("token", str(refused))
            else:
                return redirect(_next(request))
        return self._render(request, form, status=400 if form.is_bound else 200)

    def _render(self, request, form, status=200):
        return render(
            request, self.template_name, {"form": form, "next": _next(request)}, status=status
        )


class TwoFactorSetupView(View):
    """Setting up the authenticator app: a QR code (and the key as text), confirmed by
    one code from the app; then the recovery codes, shown once."""

    template_name = "disclosure_security/two_factor_setup.html"

    def get(self, request):
        if two_factor.has_device(request.user) and not request.user.is_verified():
            # Replacing a device needs the current one first.
            return redirect(step_url("disclosure_security:two_factor_verify", _next(request)))
        device = two_factor.pending_device(request.user)
        return self._render(request, device, SetupTokenForm())

    def post(self, request):
        device = two_factor.pending_device(request.user)
        form = SetupTokenForm(request.POST)
        if form.is_valid():
            try:
                codes = two_factor.device_confirm(request, device, form.cleaned_data["token"])
            except two_factor.TokenRefused as refused:
                form.add_error("token", str(refused))
            else:
                return render(
                    request,
                    "disclosure_security/recovery_codes.html",
                    {"codes": codes, "next": _next(request)},
                )
        return self._render(request, device, form, status=400)

    def _render(self, request, device, form, status=200):
        qr = segno.make(device.config_url, micro=False)
        return render(
            request,
            self.template_name,
            {
                "form": form,
                "qr": qr.svg_data_uri(scale=5, border=2),
                "secret": two_factor.secret_text(device),
                "next": _next(request),
            },
            status=status,
        )


class PasswordExpiredView(View):
    """An expired password is changed before anything else (the new one is checked by the
    site's password validators: length, character classes, not one of the last used)."""

    template_name = "disclosure_security/password_expired.html"

    def get(self, request):
        return self._render(request, PasswordChangeForm(request.user))

    def post(self, request):
        form = PasswordChangeForm(request.user, request.POST)
        if form.is_valid():
            user = form.save()
            update_session_auth_hash(request, user)
            user_event_log(user, "password_changed", by=user)
            messages.success(request, _("密码已更新。"))
            return redirect(_next(request))
        return self._render(request, form, status=400)

    def _render(self, request, form, status=200):
        return render(
            request,
            self.template_name,
            {
                "form": form,
                "next": _next(request),
                "set_at": sign_in.password_set_at(request.user),
            },
            status=status,
        )
