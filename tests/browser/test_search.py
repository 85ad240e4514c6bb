"""A citizen searches the catalogue from the header and narrows the results by a facet."""

import pytest
from playwright.sync_api import expect

from gov_disclosure.search.engines import current_engine
from gov_disclosure.search.queries import item_search
from tests.factories import CategoryFactory
from tests.search.conftest import use_engine
from tests.waiting import wait_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def indexed(settings, site_root, category, make_item, publish):
    """Published items in two categories, indexed by the real OpenSearch node."""
    engine = use_engine(settings, "opensearch", "disclosure-test-browser-")
    engine.index_publish(engine.index_create())
    news = publish(CategoryFactory(parent=site_root, title="工作动态", code="04"))
    publish(make_item(title="庄市街道2025年部门预算", summary="公开2025年部门预算。"))
    publish(make_item(title="关于预算绩效管理的通知", summary="加强预算绩效管理。"))
    publish(make_item(parent=news, title="街道召开预算编制工作会议", summary="部署预算编制。"))
    wait_for(
        lambda: (
            current_engine().execute(item_search(text="预算", index=engine.alias))["hits"]["total"][
                "value"
            ]
            == 3
        ),
        "the published items did not reach the OpenSearch index",
    )
    yield category
    engine.indexes_drop()


def test_a_citizen_searches_and_filters_by_category(live_server, page, screenshot, indexed):
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="检索公开信息").fill("预算")
    page.get_by_role("search").get_by_role("button", name="检索").click()

    page.wait_for_url("**/disclosure/search/?q=*")
    expect(page.get_by_role("heading", name="共找到 3 条包含“预算”的信息")).to_be_visible()
    screenshot(page, "results")

    facets = page.get_by_role("complementary", name="筛选")
    facets.get_by_role("link", name="法规公文 (2)").click()

    expect(page.get_by_role("heading", name="共找到 2 条包含“预算”的信息")).to_be_visible()
    hits = page.locator(".hit h3").all_inner_texts()
    assert sorted(hits) == sorted(["庄市街道2025年部门预算", "关于预算绩效管理的通知"])
    selected = facets.locator("a[aria-current=true]")
    expect(selected).to_contain_text("法规公文")
    screenshot(page, "filtered")

    selected.click()  # the selected facet removes its filter
    expect(page.get_by_role("heading", name="共找到 3 条包含“预算”的信息")).to_be_visible()


def test_the_search_box_suggests_words_as_a_citizen_types_pinyin(live_server, page, indexed):
    page.goto(live_server.url + "/disclosure/search/")
    # With its list of suggestions, the box is a combobox to assistive technology.
    page.get_by_role("combobox", name="检索词").press_sequentially("yus")

    suggestions = page.locator("#search-suggestions option")
    expect(suggestions.first).to_be_attached()
    assert "预算" in [option.get_attribute("value") for option in suggestions.all()]
