"""Public pages served from the cache, and shown changed at once after a publication."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from gov_disclosure.pages.models import Validity
from gov_disclosure.review.services import item_unpublish, items_mark_lapsed
from tests.factories import DocumentFactory
from tests.workflow import superuser

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(site_root, make_item, publish, page_cache):
    return publish(make_item(title="庄市街道2025年财政预算"))


def get(client, url):
    """GET in a transaction's aftermath: what commits, invalidates."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response


def test_a_repeated_page_view_is_served_from_the_cache(client, item):
    first = get(client, item.url)
    second = get(client, item.url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["X-Frame-Options"] == "DENY"


def test_a_published_change_shows_at_once(
    client, item, publish, django_capture_on_commit_callbacks
):
    get(client, item.url)
    get(client, item.get_parent().url)

    item.title = "庄市街道2025年财政预算（调整）"
    with django_capture_on_commit_callbacks(execute=True):
        publish(item)

    assert "2025年财政预算（调整）" in get(client, item.url).content.decode()
    assert "2025年财政预算（调整）" in get(client, item.get_parent().url).content.decode()


def test_an_unpublished_item_is_gone_at_once(client, item, django_capture_on_commit_callbacks):
    category_url = item.get_parent().url
    get(client, item.url)
    assert item.title in get(client, category_url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        item_unpublish(item=item, user=superuser(), reason="信息已经过时")

    assert client.get(item.url).status_code == 404
    assert item.title not in get(client, category_url).content.decode()


def test_a_newly_published_item_appears_in_its_category_at_once(
    client, item, make_item, publish, django_capture_on_commit_callbacks
):
    category_url = item.get_parent().url
    get(client, category_url)

    with django_capture_on_commit_callbacks(execute=True):
        publish(make_item(title="关于开展安全生产检查的通知"))

    assert "关于开展安全生产检查的通知" in get(client, category_url).content.decode()


def test_a_change_is_not_shown_before_its_transaction_commits(client, item, publish):
    get(client, item.url)

    item.title = "尚未提交的标题"
    # The callbacks are not run: the publication has not committed for other visitors.
    publish(item)

    assert get(client, item.url)["X-Page-Cache"] == "hit"


def test_a_page_made_private_is_never_served_from_the_cache(
    client, item, django_capture_on_commit_callbacks
):
    get(client, item.url)

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=item, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )

    html = client.get(item.url).content.decode()
    assert "庄市街道2025年财政预算</h1>" not in html
    assert "password" in html


def test_validity_lapsing_on_its_date_shows_at_once(
    client, site_root, make_item, publish, page_cache, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    lapsing = publish(make_item(expiry_date=today + datetime.timedelta(days=30)))
    assert "本文件已失效" not in get(client, lapsing.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        items_mark_lapsed(today=today + datetime.timedelta(days=30))

    lapsing.refresh_from_db()
    assert lapsing.validity == Validity.EXPIRED
    assert "已失效" in get(client, lapsing.url).content.decode()


def test_a_replaced_attachment_shows_at_once(
    client, item, publish, django_capture_on_commit_callbacks
):
    from django.core.files.base import ContentFile

    from gov_disclosure.pages.models import ItemAttachment

    document = DocumentFactory(title="预算表", file=ContentFile(b"x" * 2048, name="budget.xlsx"))
    item.attachments = [ItemAttachment(document=document, title="2025年预算表")]
    with django_capture_on_commit_callbacks(execute=True):
        publish(item)
    assert "2.0\xa0KB" in get(client, item.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        document.file.save("budget.xlsx", ContentFile(b"x" * 4096))

    assert "4.0\xa0KB" in get(client, item.url).content.decode()


def test_signed_in_editors_are_never_served_stored_pages(client, item):
    get(client, item.url)
    editor = get_user_model().objects.create_superuser("editor", "e@example.gov.cn", "x")
    client.force_login(editor)

    response = get(client, item.url)

    assert "X-Page-Cache" not in response
    assert "wagtail-userbar" in response.content.decode()


def test_pages_with_forms_and_personal_pages_are_not_stored(client, item):
    agency = item.get_parent().get_parent()
    for url in (f"/requests/apply/{agency.pk}/", "/requests/status/"):
        client.cookies.clear()
        client.get(url)
        response = client.get(url)
        assert "X-Page-Cache" not in response, url
        assert "no-store" in response["Cache-Control"], url


def test_feeds_are_stored_and_follow_publications(
    client, item, make_item, publish, django_capture_on_commit_callbacks
):
    agency = item.get_parent().get_parent()
    feed = f"/feeds/agency/{agency.pk}/rss/"
    get(client, feed)
    assert get(client, feed)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        publish(make_item(title="街道召开安全生产会议"))

    assert "街道召开安全生产会议" in get(client, feed).content.decode()


def test_nothing_is_stored_when_page_caching_is_off(client, item, disclosure_settings):
    disclosure_settings.PAGE_CACHE_SECONDS = 0

    get(client, item.url)

    assert "X-Page-Cache" not in get(client, item.url)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_scheduled_publication_by_the_worker_shows_at_once(
    client, celery_worker, page_cache, root_page
):
    """The worker is another process: the new generation reaches the site through Redis."""
    import time

    from gov_disclosure.pages.models import DisclosureItemPage
    from gov_disclosure.review.tasks import run_publication_schedule
    from tests.factories import AgencyFactory, CategoryFactory, DepartmentFactory, ItemFactory
    from tests.waiting import wait_for
    from tests.workflow import publish_through_workflow

    agency = AgencyFactory(parent=root_page)
    site = Site.objects.get(is_default_site=True)
    site.root_page = agency
    site.save()
    category = publish_through_workflow(CategoryFactory(parent=agency))
    item = ItemFactory(
        parent=category, publisher=DepartmentFactory(agency=agency), title="定时发布的通知"
    )
    item.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    publish_through_workflow(item)
    get(client, category.url)
    assert get(client, category.url)["X-Page-Cache"] == "hit"

    time.sleep(max(0.0, (item.go_live_at - timezone.now()).total_seconds()) + 0.1)
    run_publication_schedule.delay()
    wait_for(
        lambda: DisclosureItemPage.objects.get(pk=item.pk).live,
        "the worker did not publish the scheduled item",
    )

    assert "定时发布的通知" in get(client, category.url).content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/disclosure/search/?q=预算",  # the search index follows publications later
        "/api/search/?q=预算",
        "/api/disclosure/v1/items/",
    ],
)
def test_search_and_the_apis_are_never_stored(client, item, path):
    for _ in range(2):
        response = client.get(path)
        assert "X-Page-Cache" not in response, path


def test_a_site_can_keep_more_paths_out_of_the_cache(client, item, disclosure_settings):
    assert get(client, "/sitemap.xml")["X-Page-Cache"] == "miss"

    disclosure_settings.PAGE_CACHE_EXCLUDED_PATHS = ["/sitemap.xml"]
    assert "X-Page-Cache" not in get(client, "/sitemap.xml")


def test_where_the_site_mounts_the_admin_is_found_not_assumed(settings):
    from gov_disclosure.page_cache.middleware import _excluded_prefixes

    settings.ROOT_URLCONF = "tests.page_cache.urls_admin_elsewhere"
    prefixes = _excluded_prefixes(settings.ROOT_URLCONF, ())

    assert "/office-7f3a/" in prefixes and "/admin/" not in prefixes
    assert {"/disclosure/search/", "/api/disclosure/v1/", "/documents/"} <= set(prefixes)


def test_a_page_in_elder_mode_is_stored_apart_from_the_standard_page(client, item):
    standard = get(client, item.url)
    client.get("/display/?elder=1&text=large")
    elder = get(client, item.url)
    client.cookies.clear()
    standard_again = get(client, item.url)

    assert 'data-display="normal"' in standard.content.decode()
    assert elder["X-Page-Cache"] == "miss"
    assert 'data-display="elder-large"' in elder.content.decode()
    assert standard_again["X-Page-Cache"] == "hit"
    assert 'data-display="normal"' in standard_again.content.decode()
