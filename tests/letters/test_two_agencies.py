"""Two agencies on one platform: letters, their writers' data, the mails about them and the
statistics stay with the agency written to."""

import pytest
from django.urls import reverse

from gov_disclosure.letters.services import letter_submit
from gov_disclosure.pages import roles
from tests.factories import AgencyFactory, UserFactory
from tests.letters.conftest import LETTER, WRITER
from tests.letters.test_handling import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def other(office):
    second = AgencyFactory(parent=office.agency.get_parent(), title="第二街道政府信息公开")
    return {
        "agency": second,
        "manager": UserFactory(username="b-dzb", role=roles.OFFICE, role__agency=second),
        "leader": UserFactory(
            username="b-leader", role=roles.LEADER_IN_CHARGE, role__agency=second
        ),
        "supervisor": UserFactory(username="b-jiandu", role=roles.SUPERVISOR, role__agency=second),
    }


@pytest.fixture
def letters(office, other, mailoutbox, django_capture_on_commit_callbacks):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ours = letter_submit(
            agency=office.agency,
            letter_fields={**LETTER, "subject": "本街道噪音投诉"},
            writer_fields={**WRITER, "name": "本街道来信人"},
        )
        theirs = letter_submit(
            agency=other["agency"],
            letter_fields={**LETTER, "subject": "他街道噪音投诉"},
            writer_fields={**WRITER, "name": "他街道来信人"},
        )
    return ours, theirs


@pytest.mark.parametrize("role", ["manager", "leader"])
def test_staff_list_and_open_only_their_agencys_letters(client, office, other, letters, role):
    ours, theirs = letters
    login(client, getattr(office, role))

    listing = client.get(reverse("disclosure_letters_admin:index")).content.decode()
    assert "本街道噪音投诉" in listing and "他街道噪音投诉" not in listing
    inspect = reverse("disclosure_letters_admin:inspect", args=[theirs.pk])
    assert client.get(inspect).status_code == 404
    action = reverse("disclosure_letters_admin:action", args=[theirs.pk, "assign"])
    assert client.post(action, {"department": office.construction.pk}).status_code in (403, 404)
    theirs.refresh_from_db()
    assert theirs.department is None


def test_a_new_letter_is_mailed_to_its_agencys_office_only(office, other, letters, mailoutbox):
    to_ours = [m for m in mailoutbox if office.manager.email in m.to]
    to_theirs = [m for m in mailoutbox if other["manager"].email in m.to]

    assert [m.subject for m in to_ours] == [f"网民信件：收到来信 {letters[0].number}，请分办"]
    assert [m.subject for m in to_theirs] == [f"网民信件：收到来信 {letters[1].number}，请分办"]


def test_the_statistics_are_the_agencys(client, office, other, letters):
    login(client, other["supervisor"])

    page = client.get(reverse("disclosure_letters_admin:statistics")).content.decode()

    assert other["agency"].agency_name in page
    assert office.agency.agency_name not in page  # not offered as a choice either
    # One letter this year, theirs, not yet assigned to a department.
    assert '<th scope="row">（未分办）</th><td>1</td>' in page
