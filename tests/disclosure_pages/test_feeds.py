"""RSS and Atom feeds per agency and per category: published, public items only."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def catalogue(site_root, category, make_item, publish):
    sub = publish(CategoryFactory(parent=category, title="规范性文件", code="01"))
    other = publish(CategoryFactory(parent=site_root, title="工作动态", code="04"))
    items = {
        "budget": publish(make_item(title="庄市街道2025年财政预算", summary="公开2025年预算。")),
        "normative": publish(make_item(parent=sub, title="关于规范物业管理的通知")),
        "news": publish(make_item(parent=other, title="街道召开安全生产会议")),
        "private": publish(make_item(title="内部通报")),
    }
    make_item(title="尚未发布的草稿").save_revision()
    PageViewRestriction.objects.create(
        page=items["private"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    return site_root, category, items


def rss_titles(response) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return [item.findtext("title") for item in channel.findall("item")]


def test_the_agency_feed_lists_its_published_public_items(client, catalogue):
    agency, _category, items = catalogue

    response = client.get(f"/feeds/agency/{agency.pk}/rss/")

    assert sorted(rss_titles(response)) == sorted(
        ["庄市街道2025年财政预算", "关于规范物业管理的通知", "街道召开安全生产会议"]
    )
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == f"{agency.agency_name} 政府信息公开"
    assert channel.findtext("language") == "zh-CN"
    budget = next(i for i in channel.findall("item") if i.findtext("title").endswith("财政预算"))
    assert budget.findtext("description") == "公开2025年预算。"
    assert budget.findtext("link").endswith(items["budget"].url)
    assert [c.text for c in budget.findall("category")] == ["综合政务", "通知"]


def test_a_category_feed_holds_its_own_and_its_subcategories_items(client, catalogue):
    _agency, category, _items = catalogue

    titles = rss_titles(client.get(f"/feeds/category/{category.pk}/rss/"))

    assert sorted(titles) == sorted(["庄市街道2025年财政预算", "关于规范物业管理的通知"])


def test_atom_feeds_carry_the_same_items(client, catalogue):
    agency, category, _items = catalogue

    response = client.get(f"/feeds/category/{category.pk}/atom/")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert sorted(entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")) == [
        "关于规范物业管理的通知", "庄市街道2025年财政预算",
    ]  # fmt: skip
    assert client.get(f"/feeds/agency/{agency.pk}/atom/").status_code == 200


def test_unknown_unpublished_or_wrong_type_pages_have_no_feed(client, catalogue, make_item):
    agency, category, items = catalogue
    category.unpublish()

    assert client.get("/feeds/agency/999999/rss/").status_code == 404
    assert client.get(f"/feeds/category/{category.pk}/rss/").status_code == 404
    assert client.get(f"/feeds/category/{agency.pk}/rss/").status_code == 404
    assert client.get(f"/feeds/agency/{items['news'].pk}/atom/").status_code == 404


def test_catalogue_pages_announce_their_feeds(client, catalogue):
    agency, category, _items = catalogue

    home = client.get(agency.url).content.decode()
    table = client.get(category.url).content.decode()

    rss = f'href="/feeds/agency/{agency.pk}/rss/"'
    assert (
        f'<link rel="alternate" type="application/rss+xml" title="{agency.title}（RSS）" {rss}>'
        in home
    )
    assert f'href="/feeds/category/{category.pk}/atom/"' in table
