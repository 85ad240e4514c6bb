"""A page of results is kept until the index changes (gov_disclosure.search.results_cache):
a search repeated is not run again, yet never shows what the index no longer says."""

import pytest

from gov_disclosure.review.services import item_unpublish
from gov_disclosure.search.models import SearchQueryDay
from gov_disclosure.search.queries import SearchRequest
from gov_disclosure.search.services import search_run
from tests.workflow import superuser

pytestmark = pytest.mark.django_db


def _titles(text: str) -> list[str]:
    return [hit.title for hit in search_run(request=SearchRequest(text=text)).hits]


def test_a_repeated_search_is_answered_without_the_engine(engine, site_root, make_item,
                                                        publish, django_capture_on_commit_callbacks,
                                                        monkeypatch):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        publish(make_item(title="关于预算公开的通知"))
    assert _titles("预算") == ["关于预算公开的通知"]

    asked = []
    original = type(engine).execute_many

    def counted(self, searches):
        asked.append(len(searches))
        return original(self, searches)

    monkeypatch.setattr(type(engine), "execute_many", counted)

    assert _titles("预算") == ["关于预算公开的通知"]
    assert asked == []
    assert _titles("预算公开") == ["关于预算公开的通知"] and asked  # another query is run


def test_a_publication_and_a_withdrawal_show_in_the_next_search(
    engine, site_root, make_item, publish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = publish(make_item(title="关于预算公开的通知"))
    assert _titles("预算") == ["关于预算公开的通知"]

    with django_capture_on_commit_callbacks(execute=True):
        publish(make_item(title="二〇二四年预算执行情况"))
    assert sorted(_titles("预算")) == ["二〇二四年预算执行情况", "关于预算公开的通知"]

    with django_capture_on_commit_callbacks(execute=True):
        item_unpublish(item=first, user=superuser(), reason="测试撤下原因")
    assert _titles("预算") == ["二〇二四年预算执行情况"]


def test_every_search_is_counted_in_the_query_log_kept_or_not(client, engine, site_root):
    for _ in range(3):
        assert client.get("/disclosure/search/", {"q": "预算"}).status_code == 200

    assert SearchQueryDay.objects.get(query="预算").searches == 3
