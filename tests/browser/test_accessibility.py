"""The public pages against WCAG 2.1 AA (axe-core), by keyboard, and in print."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def test_public_pages_pass_the_wcag_aa_checks(live_server, page, public_pages):
    axe = Axe()
    failures = {}
    for name, path in public_pages.items():
        page.goto(live_server.url + path)
        results = axe.run(page, options=WCAG_AA)
        if results.violations_count:
            failures[name] = results.generate_snapshot()

    assert failures == {}


def test_forms_with_errors_pass_the_wcag_aa_checks(live_server, page, public_pages):
    page.goto(live_server.url + public_pages["letter form"])
    page.get_by_role("button", name="提交来信").click()
    expect(page.get_by_role("alert").first).to_be_visible()

    results = Axe().run(page, options=WCAG_AA)

    assert results.violations_count == 0, results.generate_snapshot()


def test_the_keyboard_reaches_the_content_first(live_server, page, public_pages):
    page.goto(live_server.url + public_pages["item"])

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="跳到正文")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")

    assert page.evaluate("location.hash") == "#main"
    page.keyboard.press("Tab")
    # The next stop is inside the content, not the header's search box again.
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_pages_print_without_the_site_furniture(live_server, page, screenshot, public_pages):
    page.goto(live_server.url + public_pages["item"])
    page.emulate_media(media="print")

    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".breadcrumbs")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("table.metadata")).to_be_visible()
    screenshot(page, "print")


def test_every_asset_comes_from_the_site_itself(live_server, page, public_pages):
    """No CDN, web font or analytics: a closed government network must render every page."""
    elsewhere = []
    page.on(
        "request",
        lambda request: (
            elsewhere.append(request.url)
            if not request.url.startswith(live_server.url) and not request.url.startswith("data:")
            else None
        ),
    )
    for path in public_pages.values():
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")

    assert elsewhere == []
