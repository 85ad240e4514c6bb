"""A citizen rates an item at the end of its page, on a phone, and 党政办 approves the
comment, which then shows on the agency's public ratings page."""

import pytest
from playwright.sync_api import expect

from gov_disclosure.feedback.models import Rating

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

COMMENT = "希望补充改造小区的名单和施工时间。"


def test_a_citizen_rates_an_item_and_the_approved_comment_is_published(
    live_server, page, staff_page, screenshot, office, public_pages, disclosure_settings
):
    disclosure_settings.PAGE_CACHE_SECONDS = 300
    page.goto(live_server.url + public_pages["item"])
    page.reload()  # the second view comes from the page cache: the form works from there too
    form = page.get_by_role("region", name="评价本页")
    form.get_by_label("基本满意").check()
    form.get_by_label("意见建议（选填）").fill(COMMENT)
    screenshot(page, "rate")
    form.get_by_role("button", name="提交评价").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("感谢您的评价")
    rating = Rating.objects.get()
    assert (rating.satisfaction, rating.comment) == ("basic", COMMENT)

    # Rating the same page again the same day is refused, and the comment typed is kept.
    page.go_back()
    form.get_by_label("满意", exact=True).check()
    form.get_by_label("意见建议（选填）").fill("再评一次")
    form.get_by_role("button", name="提交评价").click()
    expect(page.get_by_role("alert").first).to_contain_text("您今天已经评价过本页内容")
    expect(page.get_by_label("意见建议（选填）")).to_have_value("再评一次")

    page.goto(live_server.url + public_pages["public ratings"])
    expect(page.get_by_text("暂无公开的留言。")).to_be_visible()

    manager = staff_page(office.manager)
    manager.goto(f"{live_server.url}/admin/")
    manager.get_by_role("link", name="条留言待审核").click()
    manager.get_by_role("link", name=rating.target_title).click()
    expect(manager.get_by_text(COMMENT)).to_be_visible()
    manager.get_by_role("button", name="审核通过").click()
    expect(manager.get_by_text("留言已审核通过")).to_be_visible()
    screenshot(manager, "approved")

    page.goto(live_server.url + public_pages["public ratings"])
    expect(page.get_by_text(COMMENT)).to_be_visible()
    screenshot(page, "ratings")
