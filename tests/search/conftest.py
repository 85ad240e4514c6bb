import pytest

from gov_disclosure.search.engines import current_engine
from gov_disclosure.search.models import IndexGeneration
from gov_disclosure.search.queries import item_search
from tests.conftest import require_service
from tests.disclosure_settings import DisclosureSettingsOverride
from tests.search.test_opensearch_node import OPENSEARCH_URL, node_reachable

ENGINES = ["database", "opensearch"]
# The Elasticsearch engine, through its own client, against the OpenSearch node
# (tests/search/elasticsearch_compat.py explains why): for the engine-level tests.
ENGINES_WITH_ELASTICSEARCH = [*ENGINES, "elasticsearch"]
_compat = None


def _elasticsearch_compat_url() -> str:
    global _compat
    if _compat is None:
        from urllib.parse import urlsplit

        from tests.search.elasticsearch_compat import ElasticsearchCompat

        node = urlsplit(OPENSEARCH_URL)
        _compat = ElasticsearchCompat(node.hostname, node.port)
    return f"elasticsearch://127.0.0.1:{_compat.port}"


def use_engine(settings, name: str, prefix: str):
    """Configure ``name`` with an index prefix of its own and start from an empty index."""
    disclosure_settings = DisclosureSettingsOverride(settings)
    if name in ("opensearch", "elasticsearch"):
        require_service(node_reachable(), "needs OpenSearch (OPENSEARCH_URL; scripts/services up)")
        disclosure_settings.SEARCH_URL = (
            OPENSEARCH_URL.replace("http://", "opensearch://")
            if name == "opensearch"
            else _elasticsearch_compat_url()
        )
    else:
        disclosure_settings.SEARCH_URL = ""
    disclosure_settings.SEARCH_INDEX_PREFIX = prefix
    engine = current_engine()
    engine.indexes_drop()
    return engine


def loaded_engine(settings, name: str, prefix: str, documents: list[dict]):
    """``name`` with ``documents`` indexed and published; cleaned up afterwards."""
    engine = use_engine(settings, name, prefix)
    index = engine.index_create()
    engine.documents_load(index, documents)
    engine.index_publish(index)
    yield engine
    engine.indexes_drop()


@pytest.fixture(params=ENGINES)
def engine(request, settings, db):
    """Each search engine in turn: the database engine and the real OpenSearch node."""
    engine = use_engine(settings, request.param, "disclosure-test-indexing-")
    yield engine
    engine.indexes_drop()


def all_indexes(engine) -> set[str]:
    """Every index the engine holds for this prefix, behind the alias or not."""
    if hasattr(engine, "client"):
        return set(engine.client.indices.get(index=f"{engine.alias}-*"))
    return {str(pk) for pk in IndexGeneration.objects.values_list("pk", flat=True)}


def titles(engine, text: str) -> list[str]:
    response = engine.execute(item_search(text=text, index=engine.alias))
    return [hit["_source"]["title"] for hit in response["hits"]["hits"]]
