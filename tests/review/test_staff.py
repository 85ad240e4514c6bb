"""本机关人员: an agency's 党政办 gives its own staff roles and departments, without a
superuser; nobody grants a role in another agency or a platform role; every change is
logged."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import ModelLogEntry

from gov_disclosure.pages import roles
from tests.review.conftest import is_denied

pytestmark = pytest.mark.django_db

INDEX = reverse("disclosure_staff")
ADD = reverse("disclosure_staff_add")


def edit_url(user, agency) -> str:
    return f"{reverse('disclosure_staff_edit', args=[user.pk])}?agency={agency.pk}"


def test_the_office_lists_its_own_staff_only(office, other_office, client):
    client.force_login(office.users["office"])

    page = client.get(INDEX).content.decode()

    assert "officer_b" in page and "leader" in page
    assert "b-officer" not in page and "b-leader" not in page
    assert client.get(INDEX, {"agency": other_office.agency.pk}).status_code == 404


def test_the_office_adds_a_new_officer_to_a_department(office, other_office, client):
    client.force_login(office.users["office"])

    response = client.post(
        f"{ADD}?agency={office.agency.pk}",
        {
            "agency": office.agency.pk,
            "username": "newcomer",
            "name": "新同事",
            "email": "newcomer@example.gov.cn",
            "password": "Zhuangshi-2026!",
            "roles": [roles.INFORMATION_OFFICER],
            "departments": [office.department_a.pk],
        },
    )

    assert response.status_code == 302
    newcomer = get_user_model().objects.get(username="newcomer")
    assert roles.user_has_role(newcomer, roles.INFORMATION_OFFICER, agency_id=office.agency.pk)
    assert not roles.user_has_role(
        newcomer, roles.INFORMATION_OFFICER, agency_id=other_office.agency.pk
    )
    assert list(newcomer.disclosure_departments.all()) == [office.department_a]
    assert client.login(username="newcomer", password="Zhuangshi-2026!")
    # The new officer writes in the department's category at once.
    assert client.get(f"/admin/pages/{office.category_a.pk}/add_subpage/").status_code == 200
    entries = ModelLogEntry.objects.filter(
        action="disclosure.roles_changed", object_id=str(newcomer.pk)
    )
    assert entries.filter(user=office.users["office"]).exists()


def test_a_bad_new_account_keeps_what_was_typed(office, client):
    client.force_login(office.users["office"])

    response = client.post(
        f"{ADD}?agency={office.agency.pk}",
        {"agency": office.agency.pk, "username": "newcomer", "name": "新同事", "password": "1"},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "新账号须填写此项。" in page  # the e-mail
    assert "请至少选择一个角色。" in page
    assert 'value="新同事"' in page
    assert not get_user_model().objects.filter(username="newcomer").exists()


def test_the_office_changes_roles_in_its_agency_only(office, other_office, client):
    member = office.users["supervisor"]
    roles.role_grant(user=member, agency=other_office.agency, role=roles.SUPERVISOR)
    client.force_login(office.users["office"])

    response = client.post(
        edit_url(member, office.agency),
        {"agency": office.agency.pk, "roles": [roles.LEADER_IN_CHARGE]},
    )

    assert response.status_code == 302
    assert roles.user_has_role(member, roles.LEADER_IN_CHARGE, agency_id=office.agency.pk)
    assert not roles.user_has_role(member, roles.SUPERVISOR, agency_id=office.agency.pk)
    # What the person holds in the other agency is the other office's to change.
    assert roles.user_has_role(member, roles.SUPERVISOR, agency_id=other_office.agency.pk)


def test_nobody_changes_the_staff_of_another_agency(office, other_office, client):
    client.force_login(office.users["office"])
    theirs = other_office.users["leader"]

    assert client.get(edit_url(theirs, office.agency)).status_code == 404
    assert client.get(edit_url(theirs, other_office.agency)).status_code == 404
    response = client.post(
        edit_url(theirs, other_office.agency),
        {"agency": other_office.agency.pk, "roles": [roles.OFFICE]},
    )
    assert response.status_code == 404
    assert not roles.user_has_role(theirs, roles.OFFICE, agency_id=other_office.agency.pk)


def test_no_platform_role_is_offered_or_accepted(office, client):
    client.force_login(office.users["office"])
    member = office.users["officer"]

    page = client.get(edit_url(member, office.agency)).content.decode()
    assert f'value="{roles.DISTRICT_OFFICE}"' not in page
    assert f'value="{roles.OFFICE}"' in page
    response = client.post(
        edit_url(member, office.agency),
        {"agency": office.agency.pk, "roles": [roles.DISTRICT_OFFICE]},
    )
    assert response.status_code == 400
    assert not roles.user_is_district(member)


@pytest.mark.parametrize("role", ["officer", "leader", "secrecy", "supervisor", "district"])
def test_only_an_office_manages_staff(office, client, role):
    client.force_login(office.users[role])

    assert is_denied(client.get(INDEX))
    assert "本机关人员" not in client.get("/admin/").content.decode()
