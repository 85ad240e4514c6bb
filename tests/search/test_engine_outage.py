"""The engine goes away while editors publish: publishing succeeds, and a real Celery
worker indexes the item once the engine is back (the task retries with backoff)."""

from urllib.parse import urlsplit

import pytest

from gov_disclosure.search.engines.opensearch import OpenSearchEngine
from gov_disclosure.search.services import index_reconcile
from tests.conftest import require_service
from tests.factories import AgencyFactory, CategoryFactory, DepartmentFactory, ItemFactory
from tests.gate import Gate
from tests.search.test_opensearch_node import OPENSEARCH_URL, node_reachable
from tests.waiting import wait_for
from tests.workflow import publish_through_workflow

PREFIX = "disclosure-test-outage-"


@pytest.fixture
def gate(monkeypatch, disclosure_settings):
    """OpenSearch behind a gate, for this process and for the worker started after it."""
    require_service(node_reachable(), "needs OpenSearch (OPENSEARCH_URL; scripts/services up)")
    node = urlsplit(OPENSEARCH_URL)
    gate = Gate(node.hostname, node.port)
    url = f"opensearch://127.0.0.1:{gate.port}"
    monkeypatch.setenv("SEARCH_URL", url)
    monkeypatch.setenv("SEARCH_INDEX_PREFIX", PREFIX)
    disclosure_settings.SEARCH_URL, disclosure_settings.SEARCH_INDEX_PREFIX = url, PREFIX
    yield gate
    gate.shut()
    OpenSearchEngine(OPENSEARCH_URL).indexes_drop()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_item_published_while_the_engine_is_down_is_indexed_when_it_returns(
    gate, celery_worker, root_page
):
    direct = OpenSearchEngine(OPENSEARCH_URL)  # the node itself, not through the gate
    direct.indexes_drop()
    agency = AgencyFactory(parent=root_page)
    item = ItemFactory(
        parent=CategoryFactory(parent=agency),
        publisher=DepartmentFactory(agency=agency),
        title="停机期间发布的政府信息公开通知",
    )

    item = publish_through_workflow(item)  # the gate is closed: the engine is unreachable

    assert item.live and item.index_number
    wait_for(lambda: gate.refused > 0, "the worker never tried to index the item")
    assert direct.indexes_behind_alias() == []

    gate.open()

    def indexed() -> bool:
        return (
            bool(direct.indexes_behind_alias()) and str(item.pk) in direct.document_fingerprints()
        )

    wait_for(indexed, "the item was not indexed after the engine came back", seconds=90)
    # Converged: the nightly reconcile finds nothing to repair.
    assert index_reconcile().total == 0
