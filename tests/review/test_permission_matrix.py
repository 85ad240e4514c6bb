"""Every cell of the roles' permission matrix, through real admin requests.

A row is something a user tries in the admin; a column is a role. ``True``
means the admin lets the role do it (and it takes effect), ``False`` that it
refuses and nothing changes.
"""

import pytest
from wagtail.models import WorkflowState

from gov_disclosure.pages.models import DisclosureItemPage
from tests.review.conftest import edit_post, is_denied
from tests.workflow import approve_current_step, submit

pytestmark = pytest.mark.django_db

ROLES = ["officer", "leader", "secrecy", "office", "supervisor", "district"]


def opens(client, url) -> bool:
    response = client.get(url)
    return not is_denied(response) and response.status_code == 200


def at_step(office, step: int):
    """A clean item of department a, submitted and approved up to ``step`` (1-based)."""
    item = office.item()
    submit(item, office.users["officer"])
    for _ in range(step - 1):
        approve_current_step(item)
    return DisclosureItemPage.objects.get(pk=item.pk)


def decides(client, office, step: int, action: str) -> bool:
    item = at_step(office, step)
    state = item.current_workflow_task_state
    client.post(
        f"/admin/pages/workflow/action/{item.pk}/{action}/{state.pk}/",
        {"comment": "意见"},
    )
    state.refresh_from_db()
    return state.status != "in_progress"


def submits(client, office) -> bool:
    item = office.item()
    if opens(client, f"/admin/pages/{item.pk}/edit/"):
        edit_post(client, item, "submit")
    return WorkflowState.objects.for_instance(item).exists()


def unpublishes(client, office, publish) -> bool:
    item = publish(office.item())
    client.post(f"/admin/pages/{item.pk}/unpublish/", {"reason": "测试撤下原因"})
    return not DisclosureItemPage.objects.get(pk=item.pk).live


def deletes_live_item(client, office, publish) -> bool:
    item = publish(office.item())
    client.post(f"/admin/pages/{item.pk}/delete/")
    return not DisclosureItemPage.objects.filter(pk=item.pk, live=True).exists()


def offers_subcategory(client, office) -> bool:
    response = client.get(f"/admin/pages/{office.category_a.pk}/add_subpage/")
    if is_denied(response) or response.status_code != 200:
        return False
    return "/add/disclosure_pages/disclosurecategorypage/" in response.content.decode()


ACTIONS = {
    "open the dashboard": lambda c, o, p: opens(c, "/admin/"),
    "add an item in own department's category": lambda c, o, p: opens(
        c, f"/admin/pages/add/disclosure_pages/disclosureitempage/{o.category_a.pk}/"
    ),
    "add an item in another department's category": lambda c, o, p: opens(
        c, f"/admin/pages/add/disclosure_pages/disclosureitempage/{o.category_b.pk}/"
    ),
    "edit own department's item": lambda c, o, p: opens(c, f"/admin/pages/{o.item().pk}/edit/"),
    "edit another department's item": lambda c, o, p: opens(
        c, f"/admin/pages/{o.item('b').pk}/edit/"
    ),
    "delete own department's draft": lambda c, o, p: opens(
        c, f"/admin/pages/{o.item().pk}/delete/"
    ),
    "submit an item for review": lambda c, o, p: submits(c, o),
    "approve step 1 (分管领导审签)": lambda c, o, p: decides(c, o, 1, "approve"),
    "send back at step 1": lambda c, o, p: decides(c, o, 1, "reject"),
    "approve step 2 (保密审查)": lambda c, o, p: decides(c, o, 2, "approve"),
    "approve step 3 and publish (党政办终审)": lambda c, o, p: decides(c, o, 3, "approve"),
    "unpublish a live item": lambda c, o, p: unpublishes(c, o, p),
    "add a category": lambda c, o, p: opens(
        c, f"/admin/pages/add/disclosure_pages/disclosurecategorypage/{o.agency.pk}/"
    ),
    "add a subcategory under a category": lambda c, o, p: opens(
        c, f"/admin/pages/add/disclosure_pages/disclosurecategorypage/{o.category_a.pk}/"
    ),
    "be offered a subcategory under a category": lambda c, o, p: offers_subcategory(c, o),
    "delete a live item (instead of unpublishing it)": lambda c, o, p: deletes_live_item(c, o, p),
    "edit a category": lambda c, o, p: opens(c, f"/admin/pages/{o.category_a.pk}/edit/"),
    "edit the disclosure guide": lambda c, o, p: opens(c, f"/admin/pages/{o.guide.pk}/edit/"),
    "manage departments": lambda c, o, p: opens(
        c, "/admin/snippets/disclosure_pages/department/add/"
    ),
    "manage the sensitive-word list": lambda c, o, p: opens(
        c, "/admin/snippets/disclosure_review/sensitiveword/add/"
    ),
    "read the accountability log": lambda c, o, p: opens(c, "/admin/review/log/"),
    "export the accountability log": lambda c, o, p: opens(c, "/admin/review/log/?export=csv"),
    "read the timeliness report": lambda c, o, p: opens(c, "/admin/review/timeliness/"),
    "change users and their roles": lambda c, o, p: opens(c, "/admin/users/"),
    "change the review workflow": lambda c, o, p: opens(c, "/admin/workflows/list/"),
}

#                                                officer leader secrecy office supervisor district
MATRIX = {
    "open the dashboard":                            (1, 1, 1, 1, 1, 1),
    "add an item in own department's category":      (1, 0, 0, 1, 0, 0),
    "add an item in another department's category":  (0, 0, 0, 1, 0, 0),
    "edit own department's item":                    (1, 0, 0, 1, 0, 0),
    "edit another department's item":                (0, 0, 0, 1, 0, 0),
    "delete own department's draft":                 (1, 0, 0, 1, 0, 0),
    "submit an item for review":                     (1, 0, 0, 1, 0, 0),
    "approve step 1 (分管领导审签)":                 (0, 1, 0, 0, 0, 0),
    "send back at step 1":                           (0, 1, 0, 0, 0, 0),
    "approve step 2 (保密审查)":                     (0, 0, 1, 0, 0, 0),
    "approve step 3 and publish (党政办终审)":       (0, 0, 0, 1, 0, 0),
    "unpublish a live item":                         (0, 0, 0, 1, 0, 0),
    "add a category":                                (0, 0, 0, 1, 0, 0),
    "add a subcategory under a category":            (0, 0, 0, 1, 0, 0),
    "be offered a subcategory under a category":     (0, 0, 0, 1, 0, 0),
    "delete a live item (instead of unpublishing it)": (0, 0, 0, 0, 0, 0),
    "edit a category":                               (0, 0, 0, 1, 0, 0),
    "edit the disclosure guide":                     (0, 0, 0, 1, 0, 0),
    "manage departments":                            (0, 0, 0, 1, 0, 0),
    "manage the sensitive-word list":                (0, 0, 0, 0, 0, 1),
    "read the accountability log":                   (0, 0, 0, 1, 1, 1),
    "export the accountability log":                 (0, 0, 0, 1, 1, 1),
    "read the timeliness report":                    (0, 0, 0, 1, 1, 1),
    "change users and their roles":                  (0, 0, 0, 0, 0, 0),
    "change the review workflow":                    (0, 0, 0, 0, 0, 0),
}  # fmt: skip

CELLS = [
    pytest.param(action, role, bool(row[index]), id=f"{role}: {action}")
    for action, row in MATRIX.items()
    for index, role in enumerate(ROLES)
]


def test_matrix_covers_every_action():
    assert set(MATRIX) == set(ACTIONS)


@pytest.mark.parametrize("action, role, expected", CELLS)
def test_permission_cell(office, client, publish, action, role, expected):
    client.force_login(office.users[role])

    assert ACTIONS[action](client, office, publish) is expected


# Actions on no particular agency's pages: the same in either agency (what they then list
# is the user's own agency's, tested in test_two_agencies and test_list_equals_open).
AGENCY_NEUTRAL = {
    "open the dashboard",
    "manage departments",
    "manage the sensitive-word list",
    "read the accountability log",
    "export the accountability log",
    "read the timeliness report",
    "change users and their roles",
    "change the review workflow",
}
OTHER_AGENCY_CELLS = [
    pytest.param(
        action, role, bool(row[index]) and action in AGENCY_NEUTRAL, id=f"{role}: {action}"
    )
    for action, row in MATRIX.items()
    for index, role in enumerate(ROLES)
    if role != "district"  # the platform's: it has no agency
]


@pytest.mark.parametrize("action, role, expected", OTHER_AGENCY_CELLS)
def test_permission_cell_in_the_other_agency(
    office, other_office, client, publish, action, role, expected
):
    """The same action on the other agency's catalogue and items, by this agency's role."""
    client.force_login(office.users[role])

    assert ACTIONS[action](client, other_office, publish) is expected


@pytest.mark.parametrize(
    "role, shown", [("officer", True), ("office", True), ("leader", False), ("supervisor", False)]
)
def test_the_menu_offers_the_catalogue_only_to_those_it_serves(office, client, role, shown):
    client.force_login(office.users[role])

    html = client.get("/admin/").content.decode()

    assert ('"url": "/admin/disclosure_items/"' in html) is shown  # the sidebar's menu data
