"""The admin's listings cost the same number of queries for five rows or twenty-five: no
query per row, for 党政办 and for an information officer alike."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def queries(client, path: str) -> int:
    client.get(path)  # the first visit fills per-process caches (content types, sites)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def add_items(office, count: int) -> None:
    for n in range(count):
        office.item(title=f"第{n}号通知", live=True)  # a listing's rows, live as most are


@pytest.mark.parametrize("role", ["officer", "office"])
def test_listings_do_not_query_per_row(office, role):
    client = Client()
    client.force_login(office.users[role])
    pages = [
        f"/admin/pages/{office.category_a.pk}/",  # a category in the page explorer
        "/admin/disclosure_items/",  # 公开信息目录
        "/admin/",  # the dashboard
    ]
    add_items(office, 5)
    few = {path: queries(client, path) for path in pages}
    add_items(office, 20)
    many = {path: queries(client, path) for path in pages}

    assert {path: many[path] - few[path] for path in pages} == {path: 0 for path in pages}
    # And no admin page of these needs more than a few dozen (they needed up to ~200).
    assert max(many.values()) <= 60, many
