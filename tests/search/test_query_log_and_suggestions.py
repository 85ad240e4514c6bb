"""What people search (热门搜索, the office's report) and what the box offers as they type."""

import pytest

from gov_disclosure.pages import roles
from gov_disclosure.search.models import SearchQueryDay, Synonym
from gov_disclosure.search.query_log import popular_queries
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(engine, site_root, make_item, publish, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return [
            publish(make_item(title="2012年部门预算公开", summary="预算公开。", keywords="预算")),
            publish(make_item(title="消防安全检查通知", summary="开展检查。")),
        ]


def test_searches_are_counted_without_anything_about_who_searched(client, published):
    for _ in range(3):
        client.get("/api/search/", {"q": "预算"}, REMOTE_ADDR="203.0.113.9")
    client.get("/api/search/", {"q": "预算", "page": 2})  # paging is not another search
    client.get("/disclosure/search/", {"q": "张三 330211198001011234 13800138000"})

    counted = {row.query: (row.searches, row.results) for row in SearchQueryDay.objects.all()}
    assert counted == {"预算": (3, 1), "张三 ＊ ＊": (1, 0)}
    fields = {field.name for field in SearchQueryDay._meta.get_fields()}
    assert fields == {"id", "day", "query", "searches", "results"}


def test_popular_searches_that_found_items_are_shown_on_the_search_page(client, published):
    for _ in range(3):
        client.get("/api/search/", {"q": "预算"})
        client.get("/api/search/", {"q": "没有这个词"})

    assert popular_queries() == ["预算"]
    page = client.get("/disclosure/search/").content.decode()
    assert 'aria-label="热门搜索"' in page and 'href="?q=%E9%A2%84%E7%AE%97">预算</a>' in page


def test_the_office_sees_what_people_could_not_find(client, published):
    client.get("/api/search/", {"q": "垃圾分类"})
    client.get("/api/search/", {"q": "预算"})
    office = UserFactory(role=roles.DISTRICT_OFFICE)
    client.force_login(office)

    page = client.get("/admin/search-queries/").content.decode()

    unanswered = page[page.index("未找到结果的检索") : page.index("热门检索")]
    assert "垃圾分类" in unanswered and "预算" not in unanswered


def test_only_those_allowed_see_the_query_report(client, published, agency):
    client.get("/api/search/", {"q": "垃圾分类"})
    # What the whole platform's public searched for is the district's to read.
    client.force_login(UserFactory(role=roles.OFFICE, role__agency=agency))

    response = client.get("/admin/search-queries/", follow=True)

    # Wagtail answers a denied admin page by sending the user to the dashboard.
    assert response.redirect_chain == [("/admin/", 302)]
    assert "垃圾分类" not in response.content.decode()


def test_the_office_adds_a_synonym_in_the_admin_and_search_uses_it_at_once(client, published):
    client.force_login(UserFactory(role=roles.DISTRICT_OFFICE))
    assert client.get("/api/search/", {"q": "财政开支"}).json()["total"] == 0

    response = client.post(
        "/admin/search_synonyms/new/",
        {"term": "财政开支", "equivalents": "预算\n部门预算", "both_ways": "on"},
    )

    assert response.status_code == 302
    assert Synonym.objects.get().equivalent_list == ["预算", "部门预算"]
    assert client.get("/api/search/", {"q": "财政开支"}).json()["total"] == 1


def test_suggestions_offer_words_titles_and_pinyin(client, published):
    by_pinyin = client.get("/api/search/suggest/", {"q": "yus"}).json()["suggestions"]
    by_initials = client.get("/api/search/suggest/", {"q": "xf"}).json()["suggestions"]
    by_start = client.get("/api/search/suggest/", {"q": "消防"}).json()["suggestions"]

    assert {"text": "预算", "kind": "word"} in by_pinyin
    assert {"text": "消防", "kind": "word"} in by_initials
    assert {"text": "消防安全检查通知", "kind": "title"} in by_start


def test_suggestions_refuse_control_characters_and_offer_nothing_for_nothing(client, published):
    empty = client.get("/api/search/suggest/", {"q": "  "})
    control = client.get("/api/search/suggest/", {"q": "预\x00算"})

    # Nothing typed yet (as the box sends it while empty): nothing to offer, not an error.
    assert empty.status_code == 200 and empty.json() == {"suggestions": []}
    assert control.status_code == 400 and "控制字符" in control.json()["error"]


def test_the_page_says_when_results_miss_a_word_and_offers_a_correction(client, published):
    partial = client.get("/disclosure/search/", {"q": "预算 垃圾分类"}).content.decode()
    typo = client.get("/disclosure/search/", {"q": "消防安全检察"}).content.decode()

    assert "以下结果未包含全部检索词" in partial and "2012年部门<em>预算</em>公开" in partial
    assert '您是不是要找：<a href="?q=' in typo and ">消防安全检查</a>" in typo


def test_the_search_box_offers_suggestions_only_with_scripts(client, published):
    page = client.get("/disclosure/search/").content.decode()

    assert 'list="search-suggestions"' in page and '<datalist id="search-suggestions">' in page
    assert "disclosure_search/suggest.js" in page


def test_the_log_forgets_days_older_than_the_retention(db, disclosure_settings):
    import datetime

    from django.utils import timezone

    from gov_disclosure.schedule import BEAT_SCHEDULE
    from gov_disclosure.search.query_log import query_log_record
    from gov_disclosure.search.tasks import purge_old_query_log

    disclosure_settings.SEARCH_QUERY_LOG_DAYS = 30
    today = timezone.localdate()
    query_log_record(text="预算", results=1, day=today - datetime.timedelta(days=29))
    query_log_record(text="预算", results=1, day=today - datetime.timedelta(days=30))

    assert purge_old_query_log() == 1
    assert list(SearchQueryDay.objects.values_list("day", flat=True)) == [
        today - datetime.timedelta(days=29)
    ]
    assert BEAT_SCHEDULE["search-log-retention"]["task"] == purge_old_query_log.name
