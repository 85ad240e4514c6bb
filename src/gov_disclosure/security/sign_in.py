"""Staff sign-in: who needs a second factor, when a password has expired, when an idle
session ends, and the log of sign-ins, failures and lock-outs."""

import datetime
import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.utils import timezone
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage
from wagtail.log_actions import log

from gov_disclosure.conf import disclosure_settings
from gov_disclosure.core.client_ip import client_ip
from gov_disclosure.core.people import person_name
from gov_disclosure.pages.roles import DISTRICT_OFFICE, user_memberships

from .models import PasswordRecord

logger = logging.getLogger(__name__)

SUPERUSER = "superuser"
LOGIN_FAILURE_COUNTERS = (("admin-login-ip", "ip"), ("admin-login-user", "post:username"))


# --- roles and the second factor -------------------------------------------------------


def user_roles(user) -> set[str]:
    """The names of the roles ``user`` holds anywhere (信息员 … 区政务公开办, superuser)."""
    memberships = user_memberships(user)
    roles = set().union(*memberships.roles.values()) if memberships.roles else set()
    if DISTRICT_OFFICE in memberships.platform_roles:
        roles.add(DISTRICT_OFFICE)
    if user.is_superuser:
        roles.add(SUPERUSER)
    return roles


def two_factor_required(user) -> bool:
    rule = disclosure_settings.TWO_FACTOR_REQUIRED
    if rule == "all":
        return True
    if not rule or rule == "none":
        return False
    return bool(user_roles(user) & set(rule))


# --- passwords -------------------------------------------------------------------------


def password_recorded(user) -> None:
    """Keep the hash of the password just set (and as many before it as the history asks)."""
    PasswordRecord.objects.create(user=user, password=user.password)
    keep = max(disclosure_settings.PASSWORD_HISTORY, 1)
    old = user.password_records.values_list("pk", flat=True)[keep:]
    PasswordRecord.objects.filter(pk__in=list(old)).delete()


def password_used_before(user, password: str) -> bool:
    count = disclosure_settings.PASSWORD_HISTORY
    if not count or user.pk is None:
        return False
    hashes = user.password_records.values_list("password", flat=True)[:count]
    return any(check_password(password, encoded) for encoded in hashes)


def password_set_at(user) -> datetime.datetime:
    last = user.password_records.values_list("set_at", flat=True).first()
    return last or user.date_joined


def password_expired(user) -> bool:
    days = disclosure_settings.PASSWORD_MAX_AGE_DAYS
    if not days or not user.has_usable_password():
        return False
    return password_set_at(user) < timezone.now() - datetime.timedelta(days=days)


# --- idle sessions ---------------------------------------------------------------------

LAST_SEEN = "disclosure_last_seen"


def session_idle_expired(session) -> bool:
    """True when the session has been idle longer than allowed; otherwise notes now."""
    seconds = disclosure_settings.SESSION_IDLE_SECONDS
    now = timezone.now().timestamp()
    last = session.get(LAST_SEEN)
    return bool(seconds and last is not None and now - last > seconds)


def session_seen(session) -> None:
    # Only when sessions can go idle: otherwise every admin request would save the session.
    if disclosure_settings.SESSION_IDLE_SECONDS:
        session[LAST_SEEN] = timezone.now().timestamp()


# --- the log ---------------------------------------------------------------------------


def user_event_log(user, action: str, *, by, data: dict | None = None) -> None:
    """A sign-in event in the audit log, about ``user``'s account (its 党政办 and 监督 read
    it in the 责任追究日志), labelled with the person's name."""
    User = get_user_model()
    if type(user) is not User:  # request.user, a lazy wrapper Wagtail's registry does not know
        user = User._default_manager.get(pk=user.pk)
    log(
        instance=user,
        action=f"disclosure_security.{action}",
        user=by,
        data=data or {},
        title=person_name(user),
    )


def _address(request) -> str | None:
    return client_ip(request) if request is not None else None


def login_recorded(request, user) -> None:
    if request is not None:
        session_seen(request.session)
    user_event_log(user, "login", by=user, data={"address": _address(request)})


def login_failure_recorded(request, username: str) -> None:
    user = _user_named(username)
    address = _address(request)
    if user is None:
        logger.warning("failed sign-in as unknown user %r from %s", username[:150], address)
        return
    user_event_log(user, "login_failed", by=None, data={"address": address})


def _failure_usage(request, group: str, key: str, *, count: bool) -> dict | None:
    return get_usage(
        request,
        group=group,
        key=key,
        rate=disclosure_settings.LOGIN_FAILURE_RATE,
        method="POST",
        increment=count,
    )


def _user_named(username: str):
    User = get_user_model()
    return User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()


def login_failures_over_limit(request, *, count: bool) -> bool:
    """Whether the address or the user name has used up its failed sign-ins (``count``:
    add this one). The failure that uses them up is logged as a lock-out."""
    over = False
    for group, key in LOGIN_FAILURE_COUNTERS:
        usage = _failure_usage(request, group, key, count=count)
        if usage is None:
            continue
        over = over or usage["count"] >= usage["limit"]
        if count and usage["count"] == usage["limit"]:
            _lock_out_recorded(request, by=group, seconds=usage["time_left"])
    return over


def _lock_out_recorded(request, *, by: str, seconds: int) -> None:
    username = request.POST.get("username", "")
    user = _user_named(username)
    address = _address(request)
    logger.warning(
        "sign-in locked for %s s after repeated failures (%s, user %r, from %s)",
        seconds,
        by,
        username[:150],
        address,
    )
    if user is not None:
        user_event_log(
            user,
            "locked_out",
            by=None,
            data={
                "address": address,
                "seconds": seconds,
                "by": "address" if by.endswith("ip") else "username",
            },
        )


def lock_out_message(request) -> str:
    minutes = 15
    for group, key in LOGIN_FAILURE_COUNTERS:
        usage = _failure_usage(request, group, key, count=False)
        if usage and usage["count"] >= usage["limit"]:
            minutes = max(1, -(-usage["time_left"] // 60))
    return _("登录失败次数过多，账号已锁定，请 %(minutes)s 分钟后再试。") % {"minutes": minutes}
