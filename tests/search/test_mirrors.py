"""A district site searches the items it mirrors from its subdistricts beside its own."""

import pytest

from gov_disclosure.aggregation.models import Source
from gov_disclosure.aggregation.services import source_sync
from gov_disclosure.search.services import index_rebuild, index_reconcile
from tests.aggregation.fake_source import delete, record_of, upsert
from tests.search.conftest import titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def mirrored(
    engine, fake_source, site_root, make_item, publish, django_capture_on_commit_callbacks
):
    """Sync one record from a subdistrict; returns a function that syncs more."""
    source = Source.objects.create(name="庄市街道", base_url=fake_source.url)
    record = record_of(publish(make_item(title="本地信息")))
    record.update(id=900001, title="庄市街道部门预算公开", url="https://zs.example.gov.cn/x/")

    def sync(*changes):
        fake_source.answer(list(changes))
        with django_capture_on_commit_callbacks(execute=True):
            source_sync(source=source)

    sync(upsert(record))
    return record, sync


def test_a_mirrored_item_is_found_with_its_subdistrict_and_address(engine, mirrored):
    from gov_disclosure.search.queries import SearchRequest
    from gov_disclosure.search.services import search_run

    results = search_run(request=SearchRequest(text="部门预算"))

    [hit] = results.hits
    assert (hit.title, hit.url) == ("庄市街道部门预算公开", "https://zs.example.gov.cn/x/")
    assert hit.publisher == "庄市街道 党政办公室"


def test_a_tombstone_takes_the_mirrored_item_out_of_search(engine, mirrored):
    record, sync = mirrored

    sync(delete(record))

    assert titles(engine, "部门预算") == []


def test_a_rebuild_keeps_mirrored_items_and_reconcile_finds_no_drift(engine, mirrored):
    index_rebuild()

    assert titles(engine, "部门预算") == ["庄市街道部门预算公开"]
    assert index_reconcile().total == 0
