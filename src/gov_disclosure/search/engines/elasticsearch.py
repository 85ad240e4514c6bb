"""Runs the elasticsearch-dsl definitions on Elasticsearch 8 through the official client."""

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError, helpers

from .cluster import BULK_THREADS, ClusterEngine


class ElasticsearchEngine(ClusterEngine):
    unavailable_errors = (ApiError, TransportError)
    missing_index_errors = (NotFoundError,)
    client_helpers = helpers

    def __init__(self, url: str):
        super().__init__(
            Elasticsearch(hosts=[url], request_timeout=30, connections_per_node=BULK_THREADS + 2)
        )

    def _index_create(self, name, body):
        self.client.indices.create(index=name, settings=body["settings"], mappings=body["mappings"])

    def _aliases_update(self, actions):
        self.client.indices.update_aliases(actions=actions)

    def _document_index(self, index, document_id, source):
        self.client.index(index=index, id=document_id, document=source, refresh=True)

    def _document_delete(self, index, document_id):
        self.client.options(ignore_status=404).delete(index=index, id=document_id, refresh=True)

    def _search(self, index, body):
        return self.client.search(index=index, body=body).body

    def _msearch(self, lines):
        return self.client.msearch(searches=lines).body
