"""The embedded default: search documents as rows of the project's own database.

Works on SQLite and PostgreSQL with no other service. Each rebuild writes a new
``IndexGeneration`` and publishes it when complete, like the alias switch of the
other engines. Words are found through a full-text index (FTS5 on SQLite, a GIN
tsvector on PostgreSQL, see ``fulltext.py``), never by scanning the text; the
matching rows' sort keys and facet values are then read in one query, and only
the requested page in full.
"""

import datetime
import heapq
import json
from collections import Counter
from collections.abc import Iterable
from itertools import islice
from operator import itemgetter

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from elasticsearch.dsl import Search

from gov_disclosure.search.documents import document_terms, items_alias
from gov_disclosure.search.models import IndexGeneration, SearchEntry, SearchEntryText

from .database_query import MULTI_VALUED, plan, rescore_plan
from .fulltext import PostgresFullText, full_text

BATCH_SIZE = 500
ENTRY_FIELDS = [
    f.name
    for f in SearchEntry._meta.concrete_fields
    if f.name not in ("id", "generation", "vector", "head_vector")
]
TEXT_FIELDS = [f.name for f in SearchEntryText._meta.concrete_fields if f.name != "entry"]
STORED_FIELDS = ENTRY_FIELDS + TEXT_FIELDS
RESCORE_WINDOW = 200


class DatabaseEngine:
    alias = property(lambda self: items_alias())

    # -- builds ---------------------------------------------------------------------
    def _current(self) -> IndexGeneration | None:
        return (
            IndexGeneration.objects.filter(published_at__isnull=False)
            .order_by("-published_at", "-pk")
            .first()
        )

    def index_create(self) -> str:
        with transaction.atomic():
            generation = IndexGeneration.objects.create()
            full_text().create(generation.pk)
        return str(generation.pk)

    def index_publish(self, name: str) -> None:
        """Make build ``name`` the one searched; drop the builds it replaces, and any
        older build a killed rebuild left unfinished."""
        with transaction.atomic():
            IndexGeneration.objects.filter(pk=int(name)).update(published_at=timezone.now())
            replaced = IndexGeneration.objects.exclude(pk=int(name)).filter(
                Q(published_at__isnull=False) | Q(pk__lt=int(name))
            )
            self._generations_drop(replaced)

    def _generations_drop(self, generations) -> None:
        for pk in list(generations.values_list("pk", flat=True)):
            full_text().drop(pk)
        generations.delete()

    def indexes_behind_alias(self) -> list[str]:
        current = self._current()
        return [str(current.pk)] if current else []

    def alias_ensure(self) -> None:
        self._current_or_new()

    def _current_or_new(self) -> IndexGeneration:
        current = self._current()
        if current is None:
            self.index_publish(self.index_create())
            current = self._current()
        return current

    def index_drop(self, name: str) -> None:
        self._generations_drop(IndexGeneration.objects.filter(pk=int(name)))

    def indexes_drop(self) -> None:
        self._generations_drop(IndexGeneration.objects.all())

    # -- documents ------------------------------------------------------------------
    def documents_load(self, index: str, documents: Iterable[dict]) -> int:
        generation_id = int(index)
        documents = iter(documents)
        written = 0
        index = full_text()
        while batch := list(islice(documents, BATCH_SIZE)):
            terms = [document_terms(document) for document in batch]
            with transaction.atomic():
                entries = SearchEntry.objects.bulk_create(
                    [
                        SearchEntry(generation_id=generation_id, **_row(document, index, term))
                        for document, term in zip(batch, terms, strict=True)
                    ]
                )
                SearchEntryText.objects.bulk_create(
                    [
                        SearchEntryText(entry=entry, **_texts(document))
                        for entry, document in zip(entries, batch, strict=True)
                    ]
                )
                index.write(generation_id, [(e.pk, t) for e, t in zip(entries, terms, strict=True)])
            written += len(batch)
        return written

    def document_put(self, document: dict) -> None:
        index = full_text()
        terms = document_terms(document)
        row = _row(document, index, terms)
        with transaction.atomic():
            generation = self._current_or_new()
            entry, _created = SearchEntry.objects.update_or_create(
                generation=generation, document_id=row.pop("document_id"), defaults=row
            )
            SearchEntryText.objects.update_or_create(entry=entry, defaults=_texts(document))
            index.delete(generation.pk, [entry.pk])
            index.write(generation.pk, [(entry.pk, terms)])

    def document_delete(self, document_id: str) -> None:
        generation = self._current()
        if generation is None:
            return
        entries = SearchEntry.objects.filter(generation=generation, document_id=document_id)
        with transaction.atomic():
            full_text().delete(generation.pk, list(entries.values_list("pk", flat=True)))
            entries.delete()

    def document_fingerprints(self) -> dict[str, str]:
        return dict(
            SearchEntry.objects.filter(generation=self._current()).values_list(
                "document_id", "fingerprint"
            )
        )

    # -- searching ------------------------------------------------------------------
    def execute(self, search: Search) -> dict:
        return self.execute_many([search])[0]

    def execute_many(self, searches: list[Search]) -> list[dict]:
        """Answers in order. Searches with the same query share one pass over the
        table (the page of hits and the facets of one search, typically)."""
        bodies = [search.to_dict() for search in searches]
        keys = [json.dumps(body.get("query", {"match_all": {}}), sort_keys=True) for body in bodies]
        generation = self._current()
        passes: dict[str, list[dict]] = {}
        for key, body in zip(keys, bodies, strict=True):
            passes.setdefault(key, []).append(body)
        rows_by_query = {
            key: self._matching_rows(generation, json.loads(key), group)
            for key, group in passes.items()
        }
        return [
            self._answer(generation, body, rows_by_query[key])
            for key, body in zip(keys, bodies, strict=True)
        ]

    def _matching_rows(self, generation, query: dict, bodies: list[dict]) -> list[dict]:
        """Id, score, and every sort key and facet field the bodies need, of each match."""
        wanted = set()
        for body in bodies:
            wanted |= set(_sort_keys(body.get("sort", ["_score"])))
            wanted |= {spec["terms"]["field"] for spec in body.get("aggs", {}).values()}
        wanted.discard("_score")
        if generation is None:
            return []
        query_plan = plan(query)
        rows = SearchEntry.objects.filter(generation=generation).filter(query_plan.filter)
        if query_plan.match is None:
            return [
                {**row, "_score": 0.0} for row in rows.values("pk", "document_id", *sorted(wanted))
            ]
        # Boosts (words standing together, an exact key) only reorder the best matches,
        # as Elasticsearch's rescore does: they are checked on the first RESCORE_WINDOW by
        # relevance. A pass that returns no hits or orders by date needs no relevance.
        ranked = any(
            int(body.get("size", 10)) > 0
            and next(iter(_sort_keys(body.get("sort", ["_score"]))), "_score") == "_score"
            for body in bodies
        )
        index = full_text()
        columns = sorted(wanted | {"document_id"})
        matched = index.found(generation.pk, query_plan.match, columns=columns, ranked=ranked)
        if matched and query_plan.filter != Q():
            ids = [row[0] for row in matched]
            kept = set(
                rows.filter(index.among(generation.pk, query_plan.match, ids)).values_list(
                    "pk", flat=True
                )
            )
            matched = [row for row in matched if row[0] in kept]
        names = ["pk", "_score", *columns]
        found = [dict(zip(names, row, strict=True)) for row in matched]
        window_size, checks = RESCORE_WINDOW, list(query_plan.boosts)
        rescore = next((body["rescore"] for body in bodies if body.get("rescore")), None)
        if rescore:
            window_size, rescoring = rescore_plan(rescore)
            checks += rescoring
        if ranked and checks:
            window = heapq.nlargest(window_size, found, key=itemgetter("_score"))
            scores = index.relevance_among(
                generation.pk, [match for match, _ in checks], [row["pk"] for row in window]
            )
            for row in window:
                row["_score"] += sum(
                    boost * checked.get(row["pk"], 0.0)
                    for checked, (_, boost) in zip(scores, checks, strict=True)
                )
        return found

    def _answer(self, generation, body: dict, rows: list[dict]) -> dict:
        aggregations = body.get("aggs", {})
        start, size = int(body.get("from", 0)), int(body.get("size", 10))
        page = []
        if size > 0:
            rows = list(rows)
            for key, descending in reversed(_sort_keys(body.get("sort", ["_score"])).items()):
                rows.sort(key=lambda row: _sortable(row[key]), reverse=descending)
            page = rows[start : start + size]

        entries = {
            entry.pk: entry
            for entry in SearchEntry.objects.filter(pk__in=[row["pk"] for row in page])
            .select_related("text")
            .defer("vector", "head_vector")
        }
        excluded = _excluded_fields(body.get("_source", True))
        hits = [_hit(entries[row["pk"]], row["_score"], excluded) for row in page]
        response = {"hits": {"total": {"value": len(rows), "relation": "eq"}, "hits": hits}}
        if aggregations:
            response["aggregations"] = {
                name: {
                    "buckets": _buckets(rows, spec["terms"]["field"], spec["terms"].get("size", 10))
                }
                for name, spec in aggregations.items()
            }
        return response


def _row(document: dict, index, terms: dict) -> dict:
    row = {"document_id": str(document["id"])}
    if isinstance(index, PostgresFullText):
        row["vector"] = index.vector(terms)
        row["head_vector"] = index.head_vector(terms)
    for field in ENTRY_FIELDS:
        if field in document:
            value = document[field]
            if field in MULTI_VALUED:
                value = "".join(f"\n{item}" for item in value) + "\n" if value else ""
            row[field] = "" if value is None and field not in _NULLABLE else value
    return row


_NULLABLE = {f.name for f in SearchEntry._meta.concrete_fields if f.null}


def _values(value, field: str) -> list:
    if field in MULTI_VALUED:
        return [item for item in value.split("\n") if item]
    return [value] if value not in (None, "") else []


def _buckets(rows: list[dict], field: str, size: int) -> list[dict]:
    if field in MULTI_VALUED:
        counts = Counter(value for row in rows for value in _values(row[field], field))
    else:
        counts = Counter(row[field] for row in rows)
        counts.pop(None, None)
        counts.pop("", None)
    ordered = sorted(counts.items(), key=lambda pair: (-pair[1], str(pair[0])))
    return [{"key": key, "doc_count": count} for key, count in ordered[:size]]


def _sort_keys(sort: list) -> dict[str, bool]:
    """``["_score", {"publish_date": {"order": "desc"}}]`` → {field: descending}."""
    keys = {}
    for entry in sort:
        if isinstance(entry, str):
            keys[entry] = entry == "_score"
            continue
        field, spec = next(iter(entry.items()))
        order = spec.get("order", "asc") if isinstance(spec, dict) else spec
        keys[field] = order == "desc"
    return keys


def _sortable(value):
    # Missing values sort last in either direction is what the engines do; near enough
    # here: they sort as the smallest value.
    if value is None:
        return (0, "")
    if isinstance(value, datetime.date):
        return (1, value.toordinal())
    return (1, value)


def _excluded_fields(spec) -> set[str]:
    """``_source`` as Elasticsearch reads it: true, false, a list of fields, or excludes."""
    stored = set(STORED_FIELDS)
    if spec is True:
        return set()
    if spec is False:
        return stored
    if isinstance(spec, (list, str)):
        return stored - set([spec] if isinstance(spec, str) else spec)
    included = spec.get("includes")
    excluded = set(spec.get("excludes", []))
    return excluded | (stored - set(included) if included else set())


def _texts(document: dict) -> dict:
    return {field: document.get(field) or "" for field in TEXT_FIELDS}


def _hit(entry: SearchEntry, relevance: float, excluded: set) -> dict:
    source = {
        field: getattr(entry.text if field in TEXT_FIELDS else entry, field)
        for field in STORED_FIELDS
        if field != "document_id" and field not in excluded
    }
    if "categories" in source:
        source["categories"] = _values(entry.categories, "categories")
    if source.get("publish_date"):
        source["publish_date"] = source["publish_date"].isoformat()
    return {"_id": entry.document_id, "_score": relevance, "_source": source}
