"""The index definition and the Chinese phrase query, run on the real OpenSearch node."""

import pytest

from search.engines.opensearch import OpenSearchEngine
from search.queries import item_search
from tests.conftest import require_service
from tests.search.test_opensearch_node import OPENSEARCH_URL, node_reachable

DOCUMENTS = [
    {"id": 1, "title": "庄市街道政府信息公开工作年度报告", "summary": "本年度政府信息公开情况。",
     "body": "依申请公开政府信息的办理情况。", "year": 2012},
    {"id": 2, "title": "关于做好行政处罚案卷评查工作的通知", "summary": "行政处罚。",
     "body": "各单位要依法公开行政处罚决定。", "year": 2012},
    {"id": 3, "title": "2012年部门预算", "summary": "财政预算公开。",
     "body": "三公经费预算表。", "year": 2012, "attachments": "附件：预算明细"},
    {"id": 4, "title": "政府信息", "summary": "只含政府和信息两个词，不含那个短语。",
     "body": "信息化建设。", "year": 2012},
]  # fmt: skip


@pytest.fixture
def engine(settings):
    require_service(node_reachable(), "needs OpenSearch (OPENSEARCH_URL; scripts/services up)")
    settings.SEARCH_INDEX_PREFIX = "disclosure-test-engine-"
    engine = OpenSearchEngine(OPENSEARCH_URL)
    engine.indexes_drop()
    index = engine.index_create()
    engine.documents_load(index, DOCUMENTS)
    engine.index_publish(index)
    yield engine
    engine.indexes_drop()


def found(engine, text: str) -> list[int]:
    response = engine.execute(item_search(text=text, index=engine.alias))
    return [int(hit["_id"]) for hit in response["hits"]["hits"]]


@pytest.mark.parametrize(
    "text, expected",
    [("政府信息公开", {1}), ("公开", {1, 2, 3}), ("行政处罚", {2}), ("预算", {3})],
)
def test_chinese_phrases_find_exactly_the_items_that_contain_them(engine, text, expected):
    assert set(found(engine, text)) == expected


def test_an_exact_title_ranks_first_and_fragments_are_highlighted(engine):
    response = engine.execute(item_search(text="政府信息", index=engine.alias))

    hits = response["hits"]["hits"]
    assert int(hits[0]["_id"]) == 4
    fragments = [f for hit in hits for values in hit["highlight"].values() for f in values]
    assert any("<em>" in fragment for fragment in fragments)


def test_query_syntax_in_the_users_text_is_just_text(engine):
    assert found(engine, 'title:政府 OR "预算') == []


def test_reindexing_swaps_the_alias_and_drops_the_old_index(engine):
    old = set(engine.client.indices.get_alias(name=engine.alias))
    index = engine.index_create()
    engine.documents_load(index, DOCUMENTS[:1])
    engine.index_publish(index)

    assert set(engine.client.indices.get_alias(name=engine.alias)) == {index}
    assert not engine.client.indices.exists(index=",".join(old))
    assert found(engine, "公开") == [1]
