"""长辈版 and text sizes as a visitor meets them: links that work without scripts, a choice
remembered from page to page, every public page accessible at the largest size."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_accessibility import WCAG_AA

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def root_font_px(page) -> float:
    return float(page.evaluate("getComputedStyle(document.documentElement).fontSize")[:-2])


def test_elder_mode_enlarges_the_page_and_is_remembered(live_server, browser, public_pages):
    # Without scripts: the choice is a link and a cookie.
    context = browser.new_context(java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    page.goto(live_server.url + public_pages["agency home"])
    standard = root_font_px(page)

    page.get_by_role("link", name="长辈版").click()
    elder = root_font_px(page)
    page.goto(live_server.url + public_pages["item"])

    assert elder >= standard * 1.25
    expect(page.get_by_role("link", name="退出长辈版")).to_be_visible()
    assert root_font_px(page) == elder  # remembered on the next page
    page.get_by_role("link", name="特大").click()
    assert root_font_px(page) == standard * 1.5
    expect(page.get_by_role("link", name="特大")).to_have_attribute("aria-current", "true")
    page.get_by_role("link", name="退出长辈版").click()
    assert root_font_px(page) == standard * 1.25  # 特大 is kept, 长辈版 left
    context.close()


def test_every_public_page_passes_wcag_aa_in_elder_mode_at_the_largest_size(
    live_server, page, public_pages, screenshot
):
    page.goto(live_server.url + "/display/?elder=1&text=larger")
    failures, overflowing = {}, []
    for name, path in public_pages.items():
        page.goto(live_server.url + path)
        assert page.locator('[data-display="elder-larger"]').count() == 1, name
        results = Axe().run(page, options=WCAG_AA)
        if results.violations_count:
            failures[name] = results.generate_snapshot()
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"):
            overflowing.append(name)
        # Links and buttons of the page frame are big enough to hit.
        small = page.evaluate(
            """() => [...document.querySelectorAll('.display-settings a, button')]
                .filter(e => e.getBoundingClientRect().height < 44).length"""
        )
        assert small == 0, name

    assert failures == {}
    assert overflowing == []
    page.goto(live_server.url + public_pages["item"])
    screenshot(page, "elder-item")
