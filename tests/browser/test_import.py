"""党政办 brings an old system's export: uploads it, reads the check of every row, starts the
import and watches its progress while a real Celery worker imports it."""

import pytest
from playwright.sync_api import expect

from gov_disclosure.pages.models import DisclosureItemPage
from tests.imports.conftest import csv_bytes

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROWS = 1200


def export(office, category) -> bytes:
    rows = [
        {
            "索引号": f"{office.agency.org_code}/2023-{n:05d}",
            "名称": f"旧系统信息第{n}号",
            "分类": category.code,
            "发布机构": office.construction.name,
            "主题分类": "综合政务",
            "体裁分类": "通知",
            "成文日期": "2023-05-04",
            "发布日期": "2023-05-08",
            "内容概述": f"旧系统导出的第{n}条信息。",
            "正文": f"旧系统导出的第{n}条信息的正文。",
        }
        for n in range(1, ROWS + 1)
    ]
    rows.append({**rows[0], "索引号": "", "名称": "没有索引号的信息"})
    return csv_bytes(rows, headers=list(rows[0]))


def test_office_uploads_an_export_and_watches_the_import(
    staff_page, live_server, celery_worker, screenshot, office, site_root, category, tmp_path
):
    path = tmp_path / "旧系统导出.csv"
    path.write_bytes(export(office, category))
    page = staff_page(office.manager)

    page.goto(live_server.url + "/admin/catalogue-import/")
    page.get_by_label("目录文件").set_input_files(str(path))
    page.get_by_role("button", name="上传并检查").click()
    expect(page.get_by_text(f"可导入 {ROWS} 行")).to_be_visible()
    expect(page.get_by_text("索引号：必须填写。")).to_be_visible()
    screenshot(page, "checked")
    page.get_by_label("跳过有错误的 1 行").check()
    page.get_by_role("button", name=f"导入 {ROWS} 条").click()

    expect(page.locator("[data-import-progress] progress")).to_be_visible()
    screenshot(page, "progress")
    expect(page.get_by_text(f"已完成（已导入 {ROWS} 条）")).to_be_visible(timeout=120_000)
    screenshot(page, "done")
    assert DisclosureItemPage.objects.live().count() == ROWS
