"""What every public form shares: checks against robots and floods, and the code lookup.

A field people never see (robots fill it in), a signed time the form was shown (robots
send at once), and a per-address limit on the shared cache (django-ratelimit). No
outside service: a CAPTCHA provider would send citizens' addresses abroad.
"""

import time

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

from gov_disclosure.conf import disclosure_settings

from .client_ip import client_ip

_STARTED_SALT = "public_forms.started"

phone_validator = RegexValidator(
    r"^(?:\+?86[- ]?)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$",
    _("请填写有效的手机号码或固定电话（如 13812345678 或 0574-86123456）。"),
)
_DAY = 86400


def started_token() -> str:
    """The signed time a form is shown at."""
    return signing.dumps(time.time(), salt=_STARTED_SALT)


def _client_address(group, request) -> str:
    # As the APIs' throttles see it (REMOTE_ADDR, or X-Forwarded-For behind NUM_PROXIES), with
    # no RATELIMIT_IP_META_KEY for the host site to set.
    return client_ip(request)


def submission_limited(request, *, group: str, rate: str) -> bool:
    """Count this POST against the client address's limit; True once it is over."""
    return is_ratelimited(
        request, group=group, key=_client_address, rate=rate, method="POST", increment=True
    )


def submission_status(request, form: forms.Form, *, group: str, rate: str) -> int:
    """A public form's POST checked: 429 when the address is over its limit (the form then
    says so and keeps what was typed), 400 when the form is invalid, 200 when it may go."""
    if submission_limited(request, group=group, rate=rate):
        form.is_valid()
        form.add_error(None, _("提交过于频繁，请稍后再试。您填写的内容已保留。"))
        return 429
    return 200 if form.is_valid() else 400


class BotCheckedForm(forms.Form):
    """A public form with the robot checks; templates render ``homepage`` hidden (``.trap``)."""

    homepage = forms.CharField(label=_("请勿填写此项"), required=False)
    started = forms.CharField(label=_("填写开始时间"), widget=forms.HiddenInput, required=False)

    def passed_bot_checks(self) -> bool:
        return "homepage" not in self.errors and "started" not in self.errors

    def started_value(self) -> str:
        """The original start time, so a visitor who waits and resubmits gets through."""
        value = self.data.get(self.add_prefix("started")) if self.is_bound else ""
        try:
            signing.loads(value or "", salt=_STARTED_SALT, max_age=_DAY)
        except signing.BadSignature:
            return started_token()
        return value

    def redisplay_data(self):
        """The submitted data to show again, with a start time that stays valid."""
        data = self.data.copy()
        data[self.add_prefix("started")] = self.started_value()
        return data

    def clean_homepage(self):
        if self.cleaned_data["homepage"]:
            raise ValidationError(_("请勿填写此项。"))
        return ""

    def clean_started(self):
        value = self.cleaned_data["started"]
        try:
            started = signing.loads(value, salt=_STARTED_SALT, max_age=_DAY)
        except signing.SignatureExpired:
            raise ValidationError(_("页面已打开超过一天，请核对内容后再次提交。")) from None
        except signing.BadSignature:
            raise ValidationError(_("提交异常，请核对内容后再次提交。")) from None
        if time.time() - started < disclosure_settings.PUBLIC_FORM_MIN_FILL_SECONDS:
            raise ValidationError(_("提交过快，请核对内容后再次提交。"))
        return value


class TrackingLookupForm(forms.Form):
    """Looking up one's own request or letter: the tracking code and the phone's last digits."""

    code = forms.CharField(
        label=_("查询码"),
        max_length=30,
        error_messages={"required": _("请填写查询码。")},
        help_text=_("提交后页面和回执邮件中给出的查询码，例如 K7Q2-M9XD-4TPA。"),
    )
    phone_last4 = forms.CharField(
        label=_("联系电话后四位"),
        max_length=4,
        min_length=4,
        validators=[RegexValidator(r"^\d{4}$", _("请填写4位数字。"))],
        error_messages={
            "required": _("请填写联系电话后四位。"),
            "min_length": _("请填写4位数字。"),
        },
    )


def required_messages_in_chinese(form: forms.Form) -> None:
    """“请填写‘<label>’。” instead of Django's generic “This field is required.”."""
    default_required = forms.Field.default_error_messages["required"]
    for field in form.fields.values():
        if field.error_messages["required"] == default_required:
            field.error_messages["required"] = _("请填写“%(label)s”。") % {"label": field.label}


def tracking_lookup_handle(
    request, *, group: str, rate: str, lookup, not_found: str, form_class=TrackingLookupForm
):
    """The status page's form: (form, what the code opens or None, HTTP status).

    ``lookup(**the form's cleaned data)`` finds the row (``TrackingLookupForm``: ``code``
    and ``phone_last4``); each POST counts against the client address's limit, so codes
    cannot be guessed by trying."""
    if request.method != "POST":
        return form_class(), None, 200
    form = form_class(request.POST)
    if submission_limited(request, group=group, rate=rate):
        form.is_valid()
        form.add_error(None, _("查询过于频繁，请稍后再试。"))
        return form, None, 429
    if not form.is_valid():
        return form, None, 400
    found = lookup(**form.cleaned_data)
    if found is None:
        form.add_error(None, not_found)
        return form, None, 404
    return form, found, 200
