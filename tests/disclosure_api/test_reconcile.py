import io

import pytest
from django.core.management import call_command

from gov_disclosure.api.models import FeedEntry
from gov_disclosure.api.services import feed_reconcile
from gov_disclosure.pages.models import DisclosureItemPage
from gov_disclosure.pages.public_changes import public_pages_changed
from tests.disclosure_api.conftest import CHANGES, feed_titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def feed_not_following():
    """Publications made while the feed did not follow them (data loaded before it existed)."""
    receivers = public_pages_changed.receivers
    public_pages_changed.receivers = []
    yield
    public_pages_changed.receivers = receivers
    public_pages_changed.sender_receivers_cache.clear()


def test_reconcile_builds_the_feed_of_items_published_before_it(
    feed, site_root, make_item, publish, feed_not_following
):
    publish(make_item(title="早先发布的信息"))
    assert feed()["results"] == []

    drift = feed_reconcile(fix=True)

    assert (len(drift.stale), len(drift.extra)) == (1, 0)
    assert feed_titles(feed()["results"]) == ["早先发布的信息"]
    assert feed_reconcile().total == 0


def test_reconcile_takes_down_an_entry_whose_item_left_out_of_band(
    feed, site_root, make_item, publish
):
    item = publish(make_item(title="被绕过撤下的信息"))
    DisclosureItemPage.objects.filter(pk=item.pk).update(live=False)

    drift = feed_reconcile(fix=True)

    assert drift.extra == {item.pk}
    [change] = feed(CHANGES)["results"]
    assert (change["action"], change["reason"]) == ("delete", "unpublished")


def test_the_command_reports_progress_and_drift(site_root, make_item, publish, feed_not_following):
    publish(make_item(title="信息"))
    out = io.StringIO()

    call_command("feed_reconcile", stdout=out)
    assert "缺失或过期：1 条" in out.getvalue()
    assert not FeedEntry.objects.exists()

    out = io.StringIO()
    call_command("feed_reconcile", "--fix", stdout=out)
    assert "[1/1]" in out.getvalue()
    assert "已修复 1 条" in out.getvalue()
    assert FeedEntry.objects.count() == 1
