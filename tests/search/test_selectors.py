"""What goes into the public search index, and what never does."""

import pytest

from gov_disclosure.search.selectors import page_search_document, searchable_items
from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db


def test_only_live_public_items_are_searchable(make_item, publish, category):
    live = publish(make_item(title="已发布"))
    draft = make_item(title="草稿")
    in_review = publish(make_item(title="审核中的修改"))
    in_review.title = "审核中的新标题"
    in_review.save_revision()

    items = searchable_items()

    assert set(items) == {live, in_review}
    assert draft not in items
    assert page_search_document(page=items.get(pk=in_review.pk))["title"] == "审核中的修改"


def test_a_document_carries_the_public_fields_and_text(agency, department, publish, make_item):
    parent = CategoryFactory(parent=agency, title="法规公文", code="02")
    child = CategoryFactory(parent=parent, title="规范性文件", code="01")
    item = publish(
        make_item(
            parent=child,
            title="关于政府信息公开的规定",
            summary="内容概述",
            body=[{"type": "paragraph", "value": "<p>第一条&nbsp;为了<b>保障</b>公民权利。</p>"}],
        )
    )

    document = page_search_document(page=item)

    assert document["categories"] == ["法规公文", "法规公文/规范性文件"]
    assert document["body"] == "第一条\xa0为了保障公民权利。\n"
    assert document["publisher"] == department.name
    assert document["index_number"] == item.index_number
    assert document["year"] == item.publish_date.year
    assert document["agency_id"] == agency.pk
