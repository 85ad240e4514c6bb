"""A category's table is rendered once per catalogue change and kept (the catalogue
version in gov_disclosure.pages.public_changes): what a visitor reads is still what is
published now, and nothing one visitor put in an address reaches another."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


@pytest.fixture
def category_with_items(
    site_root, category, make_item, publish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            publish(make_item(title=f"关于预算公开的通知（{n}）"))
    return category


def _html(client, url, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_table_is_kept_between_visitors(client, category_with_items):
    first = _html(client, category_with_items.url)
    assert "关于预算公开的通知（2）" in first

    with CaptureQueriesContext(connection) as queries:
        second = _html(client, category_with_items.url)

    assert second == first
    # The category, its agency, ancestors and subcategories; no item is read again.
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "disclosure_pages_disclosureitempage" not in read


def test_a_publication_withdrawal_and_rename_show_at_once(
    client, category_with_items, make_item, publish, django_capture_on_commit_callbacks
):
    _html(client, category_with_items.url)

    with django_capture_on_commit_callbacks(execute=True):
        publish(make_item(title="二〇二四年预算执行情况"))
    assert "二〇二四年预算执行情况" in _html(client, category_with_items.url)

    with django_capture_on_commit_callbacks(execute=True):
        category_with_items.title = "财政预决算"
        publish(category_with_items)
    assert '<caption class="visually-hidden">财政预决算</caption>' in _html(
        client, category_with_items.url
    )


def test_an_address_with_other_parameters_is_never_kept_for_others(client, category_with_items):
    odd = _html(client, category_with_items.url, sort="title", utm_source="evil")
    assert "utm_source=evil" in odd  # the visitor's own links keep what they typed

    for params in ({"sort": "title"}, {}):
        assert "evil" not in _html(client, category_with_items.url, **params)


def test_a_subcategory_restricted_later_leaves_the_kept_page(
    client, category_with_items, publish, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    from tests.factories import CategoryFactory

    with django_capture_on_commit_callbacks(execute=True):
        sub = publish(CategoryFactory(parent=category_with_items, title="内部资料", code="01"))
    assert "内部资料" in _html(client, category_with_items.url)

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=sub, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )

    assert "内部资料" not in _html(client, category_with_items.url)
