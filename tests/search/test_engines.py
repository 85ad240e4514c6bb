"""The index definition and the queries, run on every engine: the same answers from
the database engine (SQLite or PostgreSQL) and from the real OpenSearch node."""

import datetime

import pytest

from gov_disclosure.search.queries import (
    SearchRequest,
    Sort,
    facet_search,
    item_search,
    page_search,
)
from gov_disclosure.search.query_words import parse_query
from gov_disclosure.search.results import search_results
from tests.search.conftest import ENGINES_WITH_ELASTICSEARCH, all_indexes, loaded_engine


def document(id, title, summary="", body="", **fields):
    return {
        "id": str(id), "kind": "item", "title": title, "summary": summary, "body": body,
        "attachments": "", "publisher": "党政办公室", "categories": ["法规公文"], "year": 2012,
        "publish_date": datetime.date(2012, 1, id), "validity": "有效", "url": f"/items/{id}/",
        "index_number": f"X/2012-{id:05d}", "fingerprint": str(id), **fields,
    }  # fmt: skip


DOCUMENTS = [
    document(1, "庄市街道政府信息公开工作年度报告", "本年度政府信息公开情况。",
             "依申请公开政府信息的办理情况。", categories=["法规公文", "法规公文/规范性文件"]),
    document(2, "关于做好行政处罚案卷评查工作的通知", "行政处罚。",
             "各单位要依法公开行政处罚决定。", publisher="综合执法队", validity="已废止"),
    document(3, "2012年部门预算", "财政预算公开。", "三公经费预算表。", categories=["财政信息"],
             attachments="附件：预算明细", publisher="财政所"),
    document(4, "政府信息", "只含政府和信息两个词，不含那个短语。", "信息化建设。",
             year=2011, publish_date=datetime.date(2011, 5, 1)),
    document(5, "PPP项目合同公开", "", "<script>alert(1)</script> 项目采用 ppp 模式。",
             categories=["财政信息"], publisher="财政所"),
]  # fmt: skip


@pytest.fixture(params=ENGINES_WITH_ELASTICSEARCH)
def loaded(request, settings, db):
    yield from loaded_engine(settings, request.param, "disclosure-test-engine-", DOCUMENTS)


def found(engine, text: str) -> list[int]:
    response = engine.execute(item_search(text=text, index=engine.alias))
    return [int(hit["_id"]) for hit in response["hits"]["hits"]]


def results(engine, **request):
    request = SearchRequest(**request)
    parsed = parse_query(request.text) if request.text else None
    hits, counts = engine.execute_many(
        [
            page_search(request=request, parsed=parsed, index=engine.alias),
            facet_search(request=request, parsed=parsed, index=engine.alias),
        ]
    )
    words = parsed.highlighted if parsed else []
    return search_results(hits=hits, counts=counts, request=request, words=words)


@pytest.mark.parametrize(
    "text, expected",
    [("政府信息公开", {1}), ("公开", {1, 2, 3, 5}), ("行政处罚", {2}), ("预算", {3}),
     ("预算明细", {3}), ("ppp", {5})],
)  # fmt: skip
def test_chinese_phrases_find_exactly_the_items_that_contain_them(loaded, text, expected):
    assert set(found(loaded, text)) == expected


def test_an_exact_title_ranks_first_and_fragments_are_highlighted(loaded):
    hits = results(loaded, text="政府信息").hits

    assert int(hits[0].id) == 4
    assert hits[0].title_highlighted == "<em>政府信息</em>"


def test_fragments_are_escaped_html_with_only_the_marks_added(loaded):
    hit = results(loaded, text="项目").hits[0]

    assert hit.title_highlighted == "PPP<em>项目</em>合同公开"
    assert hit.fragments[0].startswith("&lt;script&gt;alert(1)&lt;")
    assert "<script" not in hit.fragments[0]
    assert "<em>项目</em>" in hit.fragments[0]


def test_query_syntax_in_the_users_text_is_just_text(loaded):
    assert found(loaded, 'title:政府 OR "预算') == []
    assert found(loaded, "%") == [] and found(loaded, "_") == []


def test_filters_narrow_the_results_and_facets_count_them(loaded):
    everything = results(loaded, text="公开")
    assert everything.total == 4
    facets = {
        name: {v.value: v.count for v in values} for name, values in everything.facets.items()
    }
    assert facets == {
        "category": {"法规公文": 2, "法规公文/规范性文件": 1, "财政信息": 2},
        "year": {"2012": 4},
        "department": {"党政办公室": 1, "综合执法队": 1, "财政所": 2},
        "validity": {"有效": 3, "已废止": 1},
    }

    assert {int(h.id) for h in results(loaded, text="公开", category="法规公文").hits} == {1, 2}
    assert {int(h.id) for h in results(loaded, text="公开", department="财政所").hits} == {3, 5}
    assert {int(h.id) for h in results(loaded, text="公开", validity="已废止").hits} == {2}
    assert results(loaded, text="信息", year=2011).total == 1
    in_january = results(
        loaded, date_from=datetime.date(2012, 1, 2), date_to=datetime.date(2012, 1, 3)
    )
    assert [int(h.id) for h in in_january.hits] == [3, 2]
    selected = results(loaded, text="公开", validity="已废止").facets["validity"]
    assert [(v.label, v.selected) for v in selected] == [("已废止", True)]


def test_date_order_and_pages(loaded):
    first = results(loaded, sort=Sort.DATE, page=1, page_size=2)
    second = results(loaded, sort=Sort.DATE, page=2, page_size=2)
    last = results(loaded, sort=Sort.DATE, page=3, page_size=2)

    assert first.total == 5 and first.pages == 3
    assert [int(h.id) for h in first.hits + second.hits + last.hits] == [5, 3, 2, 1, 4]
    assert first.hits[0].publish_date == "2012-01-05"


def test_a_hit_carries_what_the_result_list_shows(loaded):
    hit = results(loaded, text="规范").hits  # only in a category name: not found
    assert hit == []

    hit = results(loaded, text="年度报告").hits[0]
    assert (hit.title, hit.url, hit.index_number, hit.publisher, hit.category) == (
        "庄市街道政府信息公开工作年度报告", "/items/1/", "X/2012-00001", "党政办公室",
        "法规公文/规范性文件",
    )  # fmt: skip


def test_reindexing_swaps_the_alias_and_drops_the_old_index(loaded):
    index = loaded.index_create()
    loaded.documents_load(index, DOCUMENTS[:1])
    assert set(found(loaded, "公开")) == {1, 2, 3, 5}  # the new index is not read yet

    loaded.index_publish(index)

    assert loaded.indexes_behind_alias() == [index]
    assert all_indexes(loaded) == {index}
    assert found(loaded, "公开") == [1]


def test_documents_are_put_and_deleted_one_by_one(loaded):
    loaded.document_put(document(6, "新增的预算调整", categories=["财政信息"]))
    loaded.document_delete("3")
    loaded.document_delete("999")  # absent: nothing happens

    assert found(loaded, "预算") == [6]
    assert loaded.document_fingerprints() == {k: k for k in ["1", "2", "4", "5", "6"]}


@pytest.mark.parametrize(
    "source, fields",
    [(False, set()), (["title"], {"title"}), ({"excludes": ["body", "attachments"]}, None)],
)
def test_source_filtering_is_the_same_on_every_engine(loaded, source, fields):
    search = item_search(text="预算", index=loaded.alias).extra(_source=source)

    [hit] = loaded.execute(search)["hits"]["hits"]

    returned = set(hit.get("_source", {}))
    if fields is None:
        assert "title" in returned and not returned & {"body", "attachments"}
    else:
        assert returned == fields


def test_a_summary_repeating_the_body_is_shown_once(loaded):
    paragraph = "街道围绕财政预算管理开展专题工作，各村（社区）负责人参加。"
    loaded.document_put(document(7, "培训班", paragraph, f"{paragraph}\n会议学习了预算法。"))

    [hit] = results(loaded, text="预算管理").hits

    assert len(hit.fragments) == 1
    assert hit.fragments[0].startswith("街道围绕财政<em>预算管理</em>开展专题工作")
