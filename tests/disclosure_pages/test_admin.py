import pytest

pytestmark = pytest.mark.django_db


def test_editor_sees_the_index_number_but_cannot_change_it(admin_client, make_item, publish):
    item = publish(make_item())

    html = admin_client.get(f"/admin/pages/{item.pk}/edit/").content.decode()

    assert item.index_number in html
    assert 'name="index_number"' not in html
    assert 'name="publish_date"' not in html


def test_departments_are_managed_in_the_admin_menu(admin_client, department):
    html = admin_client.get("/admin/snippets/disclosure_pages/department/").content.decode()

    assert "党政办公室" in html
    assert "<title>部门 - 政府信息公开平台</title>" in html
