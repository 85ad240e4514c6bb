import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.models import PageViewRestriction

from gov_disclosure.pages.models import ItemAttachment, Validity
from tests.factories import DocumentFactory, GuideFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_item(site_root, make_item, publish):
    item = make_item(
        title="庄市街道2024年财政预算",
        document_number="庄街〔2024〕7号",
        keywords="预算，财政",
        summary="公开2024年财政预算。",
        source="庄市街道财政所",
    )
    return publish(item)


def test_item_page_shows_its_metadata_table(client, published_item):
    html = client.get(published_item.url).content.decode()

    for label, value in [
        ("索引号", published_item.index_number),
        ("主题分类", "综合政务"),
        ("体裁分类", "通知"),
        ("发布机构", "党政办公室"),
        ("成文日期", "2024-03-01"),
        ("发布日期", published_item.publish_date.isoformat()),
        ("文号", "庄街〔2024〕7号"),
        ("有效性", "有效"),
        ("公开方式", "主动公开"),
        ("内容概述", "公开2024年财政预算。"),
        ("关键词", "预算，财政"),
        ("信息来源", "庄市街道财政所"),
    ]:
        assert f'<th scope="row">{label}</th><td>{value}</td>' in html or (
            f'<th scope="row">{label}</th><td colspan="3">{value}</td>' in html
        ), label


def test_abolished_item_carries_a_notice(client, site_root, make_item, publish):
    item = publish(
        make_item(validity=Validity.ABOLISHED, abolished_date=datetime.date(2024, 6, 30))
    )

    html = client.get(item.url).content.decode()

    assert "本文件已废止（废止日期：2024-06-30）" in html


def test_attachments_are_listed_with_type_and_size(client, published_item, publish):
    document = DocumentFactory(title="预算表", file=ContentFile(b"x" * 2048, name="budget.xlsx"))
    published_item.attachments = [ItemAttachment(document=document, title="2024年预算表")]
    publish(published_item)

    html = client.get(published_item.url).content.decode()

    assert "2024年预算表" in html
    assert "（XLSX，2.0\xa0KB）" in html


def test_category_table_lists_published_items_only(client, category, published_item, make_item):
    draft = make_item(title="尚未发布的草稿")
    draft.save_revision()

    response = client.get(category.url)
    html = response.content.decode()

    assert published_item.title in html and published_item.index_number in html
    assert "尚未发布的草稿" not in html
    assert client.get(f"{category.url}{draft.slug}/").status_code == 404


def test_category_table_hides_password_protected_items(client, category, published_item):
    PageViewRestriction.objects.create(
        page=published_item, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    html = client.get(category.url).content.decode()

    assert published_item.title not in html


def test_category_table_paginates_and_filters_by_year(
    client, site_root, category, make_item, publish
):
    for _ in range(22):
        publish(
            make_item(
                publish_date=datetime.date(2023, 1, 2), written_date=datetime.date(2023, 1, 1)
            )
        )
    publish(make_item(title="2024年的信息"))

    first = client.get(category.url).content.decode()
    filtered = client.get(category.url, {"year": "2023", "page": "2"}).content.decode()
    nonsense = client.get(category.url, {"year": "abc", "page": "999"})

    assert "第 1 / 2 页，共 23 条" in first
    assert "2024年的信息" not in filtered and "第 2 / 2 页，共 22 条" in filtered
    assert nonsense.status_code == 200


def test_category_table_sorts_by_its_column_headings_keeping_the_year(
    client, site_root, category, make_item, publish
):
    import re

    def item(title, day):
        return publish(make_item(title=title, publish_date=day, written_date=day))

    item("乙：2023年的第二条", datetime.date(2023, 5, 2))
    item("甲：2023年的第一条", datetime.date(2023, 3, 1))
    item("丙：2024年的信息", datetime.date(2024, 1, 2))

    def titles(**params):
        html = client.get(category.url, params).content.decode()
        return re.findall(r'<td><a href="[^"]+">([^<]+)</a></td>', html), html

    newest, html = titles()
    assert newest == ["丙：2024年的信息", "乙：2023年的第二条", "甲：2023年的第一条"]
    assert 'aria-sort="descending"' in html and "?sort=date_asc" in html
    oldest, html = titles(sort="date_asc", year="2023")
    assert oldest == ["甲：2023年的第一条", "乙：2023年的第二条"]
    assert 'aria-sort="ascending"' in html
    assert 'name="sort" value="date_asc"' in html  # the year filter keeps the order
    by_title, _html = titles(sort="title")
    assert by_title == sorted(by_title)
    assert titles(sort="nonsense")[0] == newest


def test_category_pages_keep_order_and_year_across_pages(
    client, site_root, category, make_item, publish
):
    for _ in range(21):
        publish(
            make_item(
                publish_date=datetime.date(2023, 1, 2), written_date=datetime.date(2023, 1, 1)
            )
        )

    html = client.get(category.url, {"year": "2023", "sort": "title"}).content.decode()

    assert 'href="?year=2023&amp;sort=title&amp;page=2" rel="next"' in html


def test_agency_home_links_guide_categories_and_latest_items(
    client, site_root, category, published_item
):
    guide = GuideFactory(parent=site_root)

    html = client.get(site_root.url).content.decode()

    assert guide.url in html
    assert category.url in html and "法规公文" in html
    assert published_item.title in html
    assert site_root.phone in html


def test_public_pages_declare_chinese(client, published_item):
    assert '<html lang="zh-CN">' in client.get(published_item.url).content.decode()


def test_every_catalogue_page_names_its_agency_in_the_header(
    client, site_root, category, published_item
):
    for page in (site_root, category, published_item):
        html = client.get(page.url).content.decode()
        assert f'<p class="site-name">{site_root.agency_name} 政府信息公开</p>' in html, page


def test_the_site_has_an_icon(client, published_item):
    html = client.get(published_item.url).content.decode()
    assert 'rel="icon" href="/static/gov_disclosure/favicon.svg"' in html

    response = client.get("/favicon.ico")  # asked for by browsers whatever the page links
    assert response.status_code == 301
    assert response["Location"] == "/static/gov_disclosure/favicon.svg"
