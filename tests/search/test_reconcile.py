"""manage.py search_reconcile: the index compared with the database, and repaired."""

import io

import pytest
from django.core.management import call_command

from gov_disclosure.schedule import BEAT_SCHEDULE
from gov_disclosure.search.services import index_reconcile
from gov_disclosure.search.tasks import reconcile_index
from tests.search.conftest import titles

pytestmark = pytest.mark.django_db


def test_missing_stale_and_extra_documents_are_reported_then_fixed(engine, make_item, publish):
    kept = publish(make_item(title="保持不变的预算"))
    changed = publish(make_item(title="旧标题的预算"))
    call_command("search_reindex", stdout=io.StringIO())
    # What indexing missed: a publication while the broker was down, a change made
    # behind Wagtail's back, a document of a page that no longer exists.
    missed = publish(make_item(title="漏掉索引的预算"))
    type(changed).objects.filter(pk=changed.pk).update(title="新标题的预算")
    engine.document_put({**engine_document(engine, kept.pk), "id": "987654"})

    output = io.StringIO()
    call_command("search_reconcile", stdout=output)

    report = output.getvalue()
    assert f"缺失：1 条（文档 {missed.pk}）" in report
    assert f"过期：1 条（文档 {changed.pk}）" in report
    assert "多余：1 条（文档 987654）" in report
    assert "加 --fix 修复" in report
    assert sorted(titles(engine, "预算")) == ["保持不变的预算", "保持不变的预算", "旧标题的预算"]

    call_command("search_reconcile", "--fix", stdout=io.StringIO())

    assert sorted(titles(engine, "预算")) == ["保持不变的预算", "新标题的预算", "漏掉索引的预算"]
    assert index_reconcile().total == 0


def engine_document(engine, page_id: int) -> dict:
    from wagtail.models import Page

    from gov_disclosure.search.selectors import page_search_document

    return page_search_document(page=Page.objects.get(pk=page_id).specific)


def test_an_item_published_during_a_reindex_is_repaired_by_reconcile(
    engine, make_item, publish, monkeypatch, django_capture_on_commit_callbacks
):
    from gov_disclosure.search.services import index_rebuild

    with django_capture_on_commit_callbacks(execute=True):
        publish(make_item(title="重建前的政府信息公开"))
    switch = engine.index_publish
    published_meanwhile = []

    def publish_meanwhile_then_switch(name):
        # An editor's item goes live after the rebuild has read the pages: its
        # indexing task writes to the old index, which the switch then drops.
        if not published_meanwhile:
            published_meanwhile.append(True)
            with django_capture_on_commit_callbacks(execute=True):
                publish(make_item(title="重建中发布的政府信息公开"))
        switch(name)

    monkeypatch.setattr(engine, "index_publish", publish_meanwhile_then_switch)
    index_rebuild()
    monkeypatch.undo()
    assert titles(engine, "政府信息公开") == ["重建前的政府信息公开"]

    reconcile_index.delay()  # what beat runs nightly

    assert sorted(titles(engine, "政府信息公开")) == [
        "重建中发布的政府信息公开",
        "重建前的政府信息公开",
    ]


def test_reconcile_runs_nightly():
    schedule = BEAT_SCHEDULE["search-reconcile"]
    assert schedule["task"] == "gov_disclosure.search.tasks.reconcile_index"
    assert (schedule["schedule"].hour, schedule["schedule"].minute) == ({2}, {30})
