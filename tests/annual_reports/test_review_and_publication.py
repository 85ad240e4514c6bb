"""The report passes the items' review workflow; an unbalanced table 三 stops it."""

import pytest
from wagtail.models import WorkflowState

from gov_disclosure.annual_reports.models import AnnualReportPage
from gov_disclosure.annual_reports.models.report import ReportNotBalanced
from gov_disclosure.pages.publication import PublicationNotApproved
from gov_disclosure.review.selectors import revision_findings
from tests.factories import PASSWORD
from tests.workflow import approve_current_step

from .conftest import generate, report_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(some_requests, site_root):
    return generate(some_requests).report


def post_edit(client, report, action=None, **changes):
    data = report_form_data(client, report, **changes)
    if action:
        data[f"action-{action}"] = action
    return client.post(f"/admin/pages/{report.pk}/edit/", data)


def test_a_report_whose_table_three_does_not_balance_is_not_submitted(client, office, report):
    client.login(username="office", password=PASSWORD)

    response = post_edit(client, report, "submit", **{"requests_table-new-person": "9"})

    assert response.status_code == 200
    assert (
        "表三「自然人」列不平衡：一（9）+ 二（0）= 9，三（总计）（1）+ 四（1）= 2，相差 7。"
        in response.content.decode()
    )
    assert not WorkflowState.objects.filter(object_id=str(report.pk)).exists()
    # Saved as a draft, the same figures are kept for the office to correct later.
    assert post_edit(client, report, **{"requests_table-new-person": "9"}).status_code == 302
    draft = AnnualReportPage.objects.get(pk=report.pk).get_latest_revision_as_object()
    assert draft.requests_table["new"]["person"] == 9
    editor = client.get(f"/admin/pages/{report.pk}/edit/").content.decode()
    submit_page = client.get(f"/admin/annual-reports/{report.pk}/submit/").content.decode()
    assert "表三不平衡，提交审核和报送前须更正：" in editor
    assert "表三不平衡，不能报送：" in submit_page


def test_a_balanced_report_is_reviewed_step_by_step_and_published(client, office, report):
    client.login(username="office", password=PASSWORD)

    response = post_edit(client, report, "submit")

    assert response.status_code == 302
    report = AnnualReportPage.objects.get(pk=report.pk)
    assert report.workflow_in_progress and not report.live
    for reviewer in ("leader", "secrecy", "office"):
        approve_current_step(report, office.users[reviewer])
    report.refresh_from_db()
    assert report.live
    page = client.get(report.url).content.decode()
    assert "一、本年新收政府信息公开申请数量" in page
    assert "三、收到和处理政府信息公开申请情况" in page
    assert "xlsx/" in page and "pdf/" in page
    home = client.get("/").content.decode()
    assert f'<a href="{report.url}">2025年度报告</a>' in home


def test_nobody_publishes_a_report_without_the_workflow(client, office, report):
    client.login(username="office", password=PASSWORD)

    post_edit(client, report, "publish")

    report = AnnualReportPage.objects.get(pk=report.pk)
    assert not report.live
    with pytest.raises(PublicationNotApproved):
        report.get_latest_revision().publish(user=office.users["office"])
    assert not AnnualReportPage.objects.get(pk=report.pk).live


def test_the_confidentiality_check_reads_the_reports_own_text(office, report):
    draft = report.get_latest_revision_as_object()
    draft.problems = "<p>申请人张三（身份证号11010519491231002X）多次来电。</p>"
    revision = draft.save_revision(user=office.users["office"])

    findings = list(revision_findings(revision=revision))

    assert [(f.field, f.kind) for f in findings] == [("problems", "id_number")]


def test_publishing_refuses_a_revision_whose_table_three_does_not_balance(office, report):
    draft = report.get_latest_revision_as_object()
    draft.requests_table = {**draft.requests_table, "carried_out": {"person": 5}}
    revision = draft.save_revision(user=office.users["office"])

    with pytest.raises(ReportNotBalanced, match="表三「自然人」列不平衡"):
        revision.publish(user=office.users["office"])

    assert not AnnualReportPage.objects.get(pk=report.pk).live
