"""Generating a report from the data, and generating it again without losing edits."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import PageLogEntry

from gov_disclosure.annual_reports import tables
from gov_disclosure.annual_reports.models import AnnualReportPage
from tests.factories import PASSWORD
from tests.review.conftest import is_denied
from tests.workflow import submit

from .conftest import YEAR, answered, generate, make_request, report_form_data

pytestmark = pytest.mark.django_db
d = datetime.date


def test_generating_makes_a_draft_report_of_the_agency_filled_from_the_data(some_requests):
    result = generate(some_requests)

    report = AnnualReportPage.objects.get(pk=result.report.pk)
    assert result.created
    assert not report.live
    assert report.get_parent().pk == some_requests.agency.pk
    assert report.year == YEAR
    assert report.title == f"{some_requests.agency.agency_name}2025年政府信息公开工作年度报告"
    figures = report.table(tables.REQUESTS)
    assert figures["new"]["person"] == 2 and figures["new"]["business"] == 1
    assert figures["disclosed"]["person"] == 1
    assert figures["withheld_process"]["business"] == 1
    assert figures["carried_out"]["person"] == 1
    assert "本年度共收到政府信息公开申请3件（网上申请3件）" in report.overview
    assert "办结2件，结转下年度继续办理1件" in report.overview
    assert PageLogEntry.objects.filter(page=report, action="annual_report.generate").exists()


def test_generating_again_keeps_what_the_office_changed_and_refreshes_the_rest(some_requests):
    report = generate(some_requests).report
    draft = report.get_latest_revision_as_object()
    edited = draft.table(tables.REQUESTS)
    edited["new"]["research"] = 4  # the office's own correction
    draft.requests_table = tables.to_json(tables.REQUESTS, edited)
    draft.overview = "<p>本街道高度重视政府信息公开工作。</p>"
    draft.problems = "<p>信息分类不够规范。</p>"
    draft.save_revision(user=some_requests.users["office"])
    # Meanwhile a late request of 2025 is registered.
    make_request(some_requests.agency, received=d(2025, 11, 3),
                 **answered("disclosed", d(2025, 11, 20)))  # fmt: skip

    result = generate(some_requests)

    latest = AnnualReportPage.objects.get(pk=report.pk).get_latest_revision_as_object()
    figures = latest.table(tables.REQUESTS)
    assert figures["new"]["research"] == 4
    assert figures["new"]["person"] == 3  # refreshed
    assert figures["disclosed"]["person"] == 2  # refreshed
    assert latest.overview == "<p>本街道高度重视政府信息公开工作。</p>"
    assert latest.problems == "<p>信息分类不够规范。</p>"
    assert result.overview_kept
    assert result.kept_cells == ["表三「一、本年新收政府信息公开申请数量」行「科研机构」列"]


def test_an_overview_left_as_generated_is_written_again_from_the_new_data(some_requests):
    report = generate(some_requests).report
    make_request(some_requests.agency, received=d(2025, 6, 3))

    result = generate(some_requests)

    latest = AnnualReportPage.objects.get(pk=report.pk).get_latest_revision_as_object()
    assert not result.overview_kept
    assert "本年度共收到政府信息公开申请4件" in latest.overview


def test_a_report_under_review_is_not_generated_again(some_requests):
    report = generate(some_requests).report
    submit(AnnualReportPage.objects.get(pk=report.pk), some_requests.users["office"])

    with pytest.raises(ValidationError, match="正在审核中"):
        generate(some_requests)


def test_a_year_not_yet_begun_or_before_the_regulations_is_refused(some_requests):
    with pytest.raises(ValidationError, match="年度须在 2008 年至 2026 年之间"):
        generate(some_requests, year=2027)
    with pytest.raises(ValidationError):
        generate(some_requests, year=2007)


def test_the_office_generates_from_the_admin_and_lands_in_the_editor(client, some_requests):
    client.login(username="office", password=PASSWORD)

    response = client.post(
        "/admin/annual-reports/", {"agency": some_requests.agency.pk, "year": YEAR}
    )

    report = AnnualReportPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{report.pk}/edit/"
    editor = client.get(response["Location"]).content.decode()
    assert 'name="requests_table-new-person" size="6" type="text" value="2"' in editor
    assert "本报告按 2025 年的数据" in editor
    listing = client.get("/admin/annual-reports/").content.decode()
    assert f'href="/admin/pages/{report.pk}/edit/"' in listing
    assert "未报送" in listing


def test_information_officers_and_reviewers_cannot_generate_reports(client, some_requests):
    for username in ("officer", "leader", "secrecy", "supervisor"):
        client.login(username=username, password=PASSWORD)
        assert is_denied(client.get("/admin/annual-reports/")), username
        assert is_denied(
            client.post("/admin/annual-reports/", {"agency": some_requests.agency.pk, "year": YEAR})
        ), username
    assert not AnnualReportPage.objects.exists()


def test_an_information_officer_cannot_edit_the_report(client, some_requests):
    report = generate(some_requests).report
    client.login(username="officer", password=PASSWORD)

    assert is_denied(client.get(f"/admin/pages/{report.pk}/edit/"))


def test_a_report_cannot_be_added_by_hand_beside_the_generated_one(client, some_requests):
    client.login(username="office", password=PASSWORD)

    response = client.get(
        f"/admin/pages/add/annual_reports/annualreportpage/{some_requests.agency.pk}/"
    )

    assert is_denied(response) or response.status_code in (403, 404)


def test_a_cell_that_is_not_a_count_is_refused_by_name_and_kept_in_the_form(client, some_requests):
    report = generate(some_requests).report
    client.login(username="office", password=PASSWORD)
    data = report_form_data(client, report, **{"requests_table-new-person": "两"})

    response = client.post(f"/admin/pages/{report.pk}/edit/", data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "表三「一、本年新收政府信息公开申请数量」行「自然人」列：须为不小于 0 的整数" in page
    assert 'name="requests_table-new-person" size="6" type="text" value="两"' in page


def test_a_report_stays_with_its_agency_and_year(client, some_requests):
    report = generate(some_requests).report
    permissions = report.permissions_for_user(some_requests.users["office"])

    assert permissions.can_edit()
    assert not permissions.can_move() and not permissions.can_copy()
    client.login(username="office", password=PASSWORD)
    assert is_denied(client.get(f"/admin/pages/{report.pk}/move/"))
    assert is_denied(client.get(f"/admin/pages/{report.pk}/copy/"))


def test_generating_the_current_year_warns_that_the_year_has_not_ended(client, some_requests):
    client.login(username="office", password=PASSWORD)

    response = client.post(
        "/admin/annual-reports/", {"agency": some_requests.agency.pk, "year": 2026}, follow=True
    )

    assert (
        "2026 年尚未结束：报告中的数据截至今天，年度结束后请重新生成。" in response.content.decode()
    )
