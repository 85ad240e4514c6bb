"""定时发布, 定时下线 and 有效性 lapsing, run by a real Celery worker as beat would every minute."""

import datetime
import time

import pytest
import time_machine
from django.utils import timezone
from wagtail.models import PageLogEntry

from gov_disclosure.pages.models import DisclosureItemPage, Validity
from gov_disclosure.review.services import items_mark_lapsed
from gov_disclosure.review.tasks import run_publication_schedule
from gov_disclosure.schedule import BEAT_SCHEDULE
from tests.factories import AgencyFactory, CategoryFactory, DepartmentFactory, ItemFactory
from tests.waiting import wait_for
from tests.workflow import publish_through_workflow


def test_beat_runs_the_schedule_every_minute():
    entry = BEAT_SCHEDULE["publication-schedule"]
    assert entry["task"] == run_publication_schedule.name
    assert entry["schedule"] == 60.0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_publishes_an_approved_item_when_its_time_comes(celery_worker, root_page):
    agency = AgencyFactory(parent=root_page)
    item = ItemFactory(
        parent=CategoryFactory(parent=agency), publisher=DepartmentFactory(agency=agency)
    )
    item.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    publish_through_workflow(item)
    assert not item.live and item.index_number == ""

    time.sleep(max(0.0, (item.go_live_at - timezone.now()).total_seconds()) + 0.1)
    run_publication_schedule.delay()

    wait_for(
        lambda: DisclosureItemPage.objects.get(pk=item.pk).live,
        "the worker did not publish the scheduled item",
    )
    item.refresh_from_db()
    assert item.index_number.endswith("-00001")
    assert item.publish_date == timezone.localdate()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_takes_an_expired_item_offline(celery_worker, root_page):
    agency = AgencyFactory(parent=root_page)
    item = ItemFactory(
        parent=CategoryFactory(parent=agency), publisher=DepartmentFactory(agency=agency)
    )
    item.expire_at = timezone.now() + datetime.timedelta(seconds=3)
    item = publish_through_workflow(item)
    assert item.live

    time.sleep(max(0.0, (item.expire_at - timezone.now()).total_seconds()) + 0.1)
    run_publication_schedule.delay()

    wait_for(
        lambda: not DisclosureItemPage.objects.get(pk=item.pk).live,
        "the worker did not unpublish the expired item",
    )
    assert PageLogEntry.objects.filter(page=item, action="wagtail.unpublish.scheduled").exists()


@pytest.mark.django_db
def test_validity_turns_expired_on_the_expiry_date_and_is_logged(make_item, publish):
    today = timezone.localdate()
    lapsing = publish(make_item(expiry_date=today + datetime.timedelta(days=1)))
    later = publish(make_item(expiry_date=today + datetime.timedelta(days=2)))
    draft = make_item(expiry_date=today)
    assert lapsing.validity == Validity.VALID

    with time_machine.travel(timezone.now() + datetime.timedelta(days=1), tick=True):
        assert items_mark_lapsed() == 1

        lapsing.refresh_from_db()
        later.refresh_from_db()
        assert lapsing.validity == Validity.EXPIRED
        assert later.validity == Validity.VALID
        assert DisclosureItemPage.objects.get(pk=draft.pk).validity == Validity.VALID
        assert PageLogEntry.objects.filter(
            page=lapsing, action="disclosure.validity_lapsed"
        ).exists()
        # A later edit cannot bring it back to 有效: every revision after the date reads 已失效.
        lapsing.title = "修改标题"
        assert publish(lapsing).validity == Validity.EXPIRED
        assert items_mark_lapsed() == 0


@pytest.mark.django_db
def test_the_public_page_shows_the_expired_validity(make_item, publish, site_root, client):
    item = publish(make_item(expiry_date=timezone.localdate() + datetime.timedelta(days=1)))
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        items_mark_lapsed()

    assert "已失效" in client.get(item.url).content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_checks_a_revision_once_it_is_submitted(celery_worker, root_page):
    from gov_disclosure.review.models import RevisionCheck

    agency = AgencyFactory(parent=root_page)
    item = ItemFactory(
        parent=CategoryFactory(parent=agency),
        publisher=DepartmentFactory(agency=agency),
        summary="联系人手机 13812345678",
    )
    revision = item.save_revision()
    # Committed (transaction=True), so the on-commit hook hands the id to the worker.
    item.get_workflow().start(item, None)

    wait_for(
        lambda: RevisionCheck.objects.filter(revision=revision).exists(),
        "the worker did not check the submitted revision",
    )
    check = RevisionCheck.objects.get(revision=revision)
    assert [finding.kind for finding in check.findings.all()] == ["mobile"]
