"""A citizen rates an item at the end of its page, on a phone, and 党政办 approves the
comment, which then shows on the agency's public ratings page."""

import pytest
from playwright.sync_api import expect

from gov_disclosure.feedback.models import Proposal, Rating

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


TOPIC = "老旧小区改造资金使用情况"


def test_a_citizen_proposes_a_topic_and_follows_the_answer_with_the_code(
    live_server, page, staff_page, screenshot, office, public_pages, disclosure_settings
):
    disclosure_settings.PUBLIC_FORM_MIN_FILL_SECONDS = 0
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="群众点题", exact=True).click()
    page.get_by_label("希望公开的内容").fill("资金")  # too short: refused, the rest kept
    page.get_by_label("理由（选填）").fill("居民想知道资金花在哪里。")
    page.get_by_role("button", name="提交点题").click()
    expect(page.get_by_text("希望公开的内容至少4个字。").first).to_be_visible()
    expect(page.get_by_label("理由（选填）")).to_have_value("居民想知道资金花在哪里。")
    page.get_by_label("希望公开的内容").fill(TOPIC)
    page.get_by_label("电子邮箱（选填）").fill("qian@example.com")
    screenshot(page, "propose")
    page.get_by_role("button", name="提交点题").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("点题已提交")
    code = page.locator(".tracking-code").inner_text()

    manager = staff_page(office.manager)
    manager.goto(f"{live_server.url}/admin/")
    manager.get_by_role("link", name="条点题待答复").click()
    manager.get_by_role("link", name=Proposal.objects.get(tracking_code=code).number).click()
    manager.get_by_role("link", name="答复点题").click()
    manager.get_by_label("请依申请公开").check()
    manager.get_by_label("答复内容").fill("所需信息涉及具体项目，请通过依申请公开渠道申请。")
    screenshot(manager, "answer")
    manager.get_by_role("button", name="答复", exact=True).click()
    expect(manager.get_by_text("已答复").first).to_be_visible()

    page.goto(live_server.url + public_pages["proposal status"])
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询").click()
    expect(page.locator(".letter-reply")).to_contain_text("请通过依申请公开渠道申请")
    screenshot(page, "status")
    page.goto(live_server.url + public_pages["public proposals"])
    expect(page.get_by_role("heading", name=TOPIC)).to_be_visible()
