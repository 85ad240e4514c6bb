"""The Content-Security-Policy in a real browser: the public pages and the admin work
under it, and Chromium reports no violation (a blocked script, style, image or frame)."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def watch_violations(page) -> list[str]:
    """Chromium logs every blocked load or inline script/style as a console error."""
    found = []
    page.on(
        "console",
        lambda message: (
            found.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return found


def test_public_pages_work_under_the_strict_policy(live_server, page, public_pages):
    violations = watch_violations(page)
    for path in public_pages.values():
        response = page.goto(live_server.url + path)
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy
        assert "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy
        page.wait_for_load_state("networkidle")

    # The site's own script still runs: the request form shows one applicant fieldset.
    page.goto(live_server.url + public_pages["request form"])
    page.get_by_label("法人或其他组织").check()
    expect(page.locator("#person-fields")).to_be_hidden()
    assert violations == []


def test_an_inline_script_is_refused_on_public_pages(live_server, page, public_pages):
    """What the policy is for: script injected into a page does not run."""
    violations = watch_violations(page)
    page.goto(live_server.url + public_pages["item"])
    page.evaluate(
        """() => {
            const script = document.createElement('script');
            script.textContent = 'window.injected = true';
            document.body.append(script);
        }"""
    )
    assert page.evaluate("window.injected === undefined")
    assert any("script-src" in violation for violation in violations)


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        "csp-admin", "csp-admin@example.gov.cn", PASSWORD
    )


def test_the_admin_works_under_its_policy(live_server, staff_page, superuser, public_pages):
    from gov_disclosure.pages.models import DisclosureGuidePage, DisclosureItemPage

    page = staff_page(superuser)
    violations = watch_violations(page)
    item = DisclosureItemPage.objects.order_by("pk").first()
    paths = [
        "/admin/",
        f"/admin/pages/{item.get_parent().pk}/",
        f"/admin/pages/{item.pk}/edit/",
        "/admin/standards/",
        "/admin/catalogue-import/",
        "/admin/documents/multiple/add/",
        "/admin/images/",
        "/admin/disclosure-requests/",
        "/admin/letters/",
        "/admin/annual-figures/",
        "/admin/users/",
        "/admin/workflows/list/",
        "/admin/reports/site-history/",
    ]
    for path in paths:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        # Directives in any order (django-csp's order varies from process to process).
        directives = {d.strip() for d in response.headers["content-security-policy"].split(";")}
        assert "connect-src 'self'" in directives
        assert "frame-ancestors 'self'" in directives
        page.wait_for_load_state("networkidle")

    # The editor: Draftail takes typing, and the preview panel frames the page.
    guide = DisclosureGuidePage.objects.get()
    page.goto(live_server.url + f"/admin/pages/{guide.pk}/edit/")
    editor = page.locator(".Draftail-Editor [contenteditable=true]").first
    editor.click()
    page.keyboard.type("补充说明")
    expect(editor).to_contain_text("补充说明")
    page.get_by_role("button", name="预览").click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(guide.title)
    page.wait_for_load_state("networkidle")

    # A public page seen by staff carries Wagtail's userbar, under the strict policy.
    page.goto(live_server.url + item.url)
    expect(page.locator("wagtail-userbar")).to_be_attached()
    page.wait_for_load_state("networkidle")
    assert violations == []
