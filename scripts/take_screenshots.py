"""Photograph the main pages of a running demo site into a folder (scripts/screenshots).

Usage: DEMO_PASSWORD=… take_screenshots.py BASE_URL FOLDER (the password load_demo
prints). Pages are found by following links as a visitor would: no page ids needed.
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}


def main(base: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        desktop = browser.new_context(viewport=DESKTOP, locale="zh-CN").new_page()
        phone = browser.new_context(viewport=PHONE, locale="zh-CN").new_page()

        def shoot(page, name):
            page.screenshot(path=str(folder / f"{name}.jpg"), type="jpeg", quality=80)
            print(f"  {name}.jpg  {page.url}")

        desktop.goto(base + "/")
        desktop.get_by_role("link", name="庄市街道办事处").first.click()
        agency_home = desktop.url
        shoot(desktop, "agency-home")
        desktop.locator("nav.catalogue a").nth(1).click()
        shoot(desktop, "category")
        desktop.locator("table.item-table tbody a").first.click()
        shoot(desktop, "item")
        item = desktop.url
        # 长辈版: chosen by its link, as a visitor would.
        desktop.get_by_role("link", name="长辈版").click()
        shoot(desktop, "elder-item")
        desktop.get_by_role("link", name="退出长辈版").click()
        desktop.goto(item)
        desktop.goto(base + "/disclosure/search/?q=" + "政府信息公开")
        shoot(desktop, "search")
        desktop.goto(agency_home)
        desktop.get_by_role("link", name="来信选登").click()
        shoot(desktop, "letters")
        desktop.goto(agency_home)
        desktop.get_by_role("link", name="2012年度报告").click()
        shoot(desktop, "annual-report")

        phone.goto(agency_home)
        shoot(phone, "phone-agency-home")
        phone.get_by_role("link", name="依申请公开", exact=True).click()
        shoot(phone, "phone-request-form")
        phone.goto(agency_home)
        phone.get_by_role("link", name="来信选登").click()
        phone.locator("ol.answers a").first.click()
        shoot(phone, "phone-letter-answer")
        phone.goto(item)
        phone.get_by_role("link", name="长辈版").click()
        phone.get_by_role("link", name="特大").click()
        shoot(phone, "phone-elder-item")

        desktop.goto(base + "/admin/login/")
        desktop.locator("#id_username").fill("dangzhengban")
        desktop.locator("#id_password").fill(os.environ["DEMO_PASSWORD"])
        desktop.locator("form button[type=submit]").click()
        desktop.wait_for_url(base + "/admin/")
        shoot(desktop, "admin-dashboard")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
