"""Reads an elasticsearch-dsl request body as a database query.

The database engine gets the same ``Search.to_dict()`` body as the other engines.
Phrases become case-insensitive substring tests, which find Chinese words inside
text on SQLite and PostgreSQL alike; relevance is the sum of the boosts of the
clauses a document matches. Anything the public search does not build is refused
loudly rather than answered wrongly.
"""

import html
import re

from django.db.models import Case, FloatField, Q, Value, When
from django.db.models.expressions import Expression

# Indexed fields stored as several lines of one column (see SearchEntry.categories).
MULTI_VALUED = {"categories"}
# "title.raw" is the whole title as one keyword.
SUBFIELDS = {"title.raw": "title"}


class UnsupportedQuery(ValueError):
    pass


def column(field: str) -> str:
    return SUBFIELDS.get(field, field)


def _single(clause: dict) -> tuple[str, object]:
    """``{"field": value}`` → (field, value)."""
    if len(clause) != 1:
        raise UnsupportedQuery(f"expected one field, got {sorted(clause)}")
    return next(iter(clause.items()))


def _options(value, key: str) -> tuple[object, float]:
    """``value`` or ``{key: value, "boost": b}`` → (value, boost)."""
    if isinstance(value, dict):
        return value[key], float(value.get("boost", 1.0))
    return value, 1.0


def _phrase(value) -> str:
    """A match_phrase value's text with its whitespace collapsed, as the analyzer would."""
    return " ".join(str(_options(value, "query")[0]).split())


def _term_filter(field: str, value) -> Q:
    if field in MULTI_VALUED:
        return Q(**{f"{field}__contains": f"\n{value}\n"})
    return Q(**{column(field): value})


def condition(query: dict) -> Q:
    """The documents ``query`` matches, as an ORM filter."""
    kind, body = _single(query)
    if kind == "match_all":
        return Q()
    if kind == "match_phrase":
        field, value = _single(body)
        return Q(**{f"{column(field)}__icontains": _phrase(value)})
    if kind == "term":
        field, value = _single(body)
        return _term_filter(field, _options(value, "value")[0])
    if kind == "terms":
        field, values = _single(body)
        result = Q(pk__in=[])
        for value in values:
            result |= _term_filter(field, value)
        return result
    if kind == "range":
        field, bounds = _single(body)
        lookups = {
            f"{column(field)}__{op}": bounds[op]
            for op in ("gt", "gte", "lt", "lte")
            if op in bounds
        }
        return Q(**lookups)
    if kind == "bool":
        return _bool_condition(body)
    raise UnsupportedQuery(f"the database engine does not run {kind!r} queries")


def _should_required(body: dict) -> int:
    # Elasticsearch: with no must/filter clause, at least one should clause must match.
    default = 0 if body.get("must") or body.get("filter") else 1
    required = int(body.get("minimum_should_match", default))
    if required not in (0, 1):
        raise UnsupportedQuery("minimum_should_match other than 0 or 1")
    return required


def _clauses(body: dict, key: str) -> list[dict]:
    value = body.get(key, [])
    return value if isinstance(value, list) else [value]


def _bool_condition(body: dict) -> Q:
    result = Q()
    for clause in _clauses(body, "must") + _clauses(body, "filter"):
        result &= condition(clause)
    for clause in _clauses(body, "must_not"):
        result &= ~condition(clause)
    should = _clauses(body, "should")
    if should and _should_required(body):
        any_of = Q(pk__in=[])
        for clause in should:
            any_of |= condition(clause)
        result &= any_of
    return result


def score(query: dict) -> Expression:
    """Relevance: the boosts of the scoring clauses a document matches, added up."""
    kind, body = _single(query)
    if kind in ("match_phrase", "term"):
        field, value = _single(body)
        _value, boost = _options(value, "query" if kind == "match_phrase" else "value")
        return Case(
            When(condition(query), then=Value(boost)), default=Value(0.0), output_field=FloatField()
        )
    if kind == "bool":
        parts = [score(clause) for clause in _clauses(body, "must") + _clauses(body, "should")]
        total = Value(0.0, output_field=FloatField())
        for part in parts:
            total = total + part
        return total
    return Value(0.0, output_field=FloatField())


def phrases(query: dict) -> dict[str, list[str]]:
    """The phrases searched in each text field, for highlighting."""
    found: dict[str, list[str]] = {}

    def walk(node: dict) -> None:
        kind, body = _single(node)
        if kind == "match_phrase":
            field, value = _single(body)
            found.setdefault(field, []).append(_phrase(value))
        elif kind == "bool":
            for key in ("must", "should"):
                for clause in _clauses(body, key):
                    walk(clause)

    walk(query)
    return found


def fragments(
    text: str, words: list[str], *, size: int, count: int, tags: tuple[str, str]
) -> list[str]:
    """Up to ``count`` passages of about ``size`` characters around the words, HTML-escaped,
    with the words wrapped in ``tags`` (what Elasticsearch's html encoder gives)."""
    words = [word for word in words if word]
    if not text or not words:
        return []
    pattern = re.compile(
        "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)), re.IGNORECASE
    )
    passages: list[str] = []
    covered_until = -1
    for match in pattern.finditer(text):
        if match.start() < covered_until:
            continue
        start = max(0, match.start() - (size - len(match.group())) // 2)
        end = min(len(text), start + size)
        start = max(0, min(start, end - size))
        passage = text[start:end]
        marked = pattern.sub(lambda m: f"\x00{m.group()}\x01", passage)
        escaped = html.escape(marked, quote=False).replace("\x00", tags[0]).replace("\x01", tags[1])
        passages.append(" ".join(escaped.split()))
        covered_until = end
        if len(passages) == count:
            break
    return passages
