import datetime
import re
import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from gov_disclosure.pages.models import DisclosureItemPage
from gov_disclosure.pages.services import item_assign_index_number
from tests.factories import AgencyFactory, CategoryFactory, DepartmentFactory, ItemFactory
from tests.workflow import approve_current_step, submit

pytestmark = pytest.mark.django_db


def test_first_publication_gives_the_item_a_number_from_the_agency_pattern(
    agency, make_item, publish
):
    item = publish(make_item())

    year = timezone.localdate().year
    assert item.index_number == f"{agency.org_code}/{year}-00001"
    assert item.publish_date == timezone.localdate()


def test_serials_count_up_per_agency_and_year(agency, make_item, publish, root_page):
    first = publish(make_item())
    second = publish(make_item())
    other_agency = AgencyFactory(parent=root_page)
    other_item = ItemFactory(
        parent=CategoryFactory(parent=other_agency),
        publisher=DepartmentFactory(agency=other_agency),
    )
    publish(other_item)

    assert first.index_number.endswith("-00001")
    assert second.index_number.endswith("-00002")
    assert other_item.index_number == f"{other_agency.org_code}/{timezone.localdate().year}-00001"


def test_a_new_year_starts_again_at_one(make_item, publish):
    old = make_item(
        publish_date=datetime.date(2012, 12, 31), written_date=datetime.date(2012, 12, 1)
    )
    publish(old)
    new = publish(make_item())

    assert old.index_number.endswith("/2012-00001")
    assert new.index_number.endswith(f"/{timezone.localdate().year}-00001")


def test_custom_pattern_may_use_month_and_category_code(agency, make_item, publish):
    agency.index_number_pattern = "{org_code}-{category_code}-{year}{month:02d}-{serial:04d}"
    agency.save()
    item = make_item(publish_date=datetime.date(2013, 7, 9), written_date=datetime.date(2013, 7, 1))
    publish(item)

    assert item.index_number == f"{agency.org_code}-02-201307-0001"


def test_numbers_imported_from_an_earlier_system_are_skipped(agency, make_item, publish):
    year = timezone.localdate().year
    imported = make_item(live=True)
    DisclosureItemPage.objects.filter(pk=imported.pk).update(
        index_number=f"{agency.org_code}/{year}-00001"
    )

    item = publish(make_item())

    assert item.index_number == f"{agency.org_code}/{year}-00002"


def test_number_never_changes_when_the_item_is_edited_and_republished(make_item, publish):
    item = make_item()
    # An editor opened the draft before it was first published elsewhere.
    opened_before_publication = DisclosureItemPage.objects.get(pk=item.pk)
    publish(item)
    number, published_on = item.index_number, item.publish_date

    opened_before_publication.title = "修改后的标题"
    publish(opened_before_publication)
    item.refresh_from_db()

    assert item.title == "修改后的标题"
    assert item.index_number == number
    assert item.publish_date == published_on
    assert item.get_latest_revision_as_object().index_number == number


def test_unpublishing_and_republishing_keeps_the_number(make_item, publish):
    item = publish(make_item())
    number = item.index_number
    item.unpublish()
    publish(item)

    assert item.index_number == number


def test_a_copied_item_gets_its_own_number_when_published(category, make_item, publish):
    original = publish(make_item())
    copy = original.copy(
        update_attrs={"slug": "copy-of-item", "title": "复制的信息"}, keep_live=False
    )
    copy = DisclosureItemPage.objects.get(pk=copy.pk)
    assert copy.index_number == ""
    publish(copy)

    assert copy.index_number != original.index_number
    assert copy.index_number.endswith("-00002")


def test_an_item_scheduled_for_later_has_no_number_until_it_goes_live(make_item, publish):
    item = make_item()
    item.go_live_at = timezone.now() + datetime.timedelta(days=1)
    publish(item)

    assert not item.live
    assert item.index_number == ""


def test_an_item_that_cannot_be_numbered_is_not_published(agency, make_item, publish):
    # A pattern corrupted behind the form's back (validation would refuse it).
    type(agency).objects.filter(pk=agency.pk).update(
        index_number_pattern="{org_code}/{year}-{serial:zz}"
    )
    item = make_item()

    with pytest.raises(ValueError):
        publish(item)

    item.refresh_from_db()
    assert not item.live
    assert item.index_number == ""


def test_drafts_have_no_number(make_item):
    item = make_item()
    item.save_revision()
    item.refresh_from_db()

    assert item.index_number == ""
    assert item.publish_date is None


def test_the_database_refuses_a_duplicate_number(make_item, publish):
    item = publish(make_item())
    other = make_item()

    with pytest.raises(IntegrityError), transaction.atomic():
        DisclosureItemPage.objects.filter(pk=other.pk).update(index_number=item.index_number)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_publications_never_share_a_number(postgres, root_page):
    agency = AgencyFactory(parent=root_page)
    category = CategoryFactory(parent=agency)
    department = DepartmentFactory(agency=agency)
    workers = 12
    items = [ItemFactory(parent=category, publisher=department) for _ in range(workers)]
    start = threading.Barrier(workers)
    errors = []

    for item in items:
        # Every step but 党政办's final approval, which the threads then give at once.
        submit(item)
        approve_current_step(item)
        approve_current_step(item)

    def publish_at_once(item_id: int) -> None:
        try:
            item = DisclosureItemPage.objects.get(pk=item_id)
            start.wait()
            approve_current_step(item)
        except Exception as exc:  # reported below; a thread cannot fail the test itself
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=publish_at_once, args=(item.pk,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    numbers = list(
        DisclosureItemPage.objects.filter(pk__in=[i.pk for i in items]).values_list(
            "index_number", flat=True
        )
    )
    serials = sorted(int(re.search(r"-(\d{5})$", n).group(1)) for n in numbers)
    assert serials == list(range(1, workers + 1))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_one_item_twice_at_once_takes_one_serial(postgres, root_page):
    agency = AgencyFactory(parent=root_page)
    item = ItemFactory(
        parent=CategoryFactory(parent=agency), publisher=DepartmentFactory(agency=agency), live=True
    )
    start = threading.Barrier(4)
    results = []

    def assign() -> None:
        start.wait()
        try:
            results.append(
                item_assign_index_number(item=DisclosureItemPage.objects.get(pk=item.pk))
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=assign) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(set(results)) == 1
    assert results[0].endswith("-00001")
