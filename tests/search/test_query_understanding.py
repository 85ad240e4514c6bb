"""Words, not strings: what people type finds what they mean, the same on every engine
(the database engine on SQLite or PostgreSQL, and the real OpenSearch node)."""

import datetime

import pytest

from gov_disclosure.search.models import SearchTerm, Synonym
from gov_disclosure.search.queries import SearchRequest, Sort
from gov_disclosure.search.services import search_run
from gov_disclosure.search.vocabulary import vocabulary_rebuild
from tests.search.conftest import ENGINES, loaded_engine


def document(id, title, summary="", body="", **fields):
    return {
        "id": str(id), "kind": "item", "title": title, "summary": summary, "body": body,
        "keywords": "", "attachments": "", "publisher": "党政办公室", "categories": ["法规公文"],
        "year": 2012, "publish_date": datetime.date(2012, 1, id), "validity": "有效",
        "url": f"/items/{id}/", "index_number": f"11330211002958378R/2012-{id:05d}",
        "document_number": None, "fingerprint": str(id), **fields,
    }  # fmt: skip


DOCUMENTS = [
    document(1, "庄市街道2012年预算执行情况的报告", body="全年财政收入完成预算的102%。"),
    document(2, "关于下达2012年部门预算的通知", body="庄市各单位：现将预算下达。"),
    document(3, "庄市街道消防安全检查工作方案", body="开展消防安全大检查。",
             document_number="庄街〔2012〕15号"),
    document(4, "安全生产月活动通知", body="各村社区要重视安全。消防队参加演练。"),
    document(5, "关于三公经费的说明", keywords="预算 三公经费", body="公开经费使用情况。"),
    document(6, "因公出国（境）费用情况", body="全年因公出国（境）费用为零。"),
    document(7, "最低生活保障标准调整", body="提高城乡最低生活保障标准。"),
    document(8, "营业税改征增值税试点", body="税收政策宣传。", publisher="地方税务所"),
    document(9, "ＣＯＶＩＤ疫情防控", body="防控措施。"),
    document(10, "财务审计报告", attachments="附件：審計結果公告"),
    document(11, "信息公开指南", body="预算公开和执行情况在此查询。", kind="guide"),
    document(12, "个体工商户年报", body="依法纳税。"),
]  # fmt: skip


@pytest.fixture(params=ENGINES)
def loaded(request, settings, db):
    yield from loaded_engine(settings, request.param, "disclosure-test-words-", DOCUMENTS)


@pytest.fixture
def vocabulary(db):
    vocabulary_rebuild(
        titles=[d["title"] for d in DOCUMENTS],
        keywords=[w for d in DOCUMENTS for w in d["keywords"].split()],
    )


def found(text: str, **request) -> list[int]:
    results = search_run(request=SearchRequest(text=text, page_size=50, **request))
    return [int(hit.id) for hit in results.hits]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("庄市 预算", {1, 2}),  # two words apart in the item: both must be there
        ("消防 安全", {3, 4}),
        ("2012年 预算", {1, 2}),
        ("预算", {1, 2, 5, 11}),  # 5 only through its keywords
        ("税", {8, 12}),  # one character
        ("預算 執行", {1, 11}),  # traditional characters
        ("ｃｏｖｉｄ", {9}),  # full-width letters
        ("审计结果", {10}),  # the attachment writes it in traditional characters
        ("税务所", {8}),  # the publishing department
    ],
)
def test_every_word_must_be_found_somewhere_in_the_item(loaded, text, expected):
    assert set(found(text)) == expected


def test_a_one_character_word_in_the_title_ranks_first(loaded):
    # 12 is the shorter and the newer, and has 税 only in its body.
    assert found("税") == [8, 12]


def test_a_phrase_without_spaces_is_cut_into_words(loaded):
    # The items say 预算执行情况, never 财政预算执行情况; item 1 also says 财政.
    assert found("财政预算执行情况") == [1]
    # Function words do not have to be in the item.
    assert found("关于庄市的消防检查") == [3]


def test_words_standing_together_rank_above_words_far_apart(loaded):
    # Item 3 writes 消防安全; item 4 has 安全 and 消防 in different sentences.
    assert found("消防 安全") == [3, 4]


def test_quotation_marks_ask_for_the_exact_phrase(loaded):
    assert set(found("消防安全")) == {3, 4}
    assert found('"消防安全"') == [3]
    assert found("“消防安全”") == [3]


@pytest.mark.parametrize(
    "text", ["庄街〔2012〕15号", "庄街[2012]15号", "庄街【2012】15号", "庄街2012 15号"]
)
def test_a_document_number_is_found_however_its_brackets_are_written(loaded, text):
    assert found(text)[0] == 3


def test_an_index_number_and_an_exact_title_rank_first(loaded):
    assert found("11330211002958378R/2012-00007") == [7]
    assert found("安全生产月活动通知")[0] == 4


def test_when_no_item_has_every_word_the_best_partial_matches_are_marked(loaded):
    results = search_run(request=SearchRequest(text="消防 增值税", page_size=50))

    assert results.partial
    assert {int(hit.id) for hit in results.hits} == {3, 4, 8}

    complete = search_run(request=SearchRequest(text="消防 安全"))
    assert not complete.partial


def test_with_no_item_holding_three_words_the_items_holding_two_of_them_are_shown(loaded):
    results = search_run(request=SearchRequest(text="消防 安全 增值税", page_size=50))

    assert results.partial
    # 3 has both words in its title, 4 only in its body.
    assert [int(hit.id) for hit in results.hits] == [3, 4]


def test_synonyms_kept_by_the_office_apply_without_a_reindex(loaded):
    assert found("低保") == []

    Synonym.objects.create(term="低保", equivalents="最低生活保障")
    Synonym.objects.create(
        term="三公经费", equivalents="因公出国（境）费用、公务用车购置及运行费、公务接待费"
    )

    assert found("低保") == [7]
    assert set(found("三公经费")) == {5, 6}
    assert found("最低生活保障") == [7]  # both ways by default, and 7 is the only one


def test_one_way_synonyms_do_not_widen_the_other_word(loaded):
    Synonym.objects.create(term="三公经费", equivalents="因公出国（境）费用", both_ways=False)

    assert set(found("三公经费")) == {5, 6}
    assert found("因公出国（境）费用") == [6]


def test_words_are_marked_in_the_title_and_fragments(loaded):
    [hit] = search_run(request=SearchRequest(text="審計結果")).hits

    assert hit.title == "财务审计报告"
    assert hit.fragments == ["附件：<em>審計結果</em>公告"]


def test_a_typo_offers_the_written_word_without_replacing_the_query(loaded, vocabulary):
    results = search_run(request=SearchRequest(text="消防安全检察"))  # 检察 for 检查

    assert results.correction == "消防安全检查"
    assert results.total == 0 or results.partial


def test_pinyin_offers_the_chinese_word(loaded, vocabulary):
    assert search_run(request=SearchRequest(text="xiaofang")).correction == "消防"
    assert search_run(request=SearchRequest(text="sgjf")).correction == "三公经费"


def test_filters_and_date_order_apply_to_the_words(loaded):
    newest_first = search_run(request=SearchRequest(text="预算", sort=Sort.DATE)).hits
    assert [int(h.id) for h in newest_first] == [11, 5, 2, 1]
    assert set(found("预算", date_to=datetime.date(2012, 1, 2))) == {1, 2}


def test_the_vocabulary_knows_titles_keywords_and_their_pinyin(vocabulary):
    term = SearchTerm.objects.get(term="三公经费")
    assert (term.pinyin, term.initials, term.kind) == ("sangongjingfei", "sgjf", "keyword")
    assert SearchTerm.objects.filter(term="营业税改征增值税试点", kind="title").exists()


def test_the_offices_keywords_join_the_segmenters_dictionary(db):
    from gov_disclosure.search.query_words import parse_query
    from gov_disclosure.search.vocabulary import office_words_load

    vocabulary_rebuild(titles=["开展三改一拆专项行动"], keywords=["三改一拆"])
    office_words_load()

    assert [word.text for word in parse_query("三改一拆工作").words] == ["三改一拆", "工作"]
    assert SearchTerm.objects.get(term="三改一拆").kind == "keyword"


def test_a_query_of_punctuation_alone_finds_nothing_rather_than_everything(loaded):
    results = search_run(request=SearchRequest(text="！！！……"))

    assert results.total == 0 and results.hits == []


@pytest.fixture(params=ENGINES)
def scattered(request, settings, db):
    # Every gram of 消防安全 is there, never in a row; and the word "long".
    documents = [document(1, "工作要点", body="安全消防，防安 long term")]
    yield from loaded_engine(settings, request.param, "disclosure-test-scattered-", documents)


def test_a_phrase_is_not_found_where_only_its_grams_are_scattered(scattered):
    assert found('"消防安全"') == []
    assert found("long") == [1]
