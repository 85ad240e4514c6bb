"""Two-factor sign-in in a real browser: a first sign-in sets up the authenticator from the
page's QR code and key and shows the recovery codes; the next one asks for a code."""

import base64

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from gov_disclosure.pages import roles
from tests.browser.conftest import VIEWPORTS
from tests.disclosure_settings import DisclosureSettingsOverride
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def code(secret_text: str, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the key written on the page (``steps_ahead``:
    the next 30-second code, as a phone whose clock runs a little ahead)."""
    key = base64.b32decode(
        secret_text.replace(" ", "") + "=" * (-len(secret_text.replace(" ", "")) % 8)
    )
    totp = TOTP(key)
    totp.drift = steps_ahead
    return f"{totp.token():06d}"


def sign_in(browser, live_server, user):
    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="zh-CN")
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    return context, page


def test_setting_up_and_signing_in_with_an_authenticator(
    browser, live_server, settings, agency, screenshot
):
    DisclosureSettingsOverride(settings).TWO_FACTOR_REQUIRED = "all"
    officer = UserFactory(username="officer", role=roles.INFORMATION_OFFICER, role__agency=agency)

    context, page = sign_in(browser, live_server, officer)
    page.wait_for_url("**/admin/security/two-factor/setup/**")
    assert page.get_by_role("heading", name="设置两步验证").is_visible()
    qr = page.get_by_role("img", name="身份验证器二维码")
    assert qr.evaluate("image => image.complete && image.naturalWidth > 100")
    secret = page.locator("#totp-secret").inner_text()
    screenshot(page, "two-factor-setup")

    page.get_by_label("验证码").fill(code(secret))
    page.get_by_role("button", name="完成设置").click()
    page.wait_for_selector("#recovery-codes")
    recovery = page.locator("#recovery-codes code").all_inner_texts()
    assert len(recovery) == 10 and len(set(recovery)) == 10
    page.get_by_role("link", name="我已保存，继续").click()
    page.wait_for_url(live_server.url + "/admin/")
    context.close()

    # The next sign-in asks for a code: a wrong one is refused next to the field.
    context, page = sign_in(browser, live_server, officer)
    page.wait_for_url("**/admin/security/two-factor/?next=**")
    page.get_by_label("验证码").fill("000000")
    page.get_by_role("button", name="验证").click()
    expect(page.get_by_role("status").get_by_text("验证码不正确或已过期")).to_be_visible()
    assert page.get_by_label("验证码").input_value() == "000000"  # what was typed stays
    page.wait_for_timeout(1500)  # django-otp makes a device wait after a failure
    page.get_by_label("验证码").fill(code(secret, steps_ahead=1))  # the enrolment's code is spent
    page.get_by_role("button", name="验证").click()
    page.wait_for_url(live_server.url + "/admin/")
    assert page.get_by_role("heading", level=1).first.is_visible()
    screenshot(page, "two-factor-signed-in")
    context.close()
