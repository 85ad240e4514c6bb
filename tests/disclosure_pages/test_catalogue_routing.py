"""Items and categories are routed in one query (gov_disclosure.pages.routing) and land
exactly where Wagtail's own routing would: same site, same page, same refusals."""

import itertools

import pytest
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from gov_disclosure.pages.routing import _site_for, _table, catalogue_route, routes_forget
from tests.factories import AgencyFactory, CategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(site_root, make_item, publish):
    return publish(make_item(title="庄市街道2024年财政预算", summary="公开2024年财政预算。"))


def _route(path, host="localhost"):
    request = RequestFactory().get(path, HTTP_HOST=host)
    catalogue_route(request, path.lstrip("/"))
    return getattr(request, "_wagtail_route_for_request", None), request


def test_an_item_and_a_category_are_found_in_one_query(item, django_assert_max_num_queries):
    _table()  # the table of sites and agencies, kept in the cache
    with django_assert_max_num_queries(1):
        route, request = _route(item.url)
    assert route.page.pk == item.pk and request._wagtail_site.is_default_site

    category = item.get_parent()
    route, _ = _route(category.url)
    assert route.page.pk == category.pk


def test_a_page_not_live_or_missing_is_left_to_wagtail(client, item, make_item):
    draft = make_item(title="草稿")
    assert _route(draft.url)[0] is None
    assert _route(item.url + "missing/")[0] is None
    assert client.get(draft.url).status_code == 404
    assert client.get(item.get_parent().url + "missing/").status_code == 404


def test_a_restricted_item_is_still_refused(client, item):
    PageViewRestriction.objects.create(
        page=item.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    html = client.get(item.url).content.decode()

    assert item.summary not in html and 'name="password"' in html


def test_a_restriction_added_after_a_visit_is_followed(client, item):
    assert client.get(item.url).status_code == 200  # the routing table is made
    PageViewRestriction.objects.create(
        page=item.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    html = client.get(item.url).content.decode()

    assert item.summary not in html and 'name="password"' in html


def test_an_alias_of_a_restricted_category_is_refused_too(client, item):
    """Wagtail applies the restrictions of an alias's source to the alias."""
    category = item.get_parent()
    PageViewRestriction.objects.create(
        page=category, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert client.get(category.url).status_code == 200  # the routing table is made
    alias = category.create_alias(parent=category.get_parent(), update_slug="budget-copy")

    html = client.get(alias.url).content.decode()

    assert alias.live and category.title not in html and 'name="password"' in html


def test_a_renamed_category_and_a_moved_site_are_followed(client, item, publish):
    category = item.get_parent().specific
    old_url = item.url
    category.slug = "budget"
    publish(category)
    item.refresh_from_db()

    assert client.get(item.url).status_code == 200
    assert item.url != old_url and client.get(old_url).status_code != 200

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.is_default_site = "zhuangshi.example.cn", False
    site.save()
    Site.objects.create(hostname="other.example.cn", root_page=Page.get_first_root_node(),
                        is_default_site=True)  # fmt: skip

    assert client.get(item.url, HTTP_HOST="zhuangshi.example.cn").status_code == 200
    assert client.get(item.url, HTTP_HOST="other.example.cn").status_code == 404


def test_agencies_under_a_page_with_routes_of_its_own_are_left_to_wagtail(site_root, monkeypatch):
    from gov_disclosure.pages.models import DisclosureIndexPage

    routes_forget()
    assert _table()["agencies"][Site.objects.get().pk]

    # An agency page type whose routing is its own: the shortcut must not pass it by.
    monkeypatch.setattr(DisclosureIndexPage, "route", lambda self, request, path: None)
    routes_forget()
    assert _table()["agencies"][Site.objects.get().pk] == []


@pytest.mark.parametrize("hostname,port", [("a.cn", 80), ("a.cn", 8080), ("b.cn", 80),
                                           ("c.cn", 80), ("localhost", 80)])  # fmt: skip
@pytest.mark.parametrize("layout", range(4))
def test_the_site_is_the_one_wagtail_finds(root_page, hostname, port, layout):
    Site.objects.all().delete()
    agency = AgencyFactory(parent=root_page)
    CategoryFactory(parent=agency)
    sites = [("a.cn", 80, False), ("a.cn", 8080, False), ("b.cn", 80, True), ("b.cn", 81, False)]
    for position, (host, site_port, default) in enumerate(
        itertools.islice(itertools.cycle(sites), layout, layout + 2 + layout % 2)
    ):
        Site.objects.create(hostname=host, port=site_port, root_page=agency,
                            is_default_site=default and position == 0)  # fmt: skip
    routes_forget()

    try:
        expected = get_site_for_hostname(hostname, port).pk
    except Site.DoesNotExist:
        expected = None
    found = _site_for(_table()["sites"], hostname, port)

    assert (found["id"] if found else None) == expected
