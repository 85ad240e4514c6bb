"""Who may call the interfaces and how often: API keys, scopes, rate limits (DRF classes)."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication
from rest_framework.permissions import BasePermission
from rest_framework.throttling import SimpleRateThrottle

from .models import ConsumerKey
from .selectors import api_settings, consumer_key_for
from .services import consumer_key_touch

KEY_HEADER = "X-API-Key"


def _sent_key(request) -> str | None:
    key = request.headers.get(KEY_HEADER)
    if key:
        return key.strip()
    scheme, _sep, credentials = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "api-key" and credentials:
        return credentials.strip()
    return None


class ConsumerKeyAuthentication(BaseAuthentication):
    """A key in ``X-API-Key`` (or ``Authorization: Api-Key …``) makes ``request.auth`` its
    ConsumerKey. A key that is wrong, revoked or expired is refused, never ignored."""

    def authenticate(self, request):
        key = _sent_key(request)
        if key is None:
            return None
        consumer_key = consumer_key_for(key=key)
        if consumer_key is None:
            raise exceptions.AuthenticationFailed(_("API 密钥无效、已吊销或已过期。"))
        consumer_key_touch(consumer_key=consumer_key)
        return AnonymousUser(), consumer_key

    def authenticate_header(self, request):
        return "Api-Key"


class HasScope(BasePermission):
    """A key must carry the view's ``api_scope``; without a key, the settings decide."""

    def has_permission(self, request, view):
        if isinstance(request.auth, ConsumerKey):
            if request.auth.allows(view.api_scope):
                return True
            self.message = _("此 API 密钥无权访问该接口。")
            return False
        if api_settings(request=request).allow_anonymous:
            return True
        self.message = _("此接口需要 API 密钥：请在请求头 %(header)s 中提供。") % {
            "header": KEY_HEADER
        }
        return False


def agency_for_key(request, asked: int | None) -> int | None:
    """The agency a feed is read for: an agency's key reads that agency only (asking for
    another is refused); a platform key, or none, reads what is asked."""
    issuer = request.auth.agency_id if isinstance(request.auth, ConsumerKey) else None
    if issuer is None:
        return asked
    if asked not in (None, issuer):
        raise exceptions.PermissionDenied(_("此 API 密钥由一个机关签发，只能读取该机关的信息。"))
    return issuer


class ConsumerRateThrottle(SimpleRateThrottle):
    """Requests per minute per key (its own limit or the default), or per IP without one."""

    cache_format = "disclosure-api-throttle:%(ident)s"

    def __init__(self):
        # The rate depends on the caller, so it is set per request in allow_request.
        pass

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ConsumerKey):
            return self.cache_format % {"ident": f"key:{request.auth.pk}"}
        return self.cache_format % {"ident": f"ip:{self.get_ident(request)}"}

    def allow_request(self, request, view):
        settings = api_settings(request=request)
        if isinstance(request.auth, ConsumerKey):
            per_minute = request.auth.rate_per_minute or settings.key_rate_per_minute
        else:
            per_minute = settings.anonymous_rate_per_minute
        self.rate = f"{per_minute}/min"
        self.num_requests, self.duration = per_minute, 60
        return super().allow_request(request, view)


class ControlledAccess:
    """Keys, scopes and rate limits for an API view or viewset; set ``api_scope``."""

    authentication_classes = [ConsumerKeyAuthentication]
    permission_classes = [HasScope]
    throttle_classes = [ConsumerRateThrottle]
    api_scope: str

    def permission_denied(self, request, message=None, code=None):
        # DRF drops the permission's message when no key was sent; keep it (it says how).
        if request.authenticators and not request.successful_authenticator:
            raise exceptions.NotAuthenticated(detail=message, code=code)
        super().permission_denied(request, message=message, code=code)

    def throttled(self, request, wait):
        # Told in Chinese when to retry; the Retry-After header says the same.
        seconds = max(1, int(wait or 1))
        throttled = exceptions.Throttled(wait=seconds)  # the wait gives Retry-After
        # DRF appends "预计 N 秒后可用。" to any detail; the message says it once.
        throttled.detail = exceptions.ErrorDetail(
            _("请求过于频繁，请在 %(seconds)d 秒后重试。") % {"seconds": seconds},
            code=throttled.default_code,
        )
        raise throttled
