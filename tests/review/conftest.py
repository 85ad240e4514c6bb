"""An office as the roles meet it in the admin: two departments, one user per role."""

from dataclasses import dataclass

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from gov_disclosure.pages import roles
from gov_disclosure.pages.models import Department, DisclosureCategoryPage, DisclosureGuidePage
from tests.factories import (
    AgencyFactory,
    CategoryFactory,
    DepartmentFactory,
    GuideFactory,
    ItemFactory,
    UserFactory,
)

ROLE_USERS = {
    "officer": roles.INFORMATION_OFFICER,
    "officer_b": roles.INFORMATION_OFFICER,
    "leader": roles.LEADER_IN_CHARGE,
    "secrecy": roles.CONFIDENTIALITY_REVIEWER,
    "office": roles.OFFICE,
    "supervisor": roles.SUPERVISOR,
}


@dataclass
class Office:
    agency: object
    category_a: DisclosureCategoryPage
    category_b: DisclosureCategoryPage
    department_a: Department
    department_b: Department
    guide: DisclosureGuidePage
    users: dict

    def item(self, department="a", **fields):
        """A draft item of department a (社会事务办) or b (财政所), owned by its officer."""
        parent, publisher, owner = (
            (self.category_a, self.department_a, self.users["officer"])
            if department == "a"
            else (self.category_b, self.department_b, self.users["officer_b"])
        )
        fields.setdefault("owner", owner)
        return ItemFactory(parent=parent, publisher=publisher, **fields)


def office_build(agency, prefix: str = "") -> Office:
    """An agency's office: two categories, two departments, a guide, a user per role
    (named ``prefix`` + the keys of ROLE_USERS), each role held in ``agency``."""
    category_a = CategoryFactory(parent=agency, title="工作动态", code="04")
    category_b = CategoryFactory(parent=agency, title="财政信息", code="05")
    department_a = DepartmentFactory(agency=agency, name="社会事务管理办公室", code="SWB")
    department_b = DepartmentFactory(agency=agency, name="财政所", code="CZS")
    department_a.categories.add(category_a)
    department_b.categories.add(category_b)
    users = {
        username: UserFactory(username=prefix + username, role=role, role__agency=agency)
        for username, role in ROLE_USERS.items()
    }
    department_a.members.add(users["officer"])
    department_b.members.add(users["officer_b"])
    guide = GuideFactory(parent=agency)
    return Office(
        agency=agency,
        category_a=category_a,
        category_b=category_b,
        department_a=department_a,
        department_b=department_b,
        guide=guide,
        users=users,
    )


@pytest.fixture
def office(agency, mailoutbox):
    built = office_build(agency)
    built.users["district"] = UserFactory(username="district", role=roles.DISTRICT_OFFICE)
    return built


@pytest.fixture
def other_office(office):
    """A second agency on the same platform, with its own staff for every role."""
    return office_build(AgencyFactory(parent=office.agency.get_parent()), prefix="b-")


def edit_form_data(client, page, **changes):
    """The page editor's form as the browser would send it, with ``changes`` applied."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update(body_form_data(page))
    for name, value in changes.items():
        data[name] = value
    return data


def body_form_data(page, paragraphs: list[str] | None = None) -> dict:
    """The body StreamField as the editor's JavaScript posts it (paragraph blocks)."""
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    from gov_disclosure.pages.blocks import RICH_TEXT_FEATURES

    converter = ContentstateConverter(features=RICH_TEXT_FEATURES)
    if paragraphs is None:
        page = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
        paragraphs = [block.value.source for block in page.body if block.block_type == "paragraph"]
    data = {"body-count": str(len(paragraphs))}
    for index, html in enumerate(paragraphs):
        data.update(
            {
                f"body-{index}-type": "paragraph",
                f"body-{index}-value": converter.from_database_format(html),
                f"body-{index}-deleted": "",
                f"body-{index}-order": str(index),
                f"body-{index}-id": f"block-{index}",
            }
        )
    return data


def edit_post(client, page, action: str | None = None, **changes):
    """Press a button of the page editor: None saves a draft, or 'submit', 'publish' …"""
    data = edit_form_data(client, page, **changes)
    if action:
        data[f"action-{action}"] = action
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def is_denied(response) -> bool:
    """Wagtail answers a forbidden admin page with 403, or by sending the user to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )
