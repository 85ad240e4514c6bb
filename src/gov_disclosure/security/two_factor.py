"""The second factor: TOTP (RFC 6238, any authenticator app) with django-otp, and ten
single-use recovery codes (django-otp's static tokens) for a lost phone."""

import base64

import django_otp
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .sign_in import user_event_log

RECOVERY_CODES = 10
DEVICE_NAME = "authenticator"


class TokenRefused(Exception):
    pass


def has_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user) -> TOTPDevice:
    """The device being set up (not yet confirmed): the same key until it is confirmed, so
    a reload does not invalidate the QR code already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The key as an app asks for it when typed in: base32, in groups of four."""
    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def token_verify(request, token: str) -> None:
    """Check a code from the app or a recovery code; on success the session is verified."""
    token = "".join(token.split()).lower()
    # Each kind of code to its own device (django-otp's match_token would count a mistyped
    # app code as a failure of the recovery codes too, and throttle both).
    if token.isdigit() and len(token) == TOTPDevice._meta.get_field("digits").default:
        devices = TOTPDevice.objects.filter(user=request.user, confirmed=True)
    else:
        devices = StaticDevice.objects.filter(user=request.user, confirmed=True)
    device = next((device for device in devices if device.verify_token(token)), None)
    if device is None:
        user_event_log(request.user, "two_factor_failed", by=None)
        raise TokenRefused(_("验证码不正确或已过期，请输入身份验证器中当前显示的数字。"))
    django_otp.login(request, device)
    if isinstance(device, StaticDevice):
        user_event_log(request.user, "recovery_code_used", by=request.user)


def device_confirm(request, device: TOTPDevice, token: str) -> list[str]:
    """Confirm the device being set up with one code from it; return new recovery codes."""
    if not device.verify_token("".join(token.split())):
        raise TokenRefused(_("验证码不正确：请确认手机时间准确，并输入应用中当前显示的 6 位数字。"))
    with transaction.atomic():
        TOTPDevice.objects.filter(user=request.user, confirmed=True).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = recovery_codes_renew(request.user)
        user_event_log(request.user, "two_factor_enrolled", by=request.user)
    django_otp.login(request, device)
    return codes


def recovery_codes_renew(user) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(user=user, name="recovery")
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def devices_reset(user, *, by) -> None:
    """Remove a user's second factor (a lost phone): they set up a new one at next sign-in."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        user_event_log(user, "two_factor_reset", by=by)
