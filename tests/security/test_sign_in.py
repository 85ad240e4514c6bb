"""Staff sign-in as 等保 2.0 level 3 asks: a second factor, a password policy with expiry
and no reuse, and sessions that end when left idle."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from gov_disclosure.pages import roles
from tests.disclosure_settings import DisclosureSettingsOverride
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

HOME = "/admin/"
STRONG = "Zhuangshi-2026-new"


@pytest.fixture
def officer(agency):
    return UserFactory(username="officer", role=roles.INFORMATION_OFFICER, role__agency=agency)


@pytest.fixture
def office(agency):
    return UserFactory(username="office", role=roles.OFFICE, role__agency=agency)


def sign_in(client, user, password=PASSWORD):
    return client.post(
        reverse("wagtailadmin_login"), {"username": user.username, "password": password}
    )


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def actions_of(user) -> list[str]:
    return list(
        ModelLogEntry.objects.filter(object_id=str(user.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )


# --- the second factor -----------------------------------------------------------------


def test_a_first_sign_in_sets_up_the_authenticator_and_shows_recovery_codes(
    client, officer, settings
):
    DisclosureSettingsOverride(settings).TWO_FACTOR_REQUIRED = "all"
    sign_in(client, officer)

    step = client.get(HOME)  # the admin waits for the second factor
    assert step.status_code == 302 and "/admin/security/two-factor/" in step["Location"]
    setup = client.get(step["Location"], follow=True)
    page = setup.content.decode()
    assert "设置两步验证" in page and 'src="data:image/svg+xml' in page
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    assert re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', page)

    wrong = client.post(setup.request["PATH_INFO"], {"token": "000000", "next": HOME})
    assert wrong.status_code == 400 and "验证码不正确" in wrong.content.decode()

    # django-otp makes a failed device wait a moment before it takes another code.
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5), tick=False):
        done = client.post(
            setup.request["PATH_INFO"], {"token": current_code(device), "next": HOME}
        )
    codes = re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())
    assert len(codes) == 10 and "只显示这一次" in done.content.decode()
    assert client.get(HOME).status_code == 200
    assert "disclosure_security.two_factor_enrolled" in actions_of(officer)


def test_every_later_sign_in_asks_for_a_code_and_a_recovery_code_works_once(
    client, officer, settings
):
    DisclosureSettingsOverride(settings).TWO_FACTOR_REQUIRED = "all"
    sign_in(client, officer)
    setup_url = client.get(HOME, follow=True).request["PATH_INFO"]
    device = TOTPDevice.objects.get(user=officer)
    page = client.post(setup_url, {"token": current_code(device)}).content.decode()
    recovery = re.findall(r"<li><code>(\w+)</code></li>", page)[0]
    client.logout()

    sign_in(client, officer)
    verify = client.get(HOME)
    assert "/admin/security/two-factor/?next=" in verify["Location"]
    refused = client.post(verify["Location"], {"token": "123456"})
    assert refused.status_code == 400 and "验证码不正确或已过期" in refused.content.decode()
    assert client.get(HOME).status_code == 302
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=60), tick=False):
        accepted = client.post(verify["Location"], {"token": current_code(device)})
    assert accepted.status_code == 302 and accepted["Location"] == HOME
    assert client.get(HOME).status_code == 200
    client.logout()

    for attempt in (1, 2):  # the recovery code opens once
        sign_in(client, officer)
        response = client.post(
            reverse("disclosure_security:two_factor_verify"), {"token": recovery}
        )
        assert response.status_code == (302 if attempt == 1 else 400)
        client.logout()
    assert "disclosure_security.two_factor_failed" in actions_of(officer)
    assert "disclosure_security.recovery_code_used" in actions_of(officer)


def test_the_second_factor_is_asked_of_the_roles_named(client, officer, office, settings):
    DisclosureSettingsOverride(settings).TWO_FACTOR_REQUIRED = [roles.OFFICE]

    sign_in(client, officer)
    assert client.get(HOME).status_code == 200
    client.logout()
    sign_in(client, office)
    assert client.get(HOME).status_code == 302


def test_public_pages_never_ask_for_the_second_factor(client, officer, settings, site_root):
    DisclosureSettingsOverride(settings).TWO_FACTOR_REQUIRED = "all"
    sign_in(client, officer)

    assert client.get("/").status_code == 200


# --- passwords -------------------------------------------------------------------------


def test_an_expired_password_must_be_changed_before_anything_else(client, officer, settings):
    DisclosureSettingsOverride(settings).PASSWORD_MAX_AGE_DAYS = 90
    with time_machine.travel(timezone.now() + datetime.timedelta(days=91)):
        sign_in(client, officer)
        response = client.get(reverse("wagtailadmin_explore_root"))
        assert "/admin/security/password-expired/" in response["Location"]
        page = client.get(response["Location"]).content.decode()
        assert "密码已过期，请修改" in page

        form = {"old_password": PASSWORD, "new_password1": "short", "new_password2": "short"}
        refused = client.post(response["Location"], form)
        assert refused.status_code == 400
        assert "密码须至少包含小写字母、大写字母、数字、符号中的 3 种" in refused.content.decode()

        form.update(new_password1=STRONG, new_password2=STRONG)
        changed = client.post(response["Location"], form)
        assert changed.status_code == 302
        assert client.get(HOME).status_code == 200
    officer.refresh_from_db()
    assert officer.check_password(STRONG)
    assert "disclosure_security.password_changed" in actions_of(officer)


def test_a_recent_password_cannot_be_used_again(officer):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    officer.set_password(STRONG)
    officer.save()
    officer.set_password("Another-pass-2027")
    officer.save()

    with pytest.raises(ValidationError, match="不能使用最近用过的 5 个密码"):
        validate_password(STRONG, officer)
    validate_password("Fresh-password-2028", officer)


def test_passwords_set_before_the_policy_count_from_the_upgrade(officer, settings):
    from gov_disclosure.security.sign_in import password_expired

    DisclosureSettingsOverride(settings).PASSWORD_MAX_AGE_DAYS = 90
    assert not password_expired(officer)
    officer.password_records.all().delete()  # as an account older than the records
    get_user_model().objects.filter(pk=officer.pk).update(
        date_joined=timezone.now() - datetime.timedelta(days=400)
    )
    officer.refresh_from_db()
    assert password_expired(officer)


# --- idle sessions ---------------------------------------------------------------------


def test_a_session_left_idle_ends(client, officer, settings):
    DisclosureSettingsOverride(settings).SESSION_IDLE_SECONDS = 1800
    sign_in(client, officer)
    assert client.get(HOME).status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=29)):
        assert client.get(HOME).status_code == 200  # activity keeps it open
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=29 + 31)):
        response = client.get(HOME, follow=True)
    assert "由于长时间未操作，您已退出登录" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_ins_are_logged_with_the_address(client, officer):
    sign_in(client, officer)

    entry = ModelLogEntry.objects.filter(
        object_id=str(officer.pk), action="disclosure_security.login"
    ).get()
    assert entry.data == {"address": "127.0.0.1"} and entry.user_id == officer.pk


def test_a_locked_sign_in_never_checks_the_password(client, officer):
    for _ in range(5):
        sign_in(client, officer, password="wrong")
    failures = actions_of(officer).count("disclosure_security.login_failed")

    locked = sign_in(client, officer, password="still-wrong")

    assert locked.status_code == 429
    assert 'value="officer"' in locked.content.decode()  # what was typed stays
    assert actions_of(officer).count("disclosure_security.login_failed") == failures == 5
    assert actions_of(officer)[-1] == "disclosure_security.locked_out"


def test_whoever_set_up_a_second_factor_is_asked_for_it(client, officer, settings):
    assert settings.GOV_DISCLOSURE.get("TWO_FACTOR_REQUIRED", "none") == "none"
    sign_in(client, officer)
    setup = client.get(reverse("disclosure_security:two_factor_setup"))
    assert setup.status_code == 200  # offered in the account settings to anyone
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    client.post(setup.request["PATH_INFO"], {"token": current_code(device)})
    client.logout()

    sign_in(client, officer)
    assert "/admin/security/two-factor/" in client.get(HOME)["Location"]
