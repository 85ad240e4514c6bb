"""The database engine's full-text index: SQLite FTS5 or a PostgreSQL tsvector with GIN.

Both hold the terms ``documents.document_terms`` makes (the ones the cluster
engines index), so a word matches the same documents on every engine. A query
arrives as a small tree (``Match``) that each dialect writes in its own syntax;
relevance is FTS5's bm25 or PostgreSQL's ts_rank, with the same field weights.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL

from gov_disclosure.search.documents import TERM_FIELDS

# A lexeme's positions in a tsvector stop at 16383; past it, phrases are checked as
# "all grams present" on the documents marked long (see PostgresFullText).
PG_MAX_POSITION = 16383
# Not a unit's lexeme: "~long" was, for a document with the word "long" in it.
PG_LONG_MARK = "!long"
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
# Up to this many matching ids are passed to SQLite as a list; more, and the match is
# repeated as a subquery.
MAX_LISTED_IDS = 20_000
# Between fields, a gap so no phrase runs from one into the next.
FIELD_GAP = 8


@dataclass(frozen=True)
class Match:
    """A full-text condition: ``phrase`` (grams in a row, or within ``slop`` of each other),
    ``char`` (a one-unit word), ``title_char`` (one in the title), ``key`` (an exact key),
    ``and`` / ``or`` (``parts``)."""

    kind: str
    terms: tuple[str, ...] = ()
    slop: int = 0
    parts: tuple["Match", ...] = ()
    # For a phrase with a slop (two words near each other): where the second word's
    # grams start in ``terms``.
    split: int = 0


class SQLiteFullText:
    """One FTS5 table per index generation (dropped with it), rowid = SearchEntry id."""

    columns = [*TERM_FIELDS, "chars", "keys", "title_chars"]

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
                " ".join(terms["title_chars"]),
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

    def relevance(self, generation_id: int, match: Match) -> dict[int, float]:
        """Each matching entry id with its bm25 relevance."""
        if _repeats_conditions(match):
            return self._combined(generation_id, match)
        return self._scored(generation_id, match)

    def found(
        self, generation_id: int, match: Match, *, columns: list[str], ranked: bool
    ) -> list[tuple]:
        """(entry id, bm25 or 0.0, *``columns`` of SearchEntry) of each matching entry."""
        from gov_disclosure.search.models import SearchEntry

        if ranked:
            scores = self.relevance(generation_id, match)
        else:
            scores = dict.fromkeys(self.matching(generation_id, match), 0.0)
        if not scores:
            return []
        rows = SearchEntry.objects.filter(self.among(generation_id, match, list(scores)))
        return [(pk, scores[pk], *rest) for pk, *rest in rows.values_list("pk", *columns)]

    def relevance_among(
        self, generation_id: int, matches: list[Match], among: list[int]
    ) -> list[dict[int, float]]:
        """For each of ``matches``, the entries of ``among`` it matches with their bm25."""
        # FTS5 would evaluate the whole query once per listed rowid: filter here instead.
        listed = set(among)
        return [
            {
                row: score
                for row, score in self.relevance(generation_id, match).items()
                if row in listed
            }
            for match in matches
        ]

    def among(self, generation_id: int, match: Match, ids: list[int]) -> Q:
        """A condition on SearchEntry: its id is one of ``ids`` (the entries matching)."""
        if len(ids) <= MAX_LISTED_IDS:
            return Q(pk__in=ids)
        # SQLite takes at most 250,000 parameters: the match again, as a subquery.
        table = self._table(generation_id)
        return Q(
            pk__in=RawSQL(
                f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [self.expression(match)]
            )
        )

    def _scored(self, generation_id: int, match: Match) -> dict[int, float]:
        # chars only select (a one-unit word ranks by the title's chars), keys by 1.
        weights = ", ".join(str(w) for w in [*TERM_FIELDS.values(), 0.0, 1.0, 1.0])
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
        if match.kind == "title_char":
            return f"title_chars : {_fts_phrase(match.terms)}"
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
        chars as ``~x``, the title's as ``^x`` (weight A, so they rank), keys as ``=x``."""
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
        lexemes += [f"{_pg_quote('^' + char)}:1A" for char in terms["title_chars"]]
        lexemes += [f"{_pg_quote('=' + key)}:1A" for key in terms["keys"]]
        if long:
            lexemes.append(_pg_quote(PG_LONG_MARK))
        return " ".join(lexemes)

    def head_vector(self, terms: dict) -> str:
        """The vector of the short fields only, for ranking many matches cheaply."""
        return self.vector(terms, HEAD_FIELDS)

    def found(
        self, generation_id: int, match: Match, *, columns: list[str], ranked: bool
    ) -> list[tuple]:
        """(entry id, ts_rank or 0.0, *``columns`` of SearchEntry) of each matching entry,
        read in the one pass that finds them.

        Ranking reads a document's whole tsvector; for a word that many documents hold
        (more than FULL_RANK_LIMIT), only the small ``head_vector`` (title, keywords,
        numbers, summary) is read to rank them."""
        from gov_disclosure.search.models import SearchEntry

        query = self.expression(match)
        quoted = "".join(
            f", {connection.ops.quote_name(SearchEntry._meta.get_field(name).column)}"
            for name in columns
        )
        rank = "ts_rank(%s::float4[], head_vector, %s::tsquery)" if ranked else "0::float4"
        found = self._matched(
            f"SELECT id, {rank}{quoted} FROM matched",
            [PG_RANK_WEIGHTS, query] if ranked else [],
            generation_id,
            query,
            columns=f"{', head_vector' if ranked else ''}{quoted}",
        )
        if not ranked or not found or len(found) > FULL_RANK_LIMIT:
            return found
        # These are known to match: rank them in full without checking the match again
        # (a phrase's check reads every vector a second time).
        full = dict(
            self._rows(
                f"SELECT id, ts_rank(%s::float4[], vector, %s::tsquery) "
                f"FROM {SearchEntry._meta.db_table} WHERE id = ANY(%s)",
                [PG_RANK_WEIGHTS, query, [row[0] for row in found]],
            )
        )
        return [(pk, full[pk], *rest) for pk, _head, *rest in found]

    def relevance_among(
        self, generation_id: int, matches: list[Match], among: list[int]
    ) -> list[dict[int, float]]:
        """For each of ``matches``, the entries of ``among`` it matches with their ts_rank.

        Each vector is read once for all of them: a rescore checks several phrases on
        the same few hundred documents, and reading a vector costs more than ranking it."""
        from gov_disclosure.search.models import SearchEntry

        if not among or not matches:
            return [{} for _ in matches]
        queries = [self.expression(match) for match in matches]
        columns = ", ".join(
            "CASE WHEN v @@ %s::tsquery THEN ts_rank(%s::float4[], v, %s::tsquery) END"
            for _ in queries
        )
        params = [value for query in queries for value in (query, PG_RANK_WEIGHTS, query)]
        # ``vector || ''`` is the vector read (detoasted) once, in the inner query.
        rows = self._rows(
            f"SELECT id, {columns} FROM (SELECT id, vector || ''::tsvector AS v "
            f"FROM {SearchEntry._meta.db_table} WHERE id = ANY(%s) OFFSET 0) AS best",
            [*params, among],
        )
        return [
            {row[0]: row[n] for row in rows if row[n] is not None}
            for n in range(1, len(queries) + 1)
        ]

    def among(self, generation_id: int, match: Match, ids: list[int]) -> Q:
        """A condition on SearchEntry: its id is one of ``ids`` (the entries matching)."""
        return Q(pk__in=RawSQL("SELECT unnest(%s::bigint[])", [ids]))

    def _matched(
        self, select: str, params: list, generation_id: int, query: str, *, columns: str
    ) -> list:
        """``select`` over ``matched``: the entries of the generation matching ``query``,
        with their id, generation and ``columns``.

        The match always goes through the GIN index. The planner prices ``@@`` as one
        operator, not as reading a vector from TOAST storage, so for a common word it
        chooses to scan the table (or the generation's index) and reads every vector:
        1.3 s at 60,000 documents where the GIN index answers in 90 ms."""
        from gov_disclosure.search.models import SearchEntry

        sql = (
            f"WITH matched AS MATERIALIZED (SELECT id, generation_id{columns} "
            f"FROM {SearchEntry._meta.db_table} WHERE vector @@ %s::tsquery) "
            f"{select} WHERE generation_id = %s"
        )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('enable_seqscan')")
            [previous] = cursor.fetchone()
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, [query, *params, generation_id])
            found = cursor.fetchall()
            # Undone with the block if anything failed; restored here if it did not.
            cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])
        return found

    def _rows(self, sql: str, params: list) -> list:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def expression(self, match: Match) -> str:
        """``match`` as a tsquery; every lexeme is quoted, so none is syntax."""
        if match.kind == "phrase":
            if match.slop:
                return self._near(match)
            return self._phrase(match.terms)
        if match.kind == "char":
            return _pg_quote(f"~{match.terms[0]}")
        if match.kind == "title_char":
            return _pg_quote(f"^{match.terms[0]}")
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
