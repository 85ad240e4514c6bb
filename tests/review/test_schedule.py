import datetime
import time

import pytest
from django.utils import timezone

from disclosure_pages.models import DisclosureItemPage
from disclosure_pages.tasks import publish_scheduled_pages
from tests.factories import AgencyFactory, CategoryFactory, DepartmentFactory, ItemFactory


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_publishes_a_scheduled_item_when_its_time_comes(celery_worker, root_page):
    agency = AgencyFactory(parent=root_page)
    item = ItemFactory(
        parent=CategoryFactory(parent=agency), publisher=DepartmentFactory(agency=agency)
    )
    go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    item.go_live_at = go_live_at
    item.save_revision().publish()
    item.refresh_from_db()
    assert not item.live and item.index_number == ""

    time.sleep(max(0.0, (go_live_at - timezone.now()).total_seconds()) + 0.1)
    publish_scheduled_pages.delay()

    deadline = time.monotonic() + 30
    while not DisclosureItemPage.objects.get(pk=item.pk).live:
        assert time.monotonic() < deadline, "the worker did not publish the scheduled item"
        time.sleep(0.2)
    item.refresh_from_db()
    assert item.index_number.endswith("-00001")
    assert item.publish_date == timezone.localdate()
