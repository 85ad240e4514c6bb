"""GET /api/search/: what the district site and the public page are given."""

import datetime

import pytest

from gov_disclosure.search.forms import SearchQueryForm
from tests.workflow import publish_through_workflow

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(engine, make_item, publish, category, django_capture_on_commit_callbacks):
    from tests.factories import CategoryFactory

    budget = CategoryFactory(parent=category.get_parent(), title="财政信息", code="05")
    with django_capture_on_commit_callbacks(execute=True):
        published = [
            publish(make_item(title=f"政府信息公开工作通知第{n}号", summary="做好政府信息公开。"))
            for n in range(4)
        ]
        published.append(
            publish(
                make_item(
                    parent=budget,
                    title="部门预算公开",
                    validity="已废止",
                    abolished_date=datetime.date.today(),
                )
            )
        )
        draft = make_item(title="草稿中的政府信息公开方案")
        draft.save_revision()
    return published


def test_results_with_highlights_metadata_and_facets(client, items):
    response = client.get("/api/search/", {"q": "公开", "page_size": 2})

    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 5 and body["pages"] == 3 and len(body["hits"]) == 2
    hit = body["hits"][0]
    assert set(hit) >= {"title", "url", "fragments", "index_number", "publisher", "publish_date",
                        "category", "validity"}  # fmt: skip
    assert "<em>公开</em>" in hit["title_highlighted"]
    assert {f["value"]: f["count"] for f in body["facets"]["category"]} == {
        "法规公文": 4,
        "财政信息": 1,
    }
    assert {f["value"]: f["count"] for f in body["facets"]["validity"]} == {"有效": 4, "已废止": 1}
    assert "草稿" not in str(body)


def test_filters_and_pages(client, items):
    only = client.get("/api/search/", {"q": "公开", "category": "财政信息"}).json()
    assert [h["title"] for h in only["hits"]] == ["部门预算公开"]

    page_2 = client.get("/api/search/", {"q": "政府信息公开", "page": 2, "page_size": 3}).json()
    assert len(page_2["hits"]) == 1 and page_2["page"] == 2

    by_date = client.get("/api/search/", {"sort": "date", "validity": "有效"}).json()
    dates = [h["publish_date"] for h in by_date["hits"]]
    assert by_date["total"] == 4 and dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    "params, field",
    [
        ({"q": "公" * 101}, "q"),
        ({"q": "预算\x00"}, "q"),
        ({"date_from": "2012-13-01"}, "date_from"),
        ({"date_from": "2012-5-1"}, "date_from"),
        ({"page": "0"}, "page"),
        ({"page": "abc"}, "page"),
        ({"page": "2.0"}, "page"),
        ({"page_size": "51"}, "page_size"),
        ({"validity": "永久"}, "validity"),
        ({"sort": "random"}, "sort"),
        ({"year": "12012"}, "year"),
        ({"agency": "2147483648"}, "agency"),
    ],
)
def test_bad_parameters_get_a_400_with_a_message(client, db, params, field):
    response = client.get("/api/search/", params)

    assert response.status_code == 400
    body = response.json()
    assert field in body["fields"]
    assert body["error"]  # a sentence in Chinese naming the field
    assert str(SearchQueryForm.base_fields[field].label) in body["error"]


def test_a_page_past_the_ones_that_can_be_read_is_a_404_saying_so(client, db):
    response = client.get("/api/search/", {"page": "1000", "page_size": "50"})

    assert response.status_code == 404
    assert "最多可翻阅前 10000 条结果" in response.json()["error"]


def test_dates_in_reverse_find_nothing_rather_than_fail(client, db):
    response = client.get("/api/search/", {"date_from": "2012-05-01", "date_to": "2012-01-01"})

    assert response.status_code == 200
    assert response.json()["total"] == 0


def test_empty_parameters_are_absent_ones(client, db):
    empty = {name: "" for name in SearchQueryForm.base_fields}

    assert client.get("/api/search/", empty).status_code == 200
    assert client.get("/api/search/suggest/", {"q": ""}).json() == {"suggestions": []}


def test_an_unreachable_engine_is_a_503_not_a_crash(client, disclosure_settings, db):
    disclosure_settings.SEARCH_URL = "opensearch://127.0.0.1:9"

    response = client.get("/api/search/", {"q": "预算"})

    assert response.status_code == 503
    assert response.json()["error"] == "检索服务暂时不可用，请稍后再试。"


def test_an_unpublished_item_disappears_from_results(
    client, items, django_capture_on_commit_callbacks
):
    from gov_disclosure.review.services import item_unpublish
    from tests.workflow import superuser

    with django_capture_on_commit_callbacks(execute=True):
        item_unpublish(item=items[-1], user=superuser(), reason="信息有误，撤下")

    assert client.get("/api/search/", {"q": "部门预算"}).json()["total"] == 0


def test_admin_search_finds_chinese_titles(client, make_item, publish):
    from tests.workflow import superuser

    publish_through_workflow(make_item(title="庄市街道政府信息公开工作年度报告"))
    make_item(title="关于行政处罚的草稿")
    client.force_login(superuser())

    found = client.get("/admin/pages/search/", {"q": "政府信息公开"})
    draft = client.get("/admin/pages/search/", {"q": "行政处罚"})

    assert "庄市街道政府信息公开工作年度报告" in found.content.decode()
    assert "关于行政处罚的草稿" in draft.content.decode()  # editors find their drafts
