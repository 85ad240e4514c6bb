import pytest

from search.engines import current_engine
from search.queries import item_search
from tests.conftest import require_service
from tests.search.test_opensearch_node import OPENSEARCH_URL, node_reachable


@pytest.fixture
def engine(settings):
    """The OpenSearch engine on the dev/CI node, with an index prefix of its own."""
    require_service(node_reachable(), "needs OpenSearch (OPENSEARCH_URL; scripts/services up)")
    settings.SEARCH_URL = OPENSEARCH_URL.replace("http://", "opensearch://")
    settings.SEARCH_INDEX_PREFIX = "disclosure-test-indexing-"
    engine = current_engine()
    engine.indexes_drop()
    yield engine
    engine.indexes_drop()


def titles(engine, text: str) -> list[str]:
    response = engine.execute(item_search(text=text, index=engine.alias))
    return [hit["_source"]["title"] for hit in response["hits"]["hits"]]
