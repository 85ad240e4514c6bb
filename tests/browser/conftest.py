"""Real browser tests: Playwright for Python driving Debian's Chromium, headless.

Chromium comes from Debian (``./scripts/services up`` installs it); Playwright's own
browser downloads are never used. Screenshots of the pages a test visits go to
``test-artifacts/screenshots/`` (``TEST_ARTIFACTS_DIR``), kept by CI.
"""

import os
import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import connections
from django.urls import reverse
from django.utils import timezone

from gov_disclosure.pages.models import ItemAttachment
from tests.conftest import require_service
from tests.factories import PASSWORD, DocumentFactory, GuideFactory
from tests.letters.conftest import (
    LETTER,
    WRITER,
    answered,
    office,  # noqa: F401 - staff for the letter round trip
)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without the background-networking switches Chromium keeps trying hosts this closed
# network refuses; --no-sandbox because CI runs as root.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS_DIR", Path(__file__).parents[2] / "test-artifacts"))
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def browser(live_server, transactional_db):
    """Chromium for one test. Playwright's event loop lives only as long as the test: the
    live server and the database are set up before it and torn down after it."""
    require_service(
        Path(CHROMIUM).is_file(), f"needs Chromium at {CHROMIUM} (apt-get install chromium)"
    )
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    finally:
        # While Playwright's event loop runs, Django keeps this thread's database
        # connections apart from those opened before; close them, or one outlives the
        # test and blocks dropping the test database.
        connections.close_all()
        playwright.stop()


@pytest.fixture(autouse=True)
def _orm_beside_playwright(monkeypatch):
    # Playwright's sync API keeps an event loop in the test's thread; the test's own
    # database calls (fixtures, assertions) are still plain synchronous code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(params=list(VIEWPORTS))
def page(request, browser):
    """A fresh page at a desktop and at a phone width (the test runs once for each)."""
    context = browser.new_context(
        viewport=VIEWPORTS[request.param], locale="zh-CN", accept_downloads=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot(request):
    """Save a full-page screenshot named after the test, the viewport and ``name``."""

    def take(page, name: str) -> Path:
        folder = ARTIFACTS / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        test = re.sub(r"[^\w-]+", "-", request.node.name).strip("-")
        path = folder / f"{test}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def public_pages(site_root, category, make_item, publish, office):  # noqa: F811
    """One public page of each kind, with content: name → path."""
    from gov_disclosure.feedback.models import Campaign, Question
    from gov_disclosure.feedback.services.campaigns import invitations_add
    from gov_disclosure.letters.services import letter_submit
    from gov_disclosure.pages.models import ItemRelation
    from gov_disclosure.standards.services import standard_area_apply
    from gov_disclosure.standards.spec import shipped_areas
    from gov_disclosure.website_reports.services import website_report_generate
    from gov_disclosure.website_reports.spec import normalized
    from tests.website_reports.conftest import MANUAL_ENTRIES
    from tests.workflow import publish_through_workflow

    publish(GuideFactory(parent=site_root))
    document = DocumentFactory(title="预算表", file=ContentFile(b"a,b\n1,2\n", name="budget.csv"))
    item = make_item(title="庄市街道2025年财政预算", summary="公开2025年财政预算。")
    item.attachments = [ItemAttachment(document=document, title="预算表")]
    item = publish(item)
    letter = answered(
        office, letter_submit(agency=site_root, letter_fields=LETTER, writer_fields=WRITER)
    )
    campaign = Campaign.objects.create(
        agency=site_root,
        title="政务公开民主评议",
        intro="请对本街道政务公开工作作出评价。",
        opens_on=timezone.localdate(),
        closes_on=timezone.localdate(),
    )
    Question.objects.create(campaign=campaign, text="主动公开的及时性", kind="scale")
    Question.objects.create(campaign=campaign, text="意见和建议", kind="text")
    [invitation] = invitations_add(campaign=campaign, text="张代表，人大代表", user=office.manager)
    website_report = website_report_generate(
        agency=site_root, year=timezone.localdate().year - 1, user=office.manager
    ).report
    website_report.figures = {**website_report.figures, **normalized(MANUAL_ENTRIES)}
    website_report = publish_through_workflow(website_report, submitter=office.manager)
    interpretation = make_item(title="图解：庄市街道2025年财政预算", summary="以图解解读财政预算。")
    interpretation.relations = [
        ItemRelation(target=item, kind="interpretation", interpretation_form="graphic")
    ]
    interpretation = publish(interpretation)
    standard_area_apply(  # 法规公文 fills the first 事项; the others get new categories
        agency=site_root,
        area=shipped_areas()["budgets"],
        user=office.manager,
        mapping={"01": category},
    )
    return {
        "agency home": "/",
        "category": category.url,
        "item": item.url,
        "search": "/disclosure/search/?q=预算",
        "request form": reverse("disclosure_requests:apply", args=[site_root.pk]),
        "request status": reverse("disclosure_requests:status"),
        "letter form": reverse("disclosure_letters:write", args=[site_root.pk]),
        "letter status": reverse("disclosure_letters:status"),
        "public answers": reverse("disclosure_letters:answers", args=[site_root.pk]),
        "public answer": reverse("disclosure_letters:answer", args=[site_root.pk, letter.pk]),
        "rating form": reverse("disclosure_feedback:rate", args=["item", item.pk]),
        "rating thanks": reverse("disclosure_feedback:rated", args=["item", item.pk]),
        "public ratings": reverse("disclosure_feedback:ratings", args=[site_root.pk]),
        "proposal form": reverse("disclosure_feedback:propose", args=[site_root.pk]),
        "proposal status": reverse("disclosure_feedback:proposal_status"),
        "public proposals": reverse("disclosure_feedback:proposals", args=[site_root.pk]),
        "review code": reverse("disclosure_feedback:review_code"),
        "review form": reverse("disclosure_feedback:review", args=[invitation.code]),
        "website report": website_report.url,
        "interpretation": interpretation.url,
        "standard catalogue": reverse("disclosure_standard_catalogue", args=[site_root.pk]),
    }


@pytest.fixture
def staff_page(browser, live_server):
    """A desktop browser signed in to the admin as ``user`` (a context of its own)."""
    contexts = []

    def sign_in(user):
        context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="zh-CN")
        contexts.append(context)
        page = context.new_page()
        page.goto(live_server.url + "/admin/login/")
        page.locator("#id_username").fill(user.username)
        page.locator("#id_password").fill(PASSWORD)
        page.locator("form button[type=submit]").click()
        page.wait_for_url(live_server.url + "/admin/")
        return page

    yield sign_in
    for context in contexts:
        context.close()
