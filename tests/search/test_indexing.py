"""Published items reach the OpenSearch index after commit; nothing else ever does."""

import pytest

from review.services import item_unpublish
from tests.search.conftest import titles
from tests.workflow import publish_through_workflow, superuser

pytestmark = pytest.mark.django_db


def test_publishing_indexes_and_unpublishing_removes(
    engine, make_item, django_capture_on_commit_callbacks
):
    item = make_item(title="关于推进政府信息公开标准化的通知")
    with django_capture_on_commit_callbacks(execute=True):
        publish_through_workflow(item)
    assert titles(engine, "政府信息公开") == ["关于推进政府信息公开标准化的通知"]

    with django_capture_on_commit_callbacks(execute=True):
        item_unpublish(item=item, user=superuser(), reason="测试撤下原因")
    assert titles(engine, "政府信息公开") == []


def test_drafts_and_revisions_in_review_never_reach_the_index(
    engine, make_item, django_capture_on_commit_callbacks
):
    draft = make_item(title="草稿：政府信息公开")
    live = make_item(title="已发布：行政处罚")
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision()
        publish_through_workflow(live)
        live.title = "修改中：行政处罚（未审核）"
        live.save_revision()
        live.get_workflow().start(live, superuser())

    assert titles(engine, "政府信息公开") == []
    assert titles(engine, "行政处罚") == ["已发布：行政处罚"]


def test_deleting_an_item_removes_it(engine, make_item, django_capture_on_commit_callbacks):
    item = make_item(title="将被删除的预算信息")
    with django_capture_on_commit_callbacks(execute=True):
        publish_through_workflow(item)
        item.delete()

    assert titles(engine, "预算") == []


def test_publishing_succeeds_while_the_engine_is_down(
    settings, make_item, django_capture_on_commit_callbacks
):
    settings.SEARCH_URL = "opensearch://127.0.0.1:9"  # nothing listens there

    item = make_item(title="引擎停机时发布的信息")
    with django_capture_on_commit_callbacks(execute=True):
        published = publish_through_workflow(item)

    assert published.live and published.index_number
