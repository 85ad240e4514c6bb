"""The admin's pages cost the same number of queries for nine rows or forty-five, items
live or waiting in review: no query per row, for 党政办 and for an information officer."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db


def queries(client, path: str) -> int:
    client.get(path)  # the first visit fills per-process caches (content types, sites)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200, path
    return len(captured)


def add_items(office, count: int) -> None:
    """``count`` each of live items, drafts in review and live items revised in review,
    and of categories (each with a subcategory) the officer's department reports to."""
    officer = office.users["officer"]
    for n in range(count):
        category = CategoryFactory(parent=office.agency, title=f"分类{n}", code=f"X{n}")
        subcategory = CategoryFactory(parent=category, title=f"子分类{n}", code="01")
        office.department_a.categories.add(category, subcategory)
        office.item(title=f"第{n}号通知", live=True)
        draft = office.item(title=f"第{n}号通知（待审）")
        revised = office.item(title=f"第{n}号公告", live=True)
        revised.title = f"第{n}号公告（修订）"
        for item in (draft, revised):
            item.save_revision(user=officer)
            item.get_workflow().start(item, officer)


@pytest.mark.parametrize("role", ["officer", "office"])
def test_admin_pages_do_not_query_per_row(office, role):
    client = Client()
    client.force_login(office.users[role])
    pages = [
        f"/admin/pages/{office.category_a.pk}/",  # a category in the page explorer
        "/admin/disclosure_items/",  # 公开信息目录
        "/admin/disclosure_items/?ordering=-publish_date",
        "/admin/",  # the dashboard
        "/admin/reports/workflow_tasks/",  # what waits for review
        "/admin/pages/search/?q=通知",
    ]
    if role == "office":
        pages += ["/admin/review/log/", "/admin/review/timeliness/"]
    else:
        # The agency's categories. (For 党政办, who may delete a category, each category
        # holding subcategories still costs one query: does it hold live items?)
        pages += [f"/admin/pages/{office.agency.pk}/"]
    add_items(office, 3)
    few = {path: queries(client, path) for path in pages}
    add_items(office, 12)
    many = {path: queries(client, path) for path in pages}

    more = {path: many[path] - few[path] for path in pages if many[path] > few[path]}
    assert more == {}
    # And no admin page of these needs more than a few dozen (they needed up to ~200).
    assert max(many.values()) <= 60, many


def test_the_item_editor_of_a_long_item_needs_few_queries(office, django_assert_max_num_queries):
    client = Client()
    client.force_login(office.users["officer"])
    item = office.item(
        title="一份长文件", body=[("paragraph", f"<p>第{n}段。</p>") for n in range(200)]
    )
    client.get(f"/admin/pages/{item.pk}/edit/")
    with django_assert_max_num_queries(45):
        assert client.get(f"/admin/pages/{item.pk}/edit/").status_code == 200
