"""Real government text: every engine finds every document that contains the words."""

import pytest

from gov_disclosure.demo.corpus import default_corpus_path
from gov_disclosure.search.corpus import corpus_documents, substring_truth
from gov_disclosure.search.queries import item_search
from tests.search.conftest import ENGINES, loaded_engine

QUERIES = ["公开", "政府信息公开", "行政处罚", "预算", "信息公开"]
SAMPLE = 600


@pytest.fixture(scope="module")
def documents():
    path = default_corpus_path()
    return list(corpus_documents(path, limit=SAMPLE))


@pytest.fixture(params=ENGINES)
def loaded(request, settings, db, documents):
    yield from loaded_engine(settings, request.param, "disclosure-test-recall-", documents)


def found(engine, text: str) -> list[str]:
    search = item_search(text=text, index=engine.alias).extra(size=len(QUERIES) * SAMPLE)
    return [hit["_id"] for hit in engine.execute(search)["hits"]["hits"]]


def test_every_document_containing_the_words_is_found(loaded, documents):
    for text in QUERIES:
        truth = substring_truth(documents, text)
        assert truth, text  # the sample holds each query
        assert set(found(loaded, text)) >= truth, text


def test_an_exact_title_ranks_first(loaded, documents):
    # A law whose title other documents also mention.
    title = next(d["title"] for d in documents if len(substring_truth(documents, d["title"])) > 1)
    titles_by_id = {d["id"]: d["title"] for d in documents}

    assert titles_by_id[found(loaded, title)[0]] == title


TOPIC_QUERIES = ["行政处罚 程序", "预算 执行", "安全生产 责任", "劳动 合同", "环境 保护 监督"]


def test_every_document_containing_every_word_is_found(loaded, documents):
    for text in TOPIC_QUERIES + ["税", "罚"]:
        truth = substring_truth(documents, text)
        assert truth, text
        # A word is found in its parts too (行政处罚 → 行政 处罚): more, never fewer.
        assert set(found(loaded, text)) >= truth, text


AGREEMENT_QUERIES = [
    "政府信息公开", "行政处罚 程序", "预算 执行", "税", "安全生产", "土地 管理",
    "劳动合同", "食品安全标准", "环境保护监督管理", "城乡规划",
]  # fmt: skip


def test_the_engines_find_the_same_documents_and_agree_on_the_best(settings, db, documents):
    database = loaded_engine(settings, "database", "disclosure-test-agree-", documents)
    opensearch = loaded_engine(settings, "opensearch", "disclosure-test-agree-", documents)
    database_engine, opensearch_engine = next(database), next(opensearch)
    try:
        overlaps = []
        for text in AGREEMENT_QUERIES:
            by_database, by_opensearch = (
                found(database_engine, text),
                found(opensearch_engine, text),
            )
            assert set(by_database) == set(by_opensearch), text
            shared = set(by_database[:10]) & set(by_opensearch[:10])
            overlaps.append(len(shared) / min(10, len(by_database)))
        # Relevance formulas differ (FTS5 bm25 or ts_rank, Lucene's BM25): the best ten
        # mostly agree.
        assert sum(overlaps) / len(overlaps) >= 0.7
        assert min(overlaps) >= 0.3
    finally:
        database.close()
        opensearch.close()
