"""Published items reach the OpenSearch index after commit; nothing else ever does."""

import datetime

import pytest

from gov_disclosure.review.services import item_unpublish
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
    disclosure_settings, make_item, django_capture_on_commit_callbacks
):
    disclosure_settings.SEARCH_URL = "opensearch://127.0.0.1:9"  # nothing listens there

    item = make_item(title="引擎停机时发布的信息")
    with django_capture_on_commit_callbacks(execute=True):
        published = publish_through_workflow(item)

    assert published.live and published.index_number


def test_the_agencys_guide_is_searchable_too(
    engine, agency, publish, django_capture_on_commit_callbacks
):
    from tests.factories import GuideFactory

    guide = GuideFactory(parent=agency, live=False, body="<p>申请政府信息公开的渠道和方式。</p>")
    with django_capture_on_commit_callbacks(execute=True):
        publish(guide)

    assert titles(engine, "申请政府信息公开") == ["公开指南"]


def test_items_of_a_hidden_validity_leave_the_search(
    engine, make_item, publish, django_capture_on_commit_callbacks
):
    from gov_disclosure.search.models import SearchSettings

    with django_capture_on_commit_callbacks(execute=True):
        publish(make_item(title="有效的预算办法", validity="有效"))
        publish(
            make_item(
                title="已废止的预算办法", validity="已废止", abolished_date=datetime.date.today()
            )
        )
    assert sorted(titles(engine, "预算办法")) == ["已废止的预算办法", "有效的预算办法"]

    with django_capture_on_commit_callbacks(execute=True):
        search_settings = SearchSettings.load()
        search_settings.hidden_validities = ["已废止"]
        search_settings.save()  # the office saves the setting: the index is rebuilt

    assert titles(engine, "预算办法") == ["有效的预算办法"]


def test_a_lapsed_item_is_reindexed_with_its_new_validity(
    engine, make_item, publish, django_capture_on_commit_callbacks
):
    from gov_disclosure.review.services import items_mark_lapsed
    from gov_disclosure.search.models import SearchSettings

    search_settings = SearchSettings.load()
    search_settings.hidden_validities = ["已失效"]
    search_settings.save()
    with django_capture_on_commit_callbacks(execute=True):
        publish(make_item(title="临时行政处罚规定", expiry_date=datetime.date(2025, 1, 1)))
    assert titles(engine, "行政处罚") == []  # published already lapsed: 已失效 on publishing

    with django_capture_on_commit_callbacks(execute=True):
        publish(make_item(title="长期行政处罚规定", expiry_date=datetime.date(2030, 1, 1)))
    assert titles(engine, "行政处罚") == ["长期行政处罚规定"]
    with django_capture_on_commit_callbacks(execute=True):
        items_mark_lapsed(today=datetime.date(2030, 1, 1))

    assert titles(engine, "行政处罚") == []


def test_renaming_a_category_or_department_updates_its_items(
    engine, make_item, publish, category, department, django_capture_on_commit_callbacks
):
    from gov_disclosure.search.queries import SearchRequest
    from gov_disclosure.search.services import search_run

    with django_capture_on_commit_callbacks(execute=True):
        publish(make_item(title="财政预算公开"))
        category.title = "政策文件"
        publish(category)
        department.name = "财政和审计办公室"
        department.save()

    [hit] = search_run(request=SearchRequest(text="预算")).hits
    assert (hit.category, hit.publisher) == ("政策文件", "财政和审计办公室")


def test_a_restriction_added_after_publishing_takes_the_items_out(
    engine, make_item, publish, category, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    with django_capture_on_commit_callbacks(execute=True):
        publish(make_item(title="内部预算通报"))
    assert titles(engine, "预算") == ["内部预算通报"]

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=category, restriction_type=PageViewRestriction.PASSWORD, password="x1y2"
        )
    assert titles(engine, "预算") == []

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert titles(engine, "预算") == ["内部预算通报"]
