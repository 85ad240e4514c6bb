"""Admin login throttled against password guessing; the admin's address configurable."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from gov_disclosure.pages import roles
from tests.disclosure_settings import DisclosureSettingsOverride
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    # Any staff member: 区政务公开办 is held on the platform, with no agency to set up.
    return UserFactory(username="editor", role=roles.DISTRICT_OFFICE)


def attempt(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_five_failures_from_one_address_stop_even_the_right_password(client, editor, settings):
    DisclosureSettingsOverride(settings).LOGIN_FAILURE_RATE = "5/15m"
    for n in range(5):
        assert attempt(client, f"guess{n}", "wrong").status_code == 200

    response = attempt(client, "editor", PASSWORD)

    assert response.status_code == 429
    # django-ratelimit's windows are fixed: the lock lasts until this one ends.
    assert re.search(
        r"登录失败次数过多，账号已锁定，请 \d{1,2} 分钟后再试。", response.content.decode()
    )
    assert "_auth_user_id" not in client.session
    # Another address is not affected.
    assert attempt(client, "editor", PASSWORD, address="10.0.0.2").status_code == 302


def test_failures_against_one_account_from_many_addresses_are_stopped(client, editor):
    for n in range(5):
        attempt(client, "editor", "wrong", address=f"10.0.1.{n}")

    response = attempt(client, "editor", PASSWORD, address="10.0.2.1")

    assert response.status_code == 429
    # Each failure and the lock-out are in the account's log, with the address.
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(editor.pk))
        .order_by("pk")
        .values_list("action", "data")
    )
    assert [a for a, _ in actions].count("disclosure_security.login_failed") == 5
    assert actions[-1] == (
        "disclosure_security.locked_out",
        {"address": "10.0.1.4", "seconds": actions[-1][1]["seconds"], "by": "username"},
    )


def test_successful_logins_do_not_count(client, editor):
    for _ in range(8):
        assert attempt(client, "editor", PASSWORD).status_code == 302
        client.logout()


def test_the_admin_address_is_configurable():
    """A fresh process with ADMIN_PATH set serves the admin there and nothing at /admin/."""
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "from django.urls import resolve, reverse\n"
        "print(reverse('wagtailadmin_home'), reverse('wagtailadmin_login'))\n"
        "client = Client()\n"
        "print(client.get('/office-7f3a/').status_code, resolve('/admin/').url_name)\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "ADMIN_PATH": "office-7f3a",
        "DATABASE_URL": "sqlite://:memory:",
    }
    env.pop("CACHE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )

    paths, statuses = result.stdout.splitlines()[-2:]
    assert paths == "/office-7f3a/ /office-7f3a/login/"
    # The admin sends visitors to its login; /admin/ is just a (missing) public page.
    assert statuses == "302 wagtail_serve"
