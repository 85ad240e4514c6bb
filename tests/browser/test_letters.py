"""A letter's round trip: a citizen writes, 党政办 assigns it, the department answers,
the leader approves, and the citizen reads the answer, also on the public page."""

import pytest
from playwright.sync_api import expect

from gov_disclosure.letters.models import Letter

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SUBJECT = "兴庄路夜间施工噪音扰民"
CONTENT = "兴庄路附近工地每天夜里十一点后仍在施工，噪音很大。我是王小明，电话13812345678。"
REPLY = "经核查，施工单位已停止夜间施工，今后22时后不再作业。"


def test_a_letter_goes_from_citizen_to_department_to_leader_and_back(
    live_server, page, staff_page, screenshot, office, site_root, disclosure_settings
):
    disclosure_settings.PUBLIC_FORM_MIN_FILL_SECONDS = 0
    disclosure_settings.PAGE_CACHE_SECONDS = 300
    agency = office.agency

    # The citizen writes from the agency home.
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="网民信件", exact=True).click()
    page.get_by_label("投诉").check()
    page.get_by_label("标题").fill(SUBJECT)
    page.get_by_label("来信内容").fill(CONTENT)
    page.get_by_label("姓名").fill("王小明")
    page.get_by_label("联系电话").fill("13812345678")
    page.get_by_label("同意在隐去个人信息后公开此信件及答复").check()
    screenshot(page, "write")
    page.get_by_role("button", name="提交来信").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("来信已提交")
    code = page.locator(".tracking-code").inner_text()
    letter = Letter.objects.get(tracking_code=code)
    # The public answers page is cached before the answer exists.
    page.goto(f"{live_server.url}/letters/{agency.pk}/")
    expect(page.get_by_text("暂无公开的来信。")).to_be_visible()

    # 党政办 assigns it to 城建办.
    manager = staff_page(office.manager)
    manager.goto(f"{live_server.url}/admin/letters/")
    manager.get_by_role("link", name=letter.number).click()
    manager.get_by_role("link", name="分办").click()
    manager.get_by_label("承办部门").select_option(label="城建办")
    manager.get_by_role("button", name="确定").click()
    expect(manager.get_by_text("分办 已完成")).to_be_visible()

    # 城建办 drafts the answer; the public version starts with the writer's data masked.
    officer = staff_page(office.officer)
    officer.goto(f"{live_server.url}/admin/letters/inspect/{letter.pk}/")
    officer.get_by_role("link", name="拟写答复").click()
    expect(officer.get_by_label("公开的来信内容")).to_have_value(
        "兴庄路附近工地每天夜里十一点后仍在施工，噪音很大。我是×××，电话***。"
    )
    officer.get_by_label("答复内容").fill(REPLY)
    # A complaint goes to the leader with what checking it found.
    officer.get_by_role("button", name="提交领导审签").click()
    expect(officer.get_by_text("投诉信件请填写核查结论。")).to_be_visible()
    expect(officer.get_by_label("答复内容")).to_have_value(REPLY)
    officer.get_by_label("核查结论").select_option(label="属实")
    officer.get_by_label("整改情况").select_option(label="已整改")
    screenshot(officer, "reply")
    officer.get_by_role("button", name="提交领导审签").click()
    expect(officer.get_by_text("待领导审签").first).to_be_visible()

    # The leader approves: the answer goes out and is published at once.
    leader = staff_page(office.leader)
    leader.goto(f"{live_server.url}/admin/letters/inspect/{letter.pk}/")
    leader.get_by_role("link", name="审签答复").click()
    leader.get_by_label("审签意见").fill("同意")
    leader.get_by_role("button", name="审签通过，答复写信人").click()
    expect(leader.get_by_text("已答复").first).to_be_visible()
    screenshot(leader, "approved")

    # The citizen finds the answer with the tracking code…
    page.goto(f"{live_server.url}/letters/status/")
    page.get_by_label("查询码").fill(code)
    page.get_by_label("联系电话后四位").fill("5678")
    page.get_by_role("button", name="查询").click()
    expect(page.locator(".letter-reply")).to_contain_text(REPLY)
    screenshot(page, "status")
    # …and on the public page, which shows it at once, without the writer's name.
    page.goto(f"{live_server.url}/letters/{agency.pk}/")
    page.get_by_role("link", name=SUBJECT).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SUBJECT)
    expect(page.locator(".letter-reply")).to_contain_text(REPLY)
    expect(page.locator("main")).not_to_contain_text("王小明")
    expect(page.locator("main")).not_to_contain_text("13812345678")
    screenshot(page, "answer")
