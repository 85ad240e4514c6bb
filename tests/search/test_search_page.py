"""The public search page: results, facets as filters, pages, help, and kept input."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(engine, site_root, make_item, publish, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        items = [
            publish(make_item(title=f"关于预算公开的通知（{n}）", summary="预算公开。"))
            for n in range(3)
        ]
    return items


def test_results_show_highlights_facets_and_pages(client, published):
    page = client.get("/disclosure/search/", {"q": "预算", "page_size": 2}).content.decode()

    assert 'lang="zh-CN"' in page
    assert "共找到 3 条包含“预算”的信息" in page
    assert page.count('class="hit"') == 2
    assert "关于<em>预算</em>公开的通知" in page
    assert (
        'href="?q=%E9%A2%84%E7%AE%97&amp;page_size=2&amp;category=%E6%B3%95%E8%A7%84%E5%85%AC%E6%96%87"'
        in page
    )
    assert "第 1 / 2 页" in page and 'rel="next"' in page


def test_a_facet_link_filters_and_can_be_removed(client, published):
    page = client.get("/disclosure/search/", {"q": "预算", "validity": "有效"}).content.decode()

    assert 'aria-current="true" class="selected">有效' in page
    assert 'href="?q=%E9%A2%84%E7%AE%97"' in page  # the link that removes the filter


def test_no_results_offers_help(client, published):
    page = client.get("/disclosure/search/", {"q": "不存在的词语"}).content.decode()

    assert "共找到 0 条" in page and "没有找到符合条件的信息" in page and "依申请公开" in page


def test_bad_input_is_a_form_error_and_the_text_is_kept(client, published):
    response = client.get("/disclosure/search/", {"q": "预算", "date_from": "2012-02-30"})

    page = response.content.decode()
    assert response.status_code == 400
    assert "发布日期起：输入一个有效的日期。" in page
    assert 'value="预算"' in page


def test_the_search_box_is_on_every_public_page(client, published):
    page = client.get(published[0].url).content.decode()

    assert 'action="/disclosure/search/"' in page and 'name="q"' in page


def test_the_search_form_submits_to_the_search_page(client, published):
    # An empty action is invalid HTML (and submits to wherever the form is shown).
    page = client.get("/disclosure/search/", {"q": "预算"}).content.decode()

    assert '<form method="get" action="/disclosure/search/" class="search-form"' in page
