"""Only the agency's 党政办 generates, edits and downloads its website report."""

import pytest

from gov_disclosure.website_reports.models import WebsiteReportPage
from tests.factories import PASSWORD
from tests.review.conftest import is_denied

from .conftest import YEAR, generate

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(office):
    return generate(office).report


def test_the_office_finds_the_reports_in_its_menu_and_generates(client, office, report):
    client.login(username="office", password=PASSWORD)

    dashboard = client.get("/admin/").content.decode()
    listing = client.get("/admin/website-reports/").content.decode()

    assert '"/admin/website-reports/"' in dashboard  # the sidebar's menu, as JSON
    assert f"<td>{YEAR}</td>" in listing and office.agency.title in listing
    assert f"/admin/website-reports/{report.pk}/download.xlsx" in listing


@pytest.mark.parametrize("username", ["officer", "leader", "secrecy", "supervisor", "district"])
def test_other_roles_cannot_generate_or_download(client, office, report, username):
    client.login(username=username, password=PASSWORD)

    assert is_denied(client.get("/admin/website-reports/"))
    assert is_denied(client.get(f"/admin/website-reports/{report.pk}/download.xlsx"))
    assert is_denied(client.get(f"/admin/pages/{report.pk}/edit/"))
    assert is_denied(
        client.post("/admin/website-reports/", {"agency": office.agency.pk, "year": YEAR})
    )
    assert WebsiteReportPage.objects.count() == 1


def test_another_agencys_office_neither_sees_nor_generates_this_agencys(
    client, office, other_office, report
):
    client.login(username="b-office", password=PASSWORD)

    listing = client.get("/admin/website-reports/").content.decode()
    download = client.get(f"/admin/website-reports/{report.pk}/download.xlsx")
    response = client.post("/admin/website-reports/", {"agency": office.agency.pk, "year": YEAR})

    assert office.agency.title not in listing and report.title not in listing
    assert is_denied(download)
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()
    assert WebsiteReportPage.objects.count() == 1
    assert is_denied(client.get(f"/admin/pages/{report.pk}/edit/"))
