"""A citizen applies for information on the request form, corrects a mistake, and tracks it."""

import pytest
from playwright.sync_api import expect

from gov_disclosure.requests.models import DisclosureRequest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_citizen_submits_a_request_and_tracks_it(
    live_server, page, screenshot, site_root, disclosure_settings
):
    disclosure_settings.PUBLIC_FORM_MIN_FILL_SECONDS = 0
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="依申请公开", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("政府信息公开申请")

    # Only the applicant fieldset for the chosen type stays on screen.
    page.get_by_label("自然人").check()
    expect(page.locator("#organisation-fields")).to_be_hidden()
    expect(page.locator("#person-fields")).to_be_visible()
    page.get_by_label("姓名", exact=True).fill("李四")
    page.get_by_label("证件类型").select_option(label="居民身份证")
    page.get_by_label("证件号码").fill("11010519491231002X")
    page.get_by_label("联系电话", exact=True).fill("12345")
    page.get_by_label("电子邮箱").fill("lisi@example.com")
    page.get_by_label("所需政府信息的名称、文号或者便于查询的其他特征性描述").fill(
        "请提供本街道2025年城市更新项目的批复文件。"
    )
    page.get_by_label("电子", exact=True).check()
    page.get_by_label("电子邮件").check()
    page.get_by_label("本人（本单位）承诺以上所填内容真实有效").check()
    page.get_by_role("button", name="提交申请").click()

    # The mistake is named in the summary and next to its field; nothing typed is lost.
    summary = page.get_by_role("alert").filter(has_text="请修改以下内容")
    expect(summary).to_contain_text("请填写有效的手机号码或固定电话")
    expect(page.get_by_label("所需政府信息的名称、文号或者便于查询的其他特征性描述")).to_have_value(
        "请提供本街道2025年城市更新项目的批复文件。"
    )
    expect(page.locator("#organisation-fields")).to_be_hidden()
    screenshot(page, "form-error")
    summary.get_by_role("link", name="联系电话").click()
    expect(page.get_by_label("联系电话", exact=True)).to_be_focused()
    page.get_by_label("联系电话", exact=True).fill("13912345678")
    page.get_by_label("本人（本单位）承诺以上所填内容真实有效").check()
    page.get_by_role("button", name="提交申请").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("申请已提交")
    request = DisclosureRequest.objects.get()
    code = page.locator(".tracking-code").inner_text()
    assert code == request.tracking_code
    screenshot(page, "receipt")

    page.get_by_role("link", name="查询办理进度").click()
    page.get_by_label("查询码").fill(code.lower())
    page.get_by_label("联系电话后四位").fill("5678")
    page.get_by_role("button", name="查询").click()

    expect(page.get_by_role("heading", name=f"受理编号 {request.reference}")).to_be_visible()
    expect(page.locator(".request-status")).to_contain_text("已收到")
    expect(page.locator(".request-status")).not_to_contain_text("李四")
    screenshot(page, "status")
