import re

import pytest

from tests.factories import AgencyFactory, DepartmentFactory

pytestmark = pytest.mark.django_db


def test_editor_sees_the_index_number_but_cannot_change_it(admin_client, make_item, publish):
    item = publish(make_item())

    html = admin_client.get(f"/admin/pages/{item.pk}/edit/").content.decode()

    assert item.index_number in html
    assert 'name="index_number"' not in html
    assert 'name="publish_date"' not in html


def test_a_new_item_says_its_number_and_date_come_at_publication(admin_client, category):
    html = admin_client.get(
        f"/admin/pages/add/disclosure_pages/disclosureitempage/{category.pk}/"
    ).content.decode()
    outputs = re.findall(r'class="w-field__textoutput"[^>]*>\s*([^<]*?)\s*</div>', html)

    assert outputs == ["发布时自动生成", "发布时自动生成"]  # 索引号 and 发布日期, not "None"


def test_departments_are_managed_in_the_admin_menu(admin_client, department):
    html = admin_client.get("/admin/snippets/disclosure_pages/department/").content.decode()

    assert "党政办公室" in html
    assert "<title>部门 - " in html


def test_publisher_choices_are_the_agencys_own_departments(admin_client, category, root_page):
    DepartmentFactory(agency=category.get_parent().specific, name="财政所")
    DepartmentFactory(agency=AgencyFactory(parent=root_page), name="别的街道的部门")

    html = admin_client.get(
        f"/admin/pages/add/disclosure_pages/disclosureitempage/{category.pk}/"
    ).content.decode()

    assert '<select name="publisher"' in html
    assert "财政所" in html and "别的街道的部门" not in html
