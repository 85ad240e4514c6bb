"""What the OpenSearch and Elasticsearch engines share: versioned indexes behind an alias.

The DSL builds plain request bodies (``to_dict()``); the engines send them. A rebuild
fills a new versioned index and swaps the alias in one request, so searches never
see a half-built index.
"""

import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from itertools import islice

import django
from django.utils import timezone
from elasticsearch.dsl import Search

from gov_disclosure.conf import disclosure_settings
from gov_disclosure.search.documents import (
    REFRESH_INTERVAL,
    index_body,
    indexed_document,
    items_alias,
)

from .errors import SearchEngineUnavailable

BULK_THREADS = 2


def bulk_actions(index: str, batch: list[dict]) -> list[dict]:
    return [
        {"_index": index, "_id": document["id"], "_source": indexed_document(document)}
        for document in batch
    ]


def _spawnable() -> bool:
    # A spawned process imports the main module again from its file: a program read from
    # standard input has none.
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    return path is None or os.path.exists(path)


@contextmanager
def term_makers() -> Iterator[tuple[Executor, int]]:
    """Processes that make the documents' terms, one per core; this process alone where it
    may not start any (a Celery worker's pool process is a daemon), cannot (a program read
    from standard input) or has one core."""
    cores = os.cpu_count() or 1
    if cores < 2 or multiprocessing.current_process().daemon or not _spawnable():
        with ThreadPoolExecutor(1) as here:
            yield here, 1
        return
    # Spawned, not forked: this process has threads (the client's, the senders).
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(cores, mp_context=context, initializer=django.setup) as pool:
        yield pool, cores


class ClusterEngine:
    # The client library's ``helpers`` module (bulk, scan: the same in both libraries).
    client_helpers = None
    # Client exceptions meaning "not now": the caller retries later.
    unavailable_errors: tuple[type[Exception], ...] = ()
    # Raised when the alias does not exist yet: nothing was ever indexed.
    missing_index_errors: tuple[type[Exception], ...] = ()

    def __init__(self, client):
        self.client = client
        self.alias = items_alias()

    @contextmanager
    def _unavailable_as_error(self) -> Iterator[None]:
        try:
            yield
        except self.unavailable_errors as error:
            if getattr(error, "status_code", None) == 400:
                raise  # a malformed request is a bug here, not a reason to retry
            raise SearchEngineUnavailable(str(error)) from error

    # -- what differs between the two clients --------------------------------------
    def _index_create(self, name: str, body: dict) -> None:
        raise NotImplementedError

    def _aliases_update(self, actions: list[dict]) -> None:
        raise NotImplementedError

    # Single documents are written with an immediate refresh: an office publishes a few
    # items an hour, and the public should find each one at once.
    def _document_index(self, index: str, document_id: str, source: dict) -> None:
        raise NotImplementedError

    def _document_delete(self, index: str, document_id: str) -> None:
        raise NotImplementedError

    def _search(self, index: str, body: dict) -> dict:
        raise NotImplementedError

    def _bulk(self, actions: list[dict]) -> int:
        written, _errors = self.client_helpers.bulk(self.client, actions, chunk_size=len(actions))
        return written

    def _msearch(self, lines: list[dict]) -> dict:
        raise NotImplementedError

    def _scan(self, index: str, body: dict) -> Iterator[dict]:
        return self.client_helpers.scan(self.client, index=index, query=body)

    # -- the engine interface -------------------------------------------------------
    def index_create(self) -> str:
        """A new, empty versioned index (not yet behind the alias)."""
        name = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"
        with self._unavailable_as_error():
            self._index_create(name, index_body(name))
        return name

    def index_publish(self, name: str) -> None:
        """Point the alias at ``name`` atomically, then drop the indexes it replaced and
        any older index a killed rebuild left unfinished (names sort by creation time)."""
        old = self.indexes_behind_alias()
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        with self._unavailable_as_error():
            self.client.indices.put_settings(
                index=name, body={"index": {"refresh_interval": REFRESH_INTERVAL}}
            )
            self.client.indices.refresh(index=name)
            self._aliases_update(actions)
            abandoned = [i for i in self.client.indices.get(index=f"{self.alias}-*") if i < name]
            for index in set(old + abandoned) - {name}:
                self.client.indices.delete(index=index, ignore_unavailable=True)

    def indexes_behind_alias(self) -> list[str]:
        with self._unavailable_as_error():
            if not self.client.indices.exists_alias(name=self.alias):
                return []
            return list(self.client.indices.get_alias(name=self.alias))

    def documents_load(self, index: str, documents: Iterable[dict]) -> int:
        """Bulk-load ``{"id": …, **fields}`` documents; returns how many were written."""
        # Documents are read (from the database) in this thread, their terms made in
        # worker processes (the segmentation is Python: one core each), and BULK_THREADS
        # requests kept in flight for the engine's indexing threads. No refresh per
        # request: publishing the index refreshes it once.
        written = 0
        in_flight: list[Future] = []
        prepared: list[Future] = []
        with (
            self._unavailable_as_error(),
            ThreadPoolExecutor(BULK_THREADS) as senders,
            term_makers() as (makers, workers),
        ):

            def send(actions: list[dict]) -> None:
                nonlocal written
                in_flight.append(senders.submit(self._bulk, actions))
                if len(in_flight) >= BULK_THREADS:
                    written += in_flight.pop(0).result()

            documents = iter(documents)
            while batch := list(islice(documents, disclosure_settings.SEARCH_BULK_DOCUMENTS)):
                prepared.append(makers.submit(bulk_actions, index, batch))
                if len(prepared) > workers:  # every maker busy, one batch waiting
                    send(prepared.pop(0).result())
            for future in prepared:
                send(future.result())
            for future in in_flight:
                written += future.result()
        return written

    def alias_ensure(self) -> None:
        """Create and publish an empty index when none exists yet (first use)."""
        if not self.indexes_behind_alias():
            self.index_publish(self.index_create())

    def document_put(self, document: dict) -> None:
        with self._unavailable_as_error():
            self._document_index(self.alias, document["id"], indexed_document(document))

    def document_delete(self, document_id: str) -> None:
        with self._unavailable_as_error():
            self._document_delete(self.alias, document_id)

    def execute(self, search: Search) -> dict:
        """Run a search of the alias; the answer is in the Elasticsearch format."""
        body = search.to_dict()
        with self._unavailable_as_error():
            try:
                return self._search(self.alias, body)
            except self.missing_index_errors:
                return _no_hits()

    def execute_many(self, searches: list[Search]) -> list[dict]:
        """Several searches of the alias in one request (``_msearch``), answers in order."""
        lines = []
        for search in searches:
            lines += [{"index": self.alias}, search.to_dict()]
        with self._unavailable_as_error():
            responses = self._msearch(lines)["responses"]
        answers = []
        for response in responses:
            if "error" not in response:
                answers.append(response)
            elif response.get("status") == 404:
                answers.append(_no_hits())
            else:
                raise SearchEngineUnavailable(str(response["error"]))
        return answers

    def document_fingerprints(self) -> dict[str, str]:
        """Every document id in the alias with its content fingerprint (for reconcile)."""
        body = {"query": {"match_all": {}}, "_source": ["fingerprint"]}
        with self._unavailable_as_error():
            return {
                hit["_id"]: hit["_source"].get("fingerprint", "")
                for hit in self._scan(self.alias, body)
            }

    def index_drop(self, name: str) -> None:
        with self._unavailable_as_error():
            self.client.indices.delete(index=name, ignore_unavailable=True)

    def indexes_drop(self) -> None:
        """Remove every index of this alias (tests and teardown). Names are listed
        first: Elasticsearch 8 refuses wildcard deletes by default."""
        with self._unavailable_as_error():
            names = list(self.client.indices.get(index=f"{self.alias}-*"))
            for name in names:
                self.client.indices.delete(index=name, ignore_unavailable=True)


def _no_hits() -> dict:
    """The answer while nothing was ever indexed (the alias does not exist yet)."""
    return {"hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}
