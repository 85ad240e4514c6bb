"""The search index of published items, defined once with elasticsearch-dsl.

Every engine uses this definition: Elasticsearch and OpenSearch receive the
mapping and settings it serialises to, and the database engine stores the same
fields and the same terms. The terms are made here, in Python, by
``gov_disclosure.search.analysis`` (grams, chars and keys), so every engine
matches the same words: the cluster engines index them with a whitespace
analyzer, SQLite in FTS5 and PostgreSQL in a tsvector. Traditional characters
and full-width forms are folded before, with nothing to install on the engine.
"""

from elasticsearch.dsl import Date, Document, Index, Integer, Keyword, Object, Text

from gov_disclosure.conf import disclosure_settings

from . import analysis

# Where a word is found, and how much each place counts (title ×4 … body ×1).
TERM_FIELDS = {
    "title": 4.0,
    "keywords": 3.0,
    "numbers": 2.0,
    "summary": 2.0,
    "publisher": 1.0,
    "body": 1.0,
    "attachments": 1.0,
}
# Texts kept in the index only to cut highlighted fragments from (Python side, the same
# for every engine, see highlight.SCAN_CHARS); longer texts are still searched in full.
EXCERPT_CHARS = 20_000


def _terms_field(**options) -> Text:
    return Text(analyzer="whitespace", **options)


class ItemDocument(Document):
    """One published page as the public search sees it: public fields only.

    Mostly catalogue items; the agency's guide too (``kind``), without item metadata.
    """

    kind = Keyword()
    # What a result shows, and the text fragments are cut from; not searched as such.
    title = Text(index=False)
    summary = Text(index=False)
    keywords = Text(index=False)
    body = Text(index=False)
    attachments = Text(index=False)
    index_number = Keyword()
    document_number = Keyword()
    publisher = Keyword()
    publisher_id = Integer()
    # Every level of the item's category, as "法规公文" and "法规公文/规范性文件".
    categories = Keyword()
    agency_id = Integer()
    year = Integer()
    publish_date = Date()
    validity = Keyword()
    url = Keyword(index=False)
    # Hash of the fields above (attachments by file hash), compared by reconcile.
    fingerprint = Keyword(index=False)
    # -- what is searched (see analysis): not kept in _source ----------------------
    terms = Object(properties={field: _terms_field() for field in TERM_FIELDS})
    # One-unit words need no positions, only which documents hold them.
    chars = _terms_field(index_options="freqs", norms=False)
    # The units of the title alone: a one-unit word found in the title ranks first.
    title_chars = _terms_field(index_options="freqs", norms=False)
    # The title, 文号 and 索引号 as keys: typed in full, they find their item first.
    keys = Keyword()


UNSTORED = ["terms", "chars", "title_chars"]


def items_alias() -> str:
    """The alias searches read; the index behind it is replaced whole on reindex."""
    return f"{disclosure_settings.SEARCH_INDEX_PREFIX}items"


# A new index is bulk-loaded without refreshes; publishing it restores this interval.
REFRESH_INTERVAL = "1s"


def item_index(name: str) -> Index:
    index = Index(name)
    index.settings(
        number_of_shards=1,
        number_of_replicas=disclosure_settings.SEARCH_INDEX_REPLICAS,
        refresh_interval="-1",
    )
    index.document(ItemDocument)
    return index


def index_body(name: str) -> dict:
    """The index's settings and mapping, terms left out of ``_source``."""
    body = item_index(name).to_dict()
    body["mappings"]["_source"] = {"excludes": UNSTORED}
    return body


def search_texts(document: dict) -> dict[str, str]:
    """The text of each searched field of ``document`` (a search document)."""
    numbers = " ".join(
        filter(None, [document.get("document_number"), document.get("index_number")])
    )
    return {
        "title": document.get("title") or "",
        "keywords": document.get("keywords") or "",
        "numbers": numbers,
        "summary": document.get("summary") or "",
        "publisher": document.get("publisher") or "",
        "body": document.get("body") or "",
        "attachments": document.get("attachments") or "",
    }


def document_terms(document: dict) -> dict:
    """What every engine indexes for ``document``: grams per field, chars, keys."""
    texts = search_texts(document)
    keys = {
        analysis.key(document.get(field) or "")
        for field in ("title", "document_number", "index_number")
    }
    # Each field is segmented once; its grams and its units (the chars) come from it.
    grams, units = {}, {}
    for field, text in texts.items():
        grams[field], units[field] = analysis.terms(text)
    return {
        "terms": grams,
        "chars": sorted(set().union(*units.values())),
        "title_chars": sorted(units["title"]),
        "keys": sorted(key for key in keys if key),
    }


def indexed_document(document: dict) -> dict:
    """``document`` as a cluster engine stores it: excerpts and terms added."""
    terms = document_terms(document)
    return {
        **{key: value for key, value in document.items() if key != "id"},
        "body": (document.get("body") or "")[:EXCERPT_CHARS],
        "attachments": (document.get("attachments") or "")[:EXCERPT_CHARS],
        "terms": {field: " ".join(grams) for field, grams in terms["terms"].items()},
        "chars": " ".join(terms["chars"]),
        "title_chars": " ".join(terms["title_chars"]),
        "keys": terms["keys"],
    }
