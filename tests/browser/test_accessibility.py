"""The public pages against WCAG 2.1 AA (axe-core), by keyboard, and in print."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.base import ContentFile
from django.urls import reverse
from playwright.sync_api import expect

from disclosure_pages.models import ItemAttachment
from tests.factories import DocumentFactory, GuideFactory
from tests.letters.conftest import LETTER, WRITER, answered

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def site(site_root, category, make_item, publish, office):
    from letters.services import letter_submit

    publish(GuideFactory(parent=site_root))
    document = DocumentFactory(title="预算表", file=ContentFile(b"a,b\n1,2\n", name="budget.csv"))
    item = make_item(title="庄市街道2025年财政预算", summary="公开2025年财政预算。")
    item.attachments = [ItemAttachment(document=document, title="预算表")]
    item = publish(item)
    letter = answered(
        office, letter_submit(agency=site_root, letter_fields=LETTER, writer_fields=WRITER)
    )
    return {
        "agency home": "/",
        "category": category.url,
        "item": item.url,
        "search": "/search/?q=预算",
        "request form": reverse("disclosure_requests:apply", args=[site_root.pk]),
        "request status": reverse("disclosure_requests:status"),
        "letter form": reverse("letters:write", args=[site_root.pk]),
        "letter status": reverse("letters:status"),
        "public answers": reverse("letters:answers", args=[site_root.pk]),
        "public answer": reverse("letters:answer", args=[site_root.pk, letter.pk]),
    }


def test_public_pages_pass_the_wcag_aa_checks(live_server, page, site):
    axe = Axe()
    failures = {}
    for name, path in site.items():
        page.goto(live_server.url + path)
        results = axe.run(page, options=WCAG_AA)
        if results.violations_count:
            failures[name] = results.generate_snapshot()

    assert failures == {}


def test_forms_with_errors_pass_the_wcag_aa_checks(live_server, page, site):
    page.goto(live_server.url + site["letter form"])
    page.get_by_role("button", name="提交来信").click()
    expect(page.get_by_role("alert").first).to_be_visible()

    results = Axe().run(page, options=WCAG_AA)

    assert results.violations_count == 0, results.generate_snapshot()


def test_the_keyboard_reaches_the_content_first(live_server, page, site):
    page.goto(live_server.url + site["item"])

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="跳到正文")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")

    assert page.evaluate("location.hash") == "#main"
    page.keyboard.press("Tab")
    # The next stop is inside the content, not the header's search box again.
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_pages_print_without_the_site_furniture(live_server, page, screenshot, site):
    page.goto(live_server.url + site["item"])
    page.emulate_media(media="print")

    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".breadcrumbs")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("table.metadata")).to_be_visible()
    screenshot(page, "print")


def test_every_asset_comes_from_the_site_itself(live_server, page, site):
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
    for path in site.values():
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")

    assert elsewhere == []
