"""A Celery worker is killed (SIGKILL) in the middle of a reindex: searches keep answering
from the old, complete index; a rerun on a new worker finishes, switches and clears what
the killed one left behind."""

import signal
from urllib.parse import urlsplit

import pytest

from gov_disclosure.search.engines.opensearch import OpenSearchEngine
from gov_disclosure.search.queries import item_search
from gov_disclosure.search.services import index_rebuild
from gov_disclosure.search.tasks import rebuild_index
from tests.conftest import celery_worker_start
from tests.factories import ItemFactory
from tests.gate import Gate
from tests.search.test_opensearch_node import OPENSEARCH_URL, node_reachable
from tests.waiting import wait_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PREFIX = "disclosure-test-killed-"
ITEMS = 60


@pytest.fixture
def slow_engine(monkeypatch, disclosure_settings, postgres):
    """The worker reaches OpenSearch through a gate that slows every answer down, so that a
    rebuild takes long enough to be killed in the middle; this process reaches it directly."""
    from tests.conftest import require_service

    require_service(node_reachable(), "needs OpenSearch (OPENSEARCH_URL; scripts/services up)")
    node = urlsplit(OPENSEARCH_URL)
    gate = Gate(node.hostname, node.port, delay=0.5)
    gate.open()
    monkeypatch.setenv("SEARCH_URL", f"opensearch://127.0.0.1:{gate.port}")
    monkeypatch.setenv("SEARCH_INDEX_PREFIX", PREFIX)
    monkeypatch.setenv("SEARCH_BULK_DOCUMENTS", "5")  # many small requests: a slow build
    disclosure_settings.SEARCH_URL = OPENSEARCH_URL.replace("http://", "opensearch://")
    disclosure_settings.SEARCH_INDEX_PREFIX = PREFIX
    yield gate
    gate.shut()
    OpenSearchEngine(OPENSEARCH_URL).indexes_drop()


def hits(engine) -> int:
    return engine.execute(item_search(text="政府信息公开", index=engine.alias))["hits"]["total"][
        "value"
    ]


def test_searches_survive_a_worker_killed_mid_reindex_and_a_rerun_switches(
    slow_engine, category, department
):
    from tests.celery_app import app

    for n in range(ITEMS):
        ItemFactory(parent=category, publisher=department, live=True,
                    title=f"政府信息公开通知第{n}号", index_number=f"K/{n:03d}")  # fmt: skip
    engine = OpenSearchEngine(OPENSEARCH_URL)
    engine.indexes_drop()
    index_rebuild()  # the old, complete index, built here directly
    old = engine.indexes_behind_alias()
    assert hits(engine) == ITEMS

    worker = celery_worker_start()
    try:
        rebuild_index.delay()
        wait_for(
            lambda: set(engine.client.indices.get(index=f"{engine.alias}-*")) - set(old),
            "the worker never started building a new index",
        )
        assert hits(engine) == ITEMS  # answered from the old index during the build
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
        left_behind = set(engine.client.indices.get(index=f"{engine.alias}-*")) - set(old)
    finally:
        if worker.poll() is None:
            worker.kill()

    assert left_behind  # a half-built index, never switched to
    assert engine.indexes_behind_alias() == old
    assert hits(engine) == ITEMS

    worker = celery_worker_start()
    try:
        rebuild_index.delay()  # the rerun (the operator's, or the nightly reconcile's)
        wait_for(
            lambda: engine.indexes_behind_alias() != old,
            "the rerun did not switch to a new index",
            seconds=120,
        )
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        app.conf.task_always_eager = True

    assert hits(engine) == ITEMS
    remaining = set(engine.client.indices.get(index=f"{engine.alias}-*"))
    assert remaining == set(engine.indexes_behind_alias())  # the killed build is cleared
    assert not remaining & left_behind
