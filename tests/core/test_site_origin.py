"""One public address: the default site follows WAGTAILADMIN_BASE_URL, and migrate says when
they differ."""

import io
import re

import pytest
from django.core.checks import run_checks
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def origin_warnings():
    return [m for m in run_checks(databases=["default"]) if m.id == "gov_disclosure.W005"]


def test_the_default_site_takes_the_configured_address():
    out = io.StringIO()

    with override_settings(WAGTAILADMIN_BASE_URL="https://gk.example.gov.cn/"):
        assert origin_warnings()  # Wagtail's localhost:80 is not the configured address
        call_command("site_origin", stdout=out)
        assert origin_warnings() == []

    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "https://gk.example.gov.cn"
    assert "已改为 https://gk.example.gov.cn" in out.getvalue()


def test_a_port_is_kept_and_a_second_run_changes_nothing():
    call_command("site_origin", "http://127.0.0.1:8000", stdout=io.StringIO())
    out = io.StringIO()
    call_command("site_origin", "http://127.0.0.1:8000", stdout=out)

    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"
    assert "已是 http://127.0.0.1:8000" in out.getvalue()


@pytest.mark.parametrize(
    "origin, message",
    [
        ("https://gk.example.gov.cn:8443", "https 只能使用 443 端口"),
        ("ftp://gk.example.gov.cn", "应为 http(s)://主机名[:端口]"),
        ("https://gk.example.gov.cn/gk", "不带路径"),
    ],
)
def test_an_address_a_site_cannot_have_is_refused_in_chinese(origin, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("site_origin", origin, stdout=io.StringIO())

    assert Site.objects.get(is_default_site=True).root_url == "http://localhost"


def test_a_setting_a_site_cannot_have_is_a_check_error():
    with override_settings(WAGTAILADMIN_BASE_URL="https://gk.example.gov.cn:8443"):
        errors = [m for m in run_checks(databases=["default"]) if m.id == "gov_disclosure.E007"]

    assert errors and "443" in errors[0].msg
