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
