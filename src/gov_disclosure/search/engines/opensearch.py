"""Runs the elasticsearch-dsl definitions on OpenSearch 2/3 through opensearch-py."""

from opensearchpy import OpenSearch, helpers
from opensearchpy.exceptions import ConnectionError as ClientConnectionError
from opensearchpy.exceptions import NotFoundError, TransportError

from .cluster import BULK_THREADS, ClusterEngine


class OpenSearchEngine(ClusterEngine):
    unavailable_errors = (ClientConnectionError, TransportError)
    missing_index_errors = (NotFoundError,)
    client_helpers = helpers

    def __init__(self, url: str):
        super().__init__(OpenSearch(hosts=[url], timeout=30, pool_maxsize=BULK_THREADS + 2))

    def _index_create(self, name, body):
        self.client.indices.create(index=name, body=body)

    def _aliases_update(self, actions):
        self.client.indices.update_aliases(body={"actions": actions})

    def _document_index(self, index, document_id, source):
        self.client.index(index=index, id=document_id, body=source, refresh=True)

    def _document_delete(self, index, document_id):
        self.client.delete(index=index, id=document_id, refresh=True, ignore=[404])

    def _search(self, index, body):
        return self.client.search(index=index, body=body)

    def _msearch(self, lines):
        return self.client.msearch(body=lines)
