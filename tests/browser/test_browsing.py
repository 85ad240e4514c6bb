"""A citizen browses from the agency home to an item and downloads its attachment."""

import pytest
from django.core.files.base import ContentFile

from gov_disclosure.pages.models import ItemAttachment
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ATTACHMENT = "项目,金额（万元）\n老旧小区改造,120\n".encode()


@pytest.fixture
def catalogue(site_root, category, make_item, publish):
    item = make_item(title="庄市街道2025年财政预算", document_number="庄街〔2025〕3号",
                     summary="公开2025年财政预算。")  # fmt: skip
    document = DocumentFactory(title="预算明细表", file=ContentFile(ATTACHMENT, name="budget.csv"))
    item.attachments = [ItemAttachment(document=document, title="预算明细表")]
    return site_root, category, publish(item)


def test_a_citizen_goes_from_the_agency_home_to_an_item_and_downloads_its_attachment(
    live_server, page, screenshot, catalogue
):
    agency, category, item = catalogue

    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    screenshot(page, "home")
    page.get_by_role("link", name=category.title).first.click()
    page.wait_for_url(f"**{category.url}")
    assert page.get_by_role("heading", level=1).inner_text() == category.title
    screenshot(page, "category")
    page.get_by_role("link", name=item.title).click()
    page.wait_for_url(f"**{item.url}")
    assert page.get_by_role("heading", level=1).inner_text() == item.title
    assert "庄街〔2025〕3号" in page.get_by_role("row", name="文号").inner_text()
    screenshot(page, "item")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="预算明细表").click()
    download = download_info.value

    assert download.suggested_filename.endswith(".csv")
    assert download.path().read_bytes() == ATTACHMENT


def test_the_sidebar_explorer_offers_an_officer_no_edit_link_they_cannot_use(staff_page, site_root):
    from gov_disclosure.pages import roles
    from tests.factories import CategoryFactory, DepartmentFactory, UserFactory

    category = CategoryFactory(parent=site_root, title="工作动态", code="04")
    department = DepartmentFactory(agency=site_root, name="社会事务管理办公室", code="SWB")
    department.categories.add(category)
    officer = UserFactory(
        username="officer", role=roles.INFORMATION_OFFICER, role__agency=site_root
    )
    department.members.add(officer)
    office = UserFactory(username="office", role=roles.OFFICE, role__agency=site_root)

    def category_edit_link(user):
        page = staff_page(user)
        page.locator("#wagtail-sidebar").get_by_role("button", name="页面").click()
        entry = page.locator(".c-page-explorer").get_by_role("link", name="工作动态", exact=True)
        entry.wait_for()
        link = page.locator(f'.c-page-explorer a[href$="/pages/{category.pk}/edit/"]')
        link.wait_for(state="attached")
        return page, link

    page, link = category_edit_link(officer)
    page.wait_for_function("link => link.hidden", arg=link.element_handle(), timeout=5000)
    assert not link.is_visible()

    page, link = category_edit_link(office)
    page.wait_for_timeout(500)  # the answer for this page has come back by now
    assert link.is_visible()


def test_an_office_gives_a_new_colleague_a_role_in_its_agency(staff_page, site_root, root_page):
    from django.contrib.auth import get_user_model

    from gov_disclosure.pages import roles
    from tests.factories import AgencyFactory, DepartmentFactory, UserFactory

    department = DepartmentFactory(agency=site_root, name="财政所", code="CZS")
    office = UserFactory(username="office", role=roles.OFFICE, role__agency=site_root)
    other = AgencyFactory(parent=root_page, title="第二街道政府信息公开")
    UserFactory(username="b-leader", role=roles.LEADER_IN_CHARGE, role__agency=other)

    page = staff_page(office)
    page.get_by_role("button", name="设置").click()
    page.get_by_role("link", name="本机关人员").click()
    assert "b-leader" not in page.get_by_role("table").inner_text()
    page.get_by_role("link", name="添加人员").click()
    page.get_by_label("用户名").fill("newcomer")
    page.get_by_label("姓名").fill("新同事")
    page.get_by_label("电子邮箱").fill("newcomer@example.gov.cn")
    page.get_by_label("初始密码").fill("Zhuangshi-2026!")
    page.get_by_label(roles.INFORMATION_OFFICER).check()
    page.get_by_label(department.name).check()
    page.get_by_role("button", name="保存").click()

    assert (
        "已将" in page.get_by_role("status").first.inner_text() or page.get_by_text("已将").count()
    )
    row = page.get_by_role("row", name="新同事")
    assert roles.INFORMATION_OFFICER in row.inner_text() and "财政所" in row.inner_text()
    newcomer = get_user_model().objects.get(username="newcomer")
    assert roles.user_has_role(newcomer, roles.INFORMATION_OFFICER, agency_id=site_root.pk)
