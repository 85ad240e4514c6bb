"""The database engine's full-text index: SQLite FTS5 or a PostgreSQL tsvector with GIN.

Both hold the terms ``documents.document_terms`` makes (the ones the cluster
engines index), so a word matches the same documents on every engine. A query
arrives as a small tree (``Match``) that each dialect writes in its own syntax;
relevance is FTS5's bm25 or PostgreSQL's ts_rank, with the same field weights.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection

from gov_disclosure.search.documents import TERM_FIELDS

# A lexeme's positions in a tsvector stop at 16383; past it, phrases are checked as
# "all grams present" on the documents marked long (see PostgresFullText).
PG_MAX_POSITION = 16383
PG_LONG_MARK = "~long"
# PostgreSQL's four weights, A to D, and the fields each takes.
PG_WEIGHT_OF = {
    "title": "A",
    "keywords": "B",
    "numbers": "B",
    "summary": "C",
    "publisher": "D",
    "body": "D",
    "attachments": "D",
}
# ts_rank's weights for {D, C, B, A}, in the proportions of TERM_FIELDS (1 : 2 : 3 : 4).
PG_RANK_WEIGHTS = "{0.25,0.5,0.75,1.0}"
# Above this many matches, PostgreSQL ranks by the head of each document first.
FULL_RANK_LIMIT = 3000
# The fields of the head vector: short, so ranking many documents by it is cheap.
HEAD_FIELDS = ("title", "keywords", "numbers", "summary")
# Between fields, a gap so no phrase runs from one into the next.
FIELD_GAP = 8


@dataclass(frozen=True)
class Match:
    """A full-text condition: ``phrase`` (grams in a row, or within ``slop`` of each other),
    ``char`` (a one-unit word), ``key`` (an exact key), ``and`` / ``or`` (``parts``)."""

    kind: str
    terms: tuple[str, ...] = ()
    slop: int = 0
    parts: tuple["Match", ...] = ()
    # For a phrase with a slop (two words near each other): where the second word's
    # grams start in ``terms``.
    split: int = 0


class SQLiteFullText:
    """One FTS5 table per index generation (dropped with it), rowid = SearchEntry id."""

    columns = [*TERM_FIELDS, "chars", "keys"]

    def _table(self, generation_id: int) -> str:
        return f"disclosure_search_fts_{int(generation_id)}"

    def create(self, generation_id: int) -> None:
        table = self._table(generation_id)
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {table}")
            cursor.execute(
                f"CREATE VIRTUAL TABLE {table} USING fts5({', '.join(self.columns)}, "
                "tokenize = 'unicode61 remove_diacritics 0')"
            )

    def drop(self, generation_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {self._table(generation_id)}")

    def write(self, generation_id: int, rows: Iterable[tuple[int, dict]]) -> None:
        table = self._table(generation_id)
        values = [
            (
                entry_id,
                *(" ".join(terms["terms"][field]) for field in TERM_FIELDS),
                " ".join(terms["chars"]),
                " ".join(terms["keys"]),
            )
            for entry_id, terms in rows
        ]
        placeholders = ", ".join(["%s"] * (len(self.columns) + 1))
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} (rowid, {', '.join(self.columns)}) VALUES ({placeholders})",
                values,
            )

    def delete(self, generation_id: int, entry_ids: list[int]) -> None:
        if not entry_ids:
            return
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {self._table(generation_id)} WHERE rowid IN "
                f"({', '.join(['%s'] * len(entry_ids))})",
                entry_ids,
            )

    def relevance(
        self, generation_id: int, match: Match, *, among: list[int] | None = None
    ) -> dict[int, float]:
        """Each matching entry id (of ``among``, if given) with its bm25 relevance."""
        # chars hold each unit once per document: like the cluster engines' chars field
        # (no norms), they find a one-character word without ranking by it.
        if _repeats_conditions(match):
            found = self._combined(generation_id, match)
        else:
            found = self._scored(generation_id, match)
        # FTS5 would evaluate the whole query once per listed rowid: filter here instead.
        if among is not None:
            found = {rowid: found[rowid] for rowid in among if rowid in found}
        return found

    def _scored(self, generation_id: int, match: Match) -> dict[int, float]:
        weights = ", ".join(str(w) for w in [*TERM_FIELDS.values(), 0.0, 1.0])
        table = self._table(generation_id)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, -bm25({table}, {weights}) FROM {table} WHERE {table} MATCH %s",
                [self.expression(match)],
            )
            return dict(cursor.fetchall())

    def _combined(self, generation_id: int, match: Match) -> dict[int, float]:
        """``match`` with each of its conditions asked once, combined here.

        "Every word but one" is an OR of groups sharing the same words, which FTS5
        evaluates group by group (30 ms for twelve words where each word takes 1 ms).
        Here each condition's documents are listed once, the groups are combined in
        Python, and the documents found are scored by FTS5 in sets that matched the
        same conditions: one AND query per set, which FTS5 answers quickly. bm25 over
        several phrases is the sum of each phrase's, so every document scores what
        FTS5 gives the conditions it matches."""
        conditions = _conditions(match)
        found = {leaf: self._rows(generation_id, leaf) for leaf in conditions}
        by_conditions: dict[tuple[Match, ...], set[int]] = {}
        for row in _combine(match, found):
            matched = tuple(leaf for leaf in conditions if row in found[leaf])
            by_conditions.setdefault(matched, set()).add(row)
        scores: dict[int, float] = {}
        for matched, rows in by_conditions.items():
            together = matched[0] if len(matched) == 1 else Match("and", parts=matched)
            scored = self._scored(generation_id, together)
            scores.update((row, scored[row]) for row in rows)
        return scores

    def matching(self, generation_id: int, match: Match) -> set[int]:
        """The entry ids matching ``match``, unranked (for counts and facets)."""
        if _repeats_conditions(match):
            found = {leaf: self._rows(generation_id, leaf) for leaf in _conditions(match)}
            return _combine(match, found)
        return self._rows(generation_id, match)

    def _rows(self, generation_id: int, match: Match) -> set[int]:
        table = self._table(generation_id)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [self.expression(match)]
            )
            return {row for (row,) in cursor.fetchall()}

    def subquery(self, generation_id: int, match: Match) -> tuple[str, list]:
        table = self._table(generation_id)
        return f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [self.expression(match)]

    def expression(self, match: Match) -> str:
        """``match`` in FTS5's query syntax; every term is quoted, so none is syntax."""
        if match.kind == "phrase":
            if match.slop:
                first, second = match.terms[: match.split], match.terms[match.split :]
                return (
                    f"{{{' '.join(TERM_FIELDS)}}} : "
                    f"NEAR({_fts_phrase(first)} {_fts_phrase(second)}, {match.slop})"
                )
            return f"{{{' '.join(TERM_FIELDS)}}} : {_fts_phrase(match.terms)}"
        if match.kind == "char":
            return f"chars : {_fts_phrase(match.terms)}"
        if match.kind == "key":
            return f"keys : {_fts_phrase(match.terms)}"
        joiner = " AND " if match.kind == "and" else " OR "
        return "(" + joiner.join(self.expression(part) for part in match.parts) + ")"


def _conditions(match: Match) -> list[Match]:
    """The conditions (phrases, chars, keys) of ``match``, each once, in order."""
    if match.kind not in ("and", "or"):
        return [match]
    return list(dict.fromkeys(leaf for part in match.parts for leaf in _conditions(part)))


def _combine(match: Match, found: dict[Match, set[int]]) -> set[int]:
    """The rows ``match`` selects, given the rows of each of its conditions."""
    if match.kind == "and":
        return set.intersection(*(_combine(part, found) for part in match.parts))
    if match.kind == "or":
        return set().union(*(_combine(part, found) for part in match.parts))
    return found[match]


def _repeats_conditions(match: Match) -> bool:
    def count(node: Match) -> int:
        return sum(count(part) for part in node.parts) if node.kind in ("and", "or") else 1

    return count(match) > len(_conditions(match))


def _fts_phrase(terms: tuple[str, ...]) -> str:
    return '"' + " ".join(term.replace('"', '""') for term in terms) + '"'


class PostgresFullText:
    """A tsvector column of SearchEntry under a GIN index; nothing to create per build."""

    def create(self, generation_id: int) -> None:
        pass

    def drop(self, generation_id: int) -> None:
        pass

    def delete(self, generation_id: int, entry_ids: list[int]) -> None:
        pass

    def write(self, generation_id: int, rows: Iterable[tuple[int, dict]]) -> None:
        pass  # the vector is a column of the entry itself (``vector``)

    def vector(self, terms: dict, fields=tuple(TERM_FIELDS)) -> str:
        """The tsvector literal of a document's terms: grams with positions and weights,
        chars as ``~x``, keys as ``=x``."""
        positions: dict[str, list[str]] = {}
        position = 1
        long = False
        for field in fields:
            weight = PG_WEIGHT_OF[field]
            for gram in terms["terms"][field]:
                entries = positions.setdefault(gram, [])
                if position <= PG_MAX_POSITION:
                    if len(entries) < 256:
                        entries.append(f"{position}{weight}")
                else:
                    long = True
                position += 1
            position += FIELD_GAP
        lexemes = [
            f"{_pg_quote(gram)}:{','.join(entries)}" if entries else _pg_quote(gram)
            for gram, entries in positions.items()
        ]
        if fields == tuple(TERM_FIELDS):
            lexemes += [_pg_quote(f"~{char}") for char in terms["chars"]]
        lexemes += [f"{_pg_quote('=' + key)}:1A" for key in terms["keys"]]
        if long:
            lexemes.append(_pg_quote(PG_LONG_MARK))
        return " ".join(lexemes)

    def head_vector(self, terms: dict) -> str:
        """The vector of the short fields only, for ranking many matches cheaply."""
        return self.vector(terms, HEAD_FIELDS)

    def relevance(
        self, generation_id: int, match: Match, *, among: list[int] | None = None
    ) -> dict[int, float]:
        """Each matching entry id (of ``among``, if given) with its ts_rank.

        Ranking reads a document's whole tsvector; for a word that many documents hold
        (more than FULL_RANK_LIMIT), only the small ``head_vector`` (title, keywords,
        numbers, summary) is read to rank them."""
        from gov_disclosure.search.models import SearchEntry

        table = SearchEntry._meta.db_table
        query = self.expression(match)
        if among is not None:
            if not among:
                return {}
            return self._ranked(
                f"SELECT id, ts_rank(%s::float4[], vector, %s::tsquery) FROM {table} "
                "WHERE id = ANY(%s) AND vector @@ %s::tsquery",
                [PG_RANK_WEIGHTS, query, among, query],
            )
        heads = self._ranked(
            f"SELECT id, ts_rank(%s::float4[], head_vector, %s::tsquery) FROM {table} "
            "WHERE generation_id = %s AND vector @@ %s::tsquery",
            [PG_RANK_WEIGHTS, query, generation_id, query],
        )
        if len(heads) > FULL_RANK_LIMIT:
            return heads
        # These are known to match: rank them in full without checking the match again
        # (a phrase's check reads every vector a second time).
        return self._ranked(
            f"SELECT id, ts_rank(%s::float4[], vector, %s::tsquery) FROM {table} "
            "WHERE id = ANY(%s)",
            [PG_RANK_WEIGHTS, query, list(heads)],
        )

    def matching(self, generation_id: int, match: Match) -> set[int]:
        """The entry ids matching ``match``, unranked: no vector is read to rank them."""
        sql, params = self.subquery(generation_id, match)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return {row for (row,) in cursor.fetchall()}

    def _ranked(self, sql: str, params: list) -> dict[int, float]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return dict(cursor.fetchall())

    def subquery(self, generation_id: int, match: Match) -> tuple[str, list]:
        from gov_disclosure.search.models import SearchEntry

        table = SearchEntry._meta.db_table
        return (
            f"SELECT id FROM {table} WHERE generation_id = %s AND vector @@ %s::tsquery",
            [generation_id, self.expression(match)],
        )

    def expression(self, match: Match) -> str:
        """``match`` as a tsquery; every lexeme is quoted, so none is syntax."""
        if match.kind == "phrase":
            if match.slop:
                return self._near(match)
            return self._phrase(match.terms)
        if match.kind == "char":
            return _pg_quote(f"~{match.terms[0]}")
        if match.kind == "key":
            return _pg_quote(f"={match.terms[0]}")
        joiner = " & " if match.kind == "and" else " | "
        return "(" + joiner.join(self.expression(part) for part in match.parts) + ")"

    def _phrase(self, terms: tuple[str, ...]) -> str:
        quoted = [_pg_quote(term) for term in terms]
        if len(quoted) == 1:
            return quoted[0]
        # Past the last position a long document keeps, its grams are only known present.
        in_a_row = " <-> ".join(quoted)
        all_there = " & ".join([_pg_quote(PG_LONG_MARK), *quoted])
        return f"(({in_a_row}) | ({all_there}))"

    def _near(self, match: Match) -> str:
        # tsquery has exact distances only: the words at each distance up to the slop,
        # in either order.
        first = " <-> ".join(_pg_quote(t) for t in match.terms[: match.split])
        second = " <-> ".join(_pg_quote(t) for t in match.terms[match.split :])
        options = [
            f"({a}) <{distance}> ({b})"
            for distance in range(1, match.slop + 2)
            for a, b in ((first, second), (second, first))
        ]
        return "(" + " | ".join(options) + ")"


def _pg_quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def full_text():
    """The full-text index of the database in use."""
    return PostgresFullText() if connection.vendor == "postgresql" else SQLiteFullText()
