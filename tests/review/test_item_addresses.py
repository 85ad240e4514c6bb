"""Items' addresses: short, from the 索引号, unchanged by a retitle; only 党政办 edits them."""

import pytest
from django.test import Client

from gov_disclosure.pages.models import DisclosureItemPage
from tests.disclosure_pages.test_validation import item_form
from tests.review.conftest import edit_form_data, edit_post
from tests.workflow import approve_current_step, publish_through_workflow

pytestmark = pytest.mark.django_db

TITLE = "关于做好2024年政府信息公开工作的通知"


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def written_by_officer(office) -> DisclosureItemPage:
    """An item as the 信息员 writes it in the admin: the form has no address field."""
    officer = client_of(office.users["officer"])
    form = item_form(office.department_a, title=TITLE)
    del form["slug"]
    url = f"/admin/pages/add/disclosure_pages/disclosureitempage/{office.category_a.pk}/"

    assert officer.post(url, form).status_code == 302
    return DisclosureItemPage.objects.get(title=TITLE)


def approve_every_step(item) -> DisclosureItemPage:
    while (item := DisclosureItemPage.objects.get(pk=item.pk)).current_workflow_state:
        approve_current_step(item)
    return item


def test_an_item_gets_the_year_and_serial_of_its_index_number_at_publication(office, site_root):
    item = written_by_officer(office)
    assert item.slug.startswith("draft-")  # not the title, percent-encoded

    item = publish_through_workflow(item, submitter=office.users["officer"])

    year_serial = item.index_number.rsplit("/", 1)[1]  # …/2026-00001
    assert item.slug == year_serial
    assert item.url == f"{office.category_a.url}{year_serial}/"
    assert Client().get(item.url).status_code == 200
    assert len(item.full_url) < 80


def test_a_retitle_keeps_the_address(office, site_root):
    item = publish_through_workflow(written_by_officer(office), submitter=office.users["officer"])
    address = item.url

    response = edit_post(
        client_of(office.users["officer"]), item, "submit", title="关于做好2024年政务公开工作的通知"
    )
    assert response.status_code == 302
    item = approve_every_step(item)

    assert item.title == "关于做好2024年政务公开工作的通知"
    assert item.url == address


def test_only_the_office_sees_and_edits_the_address(
    office, site_root, django_capture_on_commit_callbacks
):
    item = publish_through_workflow(written_by_officer(office), submitter=office.users["officer"])
    old_url = item.url

    officer_form = edit_form_data(client_of(office.users["officer"]), item)
    leader_page = client_of(office.users["leader"]).get(f"/admin/pages/{item.pk}/edit/")
    office_client = client_of(office.users["office"])
    office_page = office_client.get(f"/admin/pages/{item.pk}/edit/").content.decode()

    assert "slug" not in officer_form
    assert 'name="slug"' not in leader_page.content.decode()
    assert 'name="slug"' in office_page and "按索引号的年份和流水号生成" in office_page

    # An address typed in by the officer is ignored: the form has no such field.
    edit_post(client_of(office.users["officer"]), item, slug="my-address")
    assert DisclosureItemPage.objects.get(pk=item.pk).get_latest_revision_as_object().slug != (
        "my-address"
    )

    # 党政办 renames it; the old address leads to the new one.
    edit_post(office_client, item, "submit", slug="2024-gongzuo-tongzhi")
    with django_capture_on_commit_callbacks(execute=True):
        item = approve_every_step(item)
    assert item.url.endswith("/2024-gongzuo-tongzhi/")
    assert Client().get(old_url).headers["Location"].endswith("/2024-gongzuo-tongzhi/")
