"""Reads an elasticsearch-dsl request body as a database query.

The database engine gets the same ``Search.to_dict()`` body as the other engines.
It is split into a *plan*: the full-text condition (``fulltext.Match``), filters
on the stored columns (an ORM ``Q``), and the clauses that only add to relevance
(with their boosts). Anything the public search does not build is refused loudly
rather than answered wrongly.
"""

from dataclasses import dataclass, field
from itertools import combinations

from django.db.models import Q

from gov_disclosure.search.documents import TERM_FIELDS

from .fulltext import Match

# Indexed fields stored as several lines of one column (see SearchEntry.categories).
MULTI_VALUED = {"categories"}
# Fields searched through the full-text index, and how.
_TERM_FIELD_NAMES = {f"terms.{name}" for name in TERM_FIELDS}
# minimum_should_match over more words than this is answered as "any of them".
MAX_COMBINATIONS = 64


class UnsupportedQuery(ValueError):
    pass


@dataclass
class Plan:
    match: Match | None = None
    filter: Q = field(default_factory=Q)
    # (condition, boost): each adds boost × its relevance to a document it matches.
    boosts: list[tuple[Match, float]] = field(default_factory=list)


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


def _term_filter(field: str, value) -> Q:
    if field in MULTI_VALUED:
        return Q(**{f"{field}__contains": f"\n{value}\n"})
    return Q(**{field: value})


def boost_of(query: dict) -> float:
    kind, body = _single(query)
    if kind == "multi_match":
        return float(body.get("boost", 1.0))
    if kind == "term":
        return _options(_single(body)[1], "value")[1]
    if kind == "bool":
        return float(body.get("boost", 1.0))
    return 1.0


def _both(first: Match | None, second: Match | None) -> Match | None:
    if first is None or second is None:
        return first or second
    return Match("and", parts=(first, second))


def plan(query: dict) -> Plan:
    """``query`` as full-text condition, column filters and relevance boosts."""
    kind, body = _single(query)
    if kind == "match_all":
        return Plan()
    if kind == "multi_match":
        if body.get("type") != "phrase":
            raise UnsupportedQuery("multi_match other than type phrase")
        fields = {name.split("^")[0] for name in body["fields"]}
        if not fields <= _TERM_FIELD_NAMES:
            raise UnsupportedQuery(f"multi_match over {sorted(fields - _TERM_FIELD_NAMES)}")
        terms = tuple(str(body["query"]).split())
        slop = int(body.get("slop", 0))
        return Plan(match=Match("phrase", terms=terms, slop=slop, split=_split(body)))
    if kind == "term":
        field_name, value = _single(body)
        value = _options(value, "value")[0]
        if field_name == "chars":
            return Plan(match=Match("char", terms=(str(value),)))
        if field_name == "title_chars":
            return Plan(match=Match("title_char", terms=(str(value),)))
        if field_name == "keys":
            return Plan(match=Match("key", terms=(str(value),)))
        return Plan(filter=_term_filter(field_name, value))
    if kind == "terms":
        field_name, values = _single(body)
        result = Q(pk__in=[])
        for value in values:
            result |= _term_filter(field_name, value)
        return Plan(filter=result)
    if kind == "range":
        field_name, bounds = _single(body)
        lookups = {
            f"{field_name}__{op}": bounds[op] for op in ("gt", "gte", "lt", "lte") if op in bounds
        }
        return Plan(filter=Q(**lookups))
    if kind == "bool":
        return _bool_plan(body)
    raise UnsupportedQuery(f"the database engine does not run {kind!r} queries")


def _split(body: dict) -> int:
    # A proximity phrase is two words' grams in a row; the query builder names it
    # "near:<n>", n being where the second word starts, since grams alone do not tell.
    name = body.get("_name", "")
    return int(name.partition(":")[2]) if body.get("slop") and name.startswith("near:") else 0


def _clauses(body: dict, key: str) -> list[dict]:
    value = body.get(key, [])
    return value if isinstance(value, list) else [value]


def _bool_plan(body: dict) -> Plan:
    if body.get("must_not"):
        raise UnsupportedQuery("must_not")
    result = Plan()
    for clause in _clauses(body, "must") + _clauses(body, "filter"):
        part = plan(clause)
        result.match = _both(result.match, part.match)
        result.filter &= part.filter
        result.boosts += part.boosts
    should = _clauses(body, "should")
    if not should:
        return result
    default = 0 if body.get("must") or body.get("filter") else 1
    required = int(body.get("minimum_should_match", default))
    parts = [(plan(clause), boost_of(clause)) for clause in should]
    for part, boost in parts:
        if part.filter != Q():
            raise UnsupportedQuery("a column filter among should clauses")
        result.boosts += part.boosts
        if part.match is not None and (required == 0 or boost != 1.0):
            result.boosts.append((part.match, boost))
    if required:
        result.match = _both(result.match, _at_least(required, [p.match for p, _ in parts]))
    return result


def _at_least(required: int, matches: list[Match]) -> Match:
    if required <= 1 or len(matches) == 1:
        return matches[0] if len(matches) == 1 else Match("or", parts=tuple(matches))
    groups = list(combinations(matches, required))
    if len(groups) > MAX_COMBINATIONS:
        return Match("or", parts=tuple(matches))
    return Match("or", parts=tuple(Match("and", parts=group) for group in groups))


def rescore_plan(rescore: dict) -> tuple[int, list[tuple[Match, float]]]:
    """A query rescore as the size of its window and its (condition, boost) pairs.

    Each clause of the rescore query that a document matches adds boost × its
    relevance, as Elasticsearch's default score mode ("total", weights 1) does."""
    body = rescore["query"]
    weights = (body.get("query_weight", 1.0), body.get("rescore_query_weight", 1.0))
    if weights != (1.0, 1.0) or body.get("score_mode", "total") != "total":
        raise UnsupportedQuery("a rescore other than the total with weights 1")
    kind, query = _single(body["rescore_query"])
    if kind != "bool":
        clauses = [body["rescore_query"]]
    elif set(query) - {"should", "boost"}:
        raise UnsupportedQuery("a rescore query other than should clauses")
    else:
        clauses = _clauses(query, "should")
    return int(rescore.get("window_size", 10)), [(plan(c).match, boost_of(c)) for c in clauses]
