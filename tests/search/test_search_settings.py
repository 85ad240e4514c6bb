"""检索设置 in the admin: 党政办 chooses which 有效性 the public search hides."""

import pytest
from wagtail.models import Page

from gov_disclosure.pages import roles
from gov_disclosure.search.models import SearchSettings
from tests.factories import AgencyFactory
from tests.search.conftest import titles

pytestmark = pytest.mark.django_db

URL = "/admin/settings/disclosure_search/searchsettings/"


def edit_url(client) -> str:
    """Wagtail sends the settings menu entry on to the edit view of the one instance."""
    response = client.get(URL)
    assert response.status_code == 302
    return response.url


def user_in(django_user_model, role: str):
    """A user holding ``role``: 区政务公开办 on the platform, another role in an agency."""
    user = django_user_model.objects.create_user(username=role, password="x")
    if role == roles.DISTRICT_OFFICE:
        user.groups.add(roles.district_group_ensure())
    else:
        roles.role_grant(
            user=user, agency=AgencyFactory(parent=Page.get_first_root_node()), role=role
        )
    return user


def test_the_office_hides_abolished_items_from_search(
    client, django_user_model, engine, make_item, publish, django_capture_on_commit_callbacks
):
    import datetime

    with django_capture_on_commit_callbacks(execute=True):
        publish(make_item(title="现行的行政处罚规定"))
        publish(
            make_item(
                title="已废止的行政处罚规定",
                validity="已废止",
                abolished_date=datetime.date.today(),
            )
        )
    client.force_login(user_in(django_user_model, roles.DISTRICT_OFFICE))

    url = edit_url(client)
    form = client.get(url)
    assert form.status_code == 200 and "不在检索结果中显示的有效性" in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"hidden_validities": ["已废止"]})

    assert response.status_code == 302
    assert SearchSettings.load().hidden_validities == ["已废止"]
    assert titles(engine, "行政处罚") == ["现行的行政处罚规定"]


def test_a_bad_choice_is_a_form_error(client, django_user_model):
    client.force_login(user_in(django_user_model, roles.DISTRICT_OFFICE))

    response = client.post(edit_url(client), {"hidden_validities": ["永久有效"]})

    assert response.status_code == 200
    assert "永久有效" in response.content.decode()  # "选择一个有效的选项。永久有效 不在…"
    assert SearchSettings.load().hidden_validities == []


# The search serves every agency: its settings are the platform's, not an agency's 党政办's.
@pytest.mark.parametrize("role", ["信息员", "分管领导", "保密审查员", "党政办", "监督"])
def test_other_roles_cannot_change_the_search_settings(client, django_user_model, role):
    client.force_login(user_in(django_user_model, role))

    response = client.get(URL, follow=True)

    assert "不在检索结果中显示的有效性" not in response.content.decode()
    assert response.redirect_chain[-1][0] == "/admin/"  # Wagtail's permission denied


def test_an_agency_hides_its_own_abolished_items_and_no_other_agencys(
    client, engine, site_root, category, department, root_page, django_capture_on_commit_callbacks
):
    import datetime

    from gov_disclosure.search.models import AgencySearchSettings
    from tests.factories import CategoryFactory, DepartmentFactory, ItemFactory, UserFactory
    from tests.workflow import publish

    other = AgencyFactory(parent=root_page, title="第二街道政府信息公开")
    other_category = publish(CategoryFactory(parent=other, code="09"))
    other_department = DepartmentFactory(agency=other, name="党政办公室", code="DZB")
    abolished = {"validity": "已废止", "abolished_date": datetime.date.today()}
    with django_capture_on_commit_callbacks(execute=True):
        publish(ItemFactory(parent=category, publisher=department, title="本街道废止的处罚规定",
                            **abolished))  # fmt: skip
        publish(ItemFactory(parent=other_category, publisher=other_department,
                            title="他街道废止的处罚规定", **abolished))  # fmt: skip
    office = UserFactory(username="dzb", role=roles.OFFICE, role__agency=site_root)
    client.force_login(office)

    form = client.get("/admin/agency_search_settings/new/").content.decode()
    assert f'value="{site_root.pk}"' in form and f'value="{other.pk}"' not in form
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(
            "/admin/agency_search_settings/new/",
            {"agency": other.pk, "hidden_validities": ["已废止"]},
        )
        response = client.post(
            "/admin/agency_search_settings/new/",
            {"agency": site_root.pk, "hidden_validities": ["已废止"]},
        )

    assert refused.status_code == 200  # the form again: not an agency of the user's
    assert response.status_code == 302, response.context["form"].errors
    assert list(AgencySearchSettings.objects.values_list("agency", flat=True)) == [site_root.pk]
    assert titles(engine, "处罚规定") == ["他街道废止的处罚规定"]
