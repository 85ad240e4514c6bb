"""Every look at an applicant's or writer's personal data is recorded (who, when, which
record, how), and the agency's 监督 reads the record of its own agency."""

import pytest
from django.urls import reverse

from gov_disclosure.core.file_checks import PNG
from gov_disclosure.pages import roles
from gov_disclosure.requests.services import applicant_file_store
from gov_disclosure.security.models import PersonalDataAccess
from tests.disclosure_requests.conftest import png_bytes, upload
from tests.factories import PASSWORD, AgencyFactory, UserFactory
from tests.review.conftest import is_denied

pytestmark = pytest.mark.django_db
REQUESTS = "disclosure_requests_admin"


def login(client, user):
    client.logout()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def records():
    return list(
        PersonalDataAccess.objects.order_by("pk").values_list(
            "username", "kind", "record_label", "count", "agency_id"
        )
    )


@pytest.fixture
def supervisors(agency):
    other = AgencyFactory(parent=agency.get_parent())
    return {
        "own": UserFactory(username="jiandu", role=roles.SUPERVISOR, role__agency=agency),
        "other": UserFactory(username="jiandu-b", role=roles.SUPERVISOR, role__agency=other),
        "district": UserFactory(username="district", role=roles.DISTRICT_OFFICE),
    }


def test_viewing_downloading_listing_and_exporting_are_recorded(client, staff, submit, agency):
    request = submit()
    stored = applicant_file_store(upload=upload("身份证.png", png_bytes(), "image/png"), kind=PNG)
    stored.request = request
    stored.save()
    login(client, staff.office)

    client.get(reverse(f"{REQUESTS}:inspect", args=[request.pk]))
    client.get(reverse(f"{REQUESTS}:file", args=[request.pk, "applicant", stored.pk]))
    client.get(reverse(f"{REQUESTS}:index"))
    client.get(reverse(f"{REQUESTS}:index"), {"export": "csv"})

    name = staff.office.username
    assert records() == [
        (name, "view", str(request), 1, agency.pk),
        (name, "download", f"{request}：身份证.png", 1, agency.pk),
        (name, "view", "申请列表", 1, agency.pk),
        (name, "export", "申请导出", 1, agency.pk),
    ]
    entry = PersonalDataAccess.objects.order_by("pk").first()
    assert entry.user == staff.office and entry.address == "127.0.0.1"
    assert entry.record_type == "disclosure_requests.disclosurerequest"
    assert entry.record_id == str(request.pk)


def test_a_page_without_personal_data_records_nothing(client, staff, submit):
    from gov_disclosure.requests.retention import request_purge_personal_data

    request = submit()
    request_purge_personal_data(request=request)
    login(client, staff.office)
    client.get(reverse(f"{REQUESTS}:inspect", args=[request.pk]))

    assert records() == []


def test_supervisors_read_their_own_agencys_record(client, staff, submit, supervisors):
    request = submit()
    login(client, staff.office).get(reverse(f"{REQUESTS}:inspect", args=[request.pk]))
    url = reverse("disclosure_security:access_log")

    own = login(client, supervisors["own"]).get(url)
    assert own.status_code == 200 and str(request) in own.content.decode()
    export = client.get(url, {"export": "csv"})
    assert str(request) in b"".join(export.streaming_content).decode()
    assert str(request) in login(client, supervisors["district"]).get(url).content.decode()
    other = login(client, supervisors["other"]).get(url)
    assert other.status_code == 200 and str(request) not in other.content.decode()
    assert is_denied(login(client, staff.handler).get(url))
    assert is_denied(login(client, staff.office).get(url))  # the one recorded does not read it
