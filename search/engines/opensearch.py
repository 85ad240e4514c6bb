"""Runs the elasticsearch-dsl definitions on OpenSearch 2/3 through opensearch-py.

The DSL builds plain request bodies (``to_dict()``); this engine sends them.
Reindexing builds a new versioned index behind the alias and swaps the alias in
one request, so searches never see a half-built index.
"""

from collections.abc import Iterable

from django.utils import timezone
from elasticsearch.dsl import Search
from opensearchpy import OpenSearch, helpers

from search.documents import item_index, items_alias


class OpenSearchEngine:
    def __init__(self, url: str):
        self.client = OpenSearch(hosts=[url], timeout=30)
        self.alias = items_alias()

    def index_create(self) -> str:
        """A new, empty versioned index (not yet behind the alias)."""
        name = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"
        self.client.indices.create(index=name, body=item_index(name).to_dict())
        return name

    def index_publish(self, name: str) -> None:
        """Point the alias at ``name`` atomically, then drop the indexes it replaced."""
        old = self.indexes_behind_alias()
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(body={"actions": actions})
        for index in old:
            if index != name:
                self.client.indices.delete(index=index)

    def indexes_behind_alias(self) -> list[str]:
        if not self.client.indices.exists_alias(name=self.alias):
            return []
        return list(self.client.indices.get_alias(name=self.alias))

    def documents_load(self, index: str, documents: Iterable[dict]) -> int:
        """Bulk-load ``{"id": …, **fields}`` documents; returns how many were written."""
        actions = (
            {"_index": index, "_id": document["id"], "_source": _source(document)}
            for document in documents
        )
        written, _errors = helpers.bulk(self.client, actions, refresh="wait_for")
        return written

    def alias_ensure(self) -> None:
        """Create and publish an empty index when none exists yet (first use)."""
        if not self.client.indices.exists_alias(name=self.alias):
            self.index_publish(self.index_create())

    def document_put(self, document: dict) -> None:
        self.client.index(
            index=self.alias, id=document["id"], body=_source(document), refresh="wait_for"
        )

    def document_delete(self, document_id: int) -> None:
        self.client.delete(index=self.alias, id=document_id, refresh="wait_for", ignore=[404])

    def execute(self, search: Search) -> dict:
        return self.client.search(index=self.alias, body=search.to_dict())

    def index_drop(self, name: str) -> None:
        self.client.indices.delete(index=name, ignore_unavailable=True)

    def indexes_drop(self) -> None:
        """Remove every index of this alias (tests and teardown)."""
        self.client.indices.delete(index=f"{self.alias}-*", ignore_unavailable=True)


def _source(document: dict) -> dict:
    return {key: value for key, value in document.items() if key != "id"}
