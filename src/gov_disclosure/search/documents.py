"""The search index of published items, defined once with elasticsearch-dsl.

Every engine uses this definition: Elasticsearch and OpenSearch receive the
mapping and settings it serialises to, and the database engine reads the same
field list. Chinese text is analysed by ``SEARCH_CHINESE_ANALYZER``: ``cjk``
(bigrams, shipped with both engines) unless the operator installed smartcn or IK.
"""

from elasticsearch.dsl import Date, Document, Index, Integer, Keyword, Text, analyzer

from gov_disclosure.conf import disclosure_settings

# Setting value → the analyzer type the engine knows.
CHINESE_ANALYZERS = {"cjk": "cjk", "smartcn": "smartcn", "ik": "ik_max_word"}


def chinese_analyzer():
    name = disclosure_settings.SEARCH_CHINESE_ANALYZER
    return analyzer("chinese", type=CHINESE_ANALYZERS[name])


class ItemDocument(Document):
    """One published page as the public search sees it: public fields only.

    Mostly catalogue items; the agency's guide too (``kind``), without item metadata.
    """

    kind = Keyword()
    # Offsets in the postings let the highlighter cut fragments without re-analysing
    # long bodies at query time.
    title = Text(analyzer="chinese", index_options="offsets", fields={"raw": Keyword()})
    summary = Text(analyzer="chinese", index_options="offsets")
    body = Text(analyzer="chinese", index_options="offsets")
    attachments = Text(analyzer="chinese", index_options="offsets")
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
    index.analyzer(chinese_analyzer())
    index.document(ItemDocument)
    return index
