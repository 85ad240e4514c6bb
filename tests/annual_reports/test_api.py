"""/api/disclosure/v1/reports/: published reports as data, nothing unpublished."""

import datetime

import pytest

from gov_disclosure.annual_reports import tables
from gov_disclosure.annual_reports.api import ReportRecordSerializer
from gov_disclosure.annual_reports.models import AnnualReportPage
from tests.disclosure_api.test_access import api_settings, issue_key
from tests.workflow import publish_through_workflow

from .conftest import YEAR, answered, generate, make_request

pytestmark = pytest.mark.django_db
REPORTS = "/api/disclosure/v1/reports/"
d = datetime.date


@pytest.fixture
def reports(office, site_root):
    """The 2025 report published; the 2024 one still a draft."""
    agency = office.agency
    make_request(agency, received=d(2025, 3, 3), **answered("disclosed", d(2025, 3, 20)))
    make_request(agency, received=d(2024, 5, 3), **answered("partial", d(2024, 5, 20)))
    published = AnnualReportPage.objects.get(pk=generate(office).report.pk)
    published = publish_through_workflow(published, submitter=office.users["office"])
    return published, generate(office, year=2024).report


def test_published_reports_are_served_with_their_tables_and_nothing_else(client, reports):
    published, _draft = reports

    response = client.get(REPORTS)

    assert response.status_code == 200
    data = response.json()
    [record] = data["results"]
    assert data["schema_version"] == "1.1"
    assert record["id"] == published.pk and record["year"] == YEAR
    assert record["agency"]["org_code"] == published.get_parent().specific.org_code
    assert record["tables"]["requests"]["new"]["person"] == 1
    assert record["tables"]["requests"]["disclosed"]["person"] == 1
    assert record["tables"]["proactive"]["fees"] == {"amount": "0.0000"}
    assert record["tables"]["appeals"]["review"] == dict.fromkeys(tables.APPEAL_COLUMNS, 0)
    assert record["downloads"]["xlsx"].endswith(f"/annual-report-{YEAR}/xlsx/")
    assert "本年度共收到政府信息公开申请1件" in record["sections"]["overview"]
    # What is served is what an aggregating site accepts.
    assert ReportRecordSerializer(data=record).is_valid()


def test_a_newer_draft_of_a_published_report_is_not_served(client, office, reports):
    published, _draft = reports
    draft = published.get_latest_revision_as_object()
    changed = draft.table(tables.REQUESTS)
    changed["new"]["other_org"] = 7
    draft.requests_table = tables.to_json(tables.REQUESTS, changed)
    draft.problems = "<p>未发布的修改</p>"
    draft.save_revision(user=office.users["office"])

    [record] = client.get(REPORTS).json()["results"]

    assert record["tables"]["requests"]["new"]["other_org"] == 0
    assert "未发布的修改" not in str(record)


def test_reports_are_filtered_by_year_and_agency(client, reports):
    published, _draft = reports
    org_code = published.get_parent().specific.org_code

    assert len(client.get(REPORTS, {"year": YEAR}).json()["results"]) == 1
    assert client.get(REPORTS, {"year": 2024}).json()["results"] == []
    assert len(client.get(REPORTS, {"agency": org_code}).json()["results"]) == 1


def test_bad_parameters_get_a_clear_400(client, reports):
    bad_year = client.get(REPORTS, {"year": "去年"})
    early = client.get(REPORTS, {"year": 1999})
    unknown = client.get(REPORTS, {"agency": "000000000"})

    assert bad_year.status_code == early.status_code == 400
    assert unknown.status_code == 404  # well formed, naming no agency
    assert bad_year.json()["errors"]["year"] == ["year 须为四位年份。"]
    assert early.json()["errors"]["year"] == ["year 不能早于 2008。"]
    assert "没有代码为 000000000 的机关" in unknown.json()["errors"]["agency"][0]


def test_the_reports_follow_the_feeds_keys(client, reports):
    api_settings(allow_anonymous=False)
    key = issue_key()

    assert client.get(REPORTS).status_code == 401
    assert client.get(REPORTS, headers={"X-API-Key": key}).status_code == 200


def test_the_openapi_document_describes_the_reports(client):
    schema = client.get("/api/disclosure/v1/schema/", {"format": "json"}).json()

    operation = schema["paths"]["/api/disclosure/v1/reports/"]["get"]
    assert operation["operationId"] == "disclosure_reports"
    assert {p["name"] for p in operation["parameters"]} == {"year", "agency"}
