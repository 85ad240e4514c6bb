"""Filling the report in the editor, its review, the published page and the workbook."""

import io
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from wagtail.models import WorkflowState

from gov_disclosure.pages.publication import PublicationNotApproved
from gov_disclosure.website_reports import spec
from gov_disclosure.website_reports.models import ReportIncomplete, WebsiteReportPage
from tests.factories import PASSWORD
from tests.workflow import approve_current_step

from .conftest import MANUAL_ENTRIES, edit_form_data, generate

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(year_of_data, site_root):
    return generate(year_of_data.office).report


def post_edit(client, report, action=None, **entries):
    data = edit_form_data(client, report, **{f"figures-{k}": v for k, v in entries.items()})
    if action:
        data[f"action-{action}"] = action
    return client.post(f"/admin/pages/{report.pk}/edit/", data)


def draft_values(report) -> dict:
    return WebsiteReportPage.objects.get(pk=report.pk).get_latest_revision_as_object().values()


def test_bad_input_is_refused_by_entry_and_what_was_typed_stays(client, office, report):
    client.login(username="office", password=PASSWORD)

    response = post_edit(client, report, page_views="十万", letters_average_days="2.55")

    page = response.content.decode()
    assert response.status_code == 200
    assert "网站总访问量（单位：次）：须为不小于 0 的整数" in page
    assert "互动交流·留言办理·平均办理时间（单位：天）：须为不小于 0、最多 1 位小数的天数" in page
    typed = re.search(r'<input[^>]*name="figures-page_views"[^>]*>', page).group(0)
    assert 'value="十万"' in typed and 'aria-invalid="true"' in typed
    assert draft_values(report)["page_views"] is None


def test_an_unfinished_report_is_saved_but_not_sent_to_review(client, office, report):
    client.login(username="office", password=PASSWORD)

    response = post_edit(client, report, "submit", page_views="123456")

    page = response.content.decode()
    assert response.status_code == 200
    assert "报表尚未填写完整，不能提交审核：" in page
    assert "网站类型、独立用户访问总量（单位：个）、专栏专题·维护数量（单位：个）" in page
    assert not WorkflowState.objects.filter(object_id=str(report.pk)).exists()
    # A plain save keeps what was typed for later.
    assert post_edit(client, report, page_views="123456").status_code == 302
    assert draft_values(report)["page_views"] == 123456
    # With 移动新媒体 declared, an account must be named and its figures given.
    response = post_edit(client, report, "submit", **{**MANUAL_ENTRIES, "wechat_posts": ""})
    assert "移动新媒体·微信·信息发布量（单位：条）" in response.content.decode()


def test_a_complete_report_is_reviewed_and_published_with_its_workbook(client, office, report):
    client.login(username="office", password=PASSWORD)
    assert client.get(report.url).status_code == 404  # a draft is not public

    response = post_edit(client, report, "submit", **MANUAL_ENTRIES)

    assert response.status_code == 302
    report = WebsiteReportPage.objects.get(pk=report.pk)
    assert report.workflow_in_progress and not report.live
    for reviewer in ("leader", "secrecy", "office"):
        approve_current_step(report, office.users[reviewer])
    report.refresh_from_db()
    assert report.live
    client.logout()
    page = client.get(report.url).content.decode()
    assert "网站总访问量（单位：次）" in page and "123456" in page
    assert "庄市发布" in page
    home = client.get(office.agency.url).content.decode()
    assert f'<a href="{report.url}">{report.year}年度报表</a>' in home
    workbook = load_workbook(io.BytesIO(client.get(report.url + "xlsx/").content))
    sheet = workbook.active
    # Each line's own label: the last text before the value (merged cells read as empty).
    rows = {
        [cell for cell in row[:-1] if cell][-1]: row[-1]
        for row in sheet.iter_rows(min_row=4, values_only=True)
    }
    assert sheet["A1"].value.startswith("政府网站工作年度报表（")
    assert rows["网站总访问量（单位：次）"] == 123456  # a number, not text
    assert rows["政务动态信息更新量"] == 3
    assert rows["平均办理时间（单位：天）"] == "5.3"
    assert rows["网站类型"] == "部门网站"
    pdf = client.get(report.url + "pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    text = text.replace("\n", "").replace(" ", "")
    assert "网站总访问量（单位：次）123456" in text and "庄市发布" in text


def test_the_public_sees_the_published_revision_not_a_newer_draft(client, office, report):
    client.login(username="office", password=PASSWORD)
    post_edit(client, report, "submit", **MANUAL_ENTRIES)
    for reviewer in ("leader", "secrecy", "office"):
        approve_current_step(report, office.users[reviewer])
    post_edit(client, WebsiteReportPage.objects.get(pk=report.pk), page_views="999999")
    client.logout()

    page = client.get(report.url).content.decode()
    workbook = client.get(report.url + "xlsx/").content
    pdf = PdfReader(io.BytesIO(client.get(report.url + "pdf/").content))
    client.login(username="office", password=PASSWORD)
    draft = load_workbook(
        io.BytesIO(client.get(f"/admin/website-reports/{report.pk}/download.xlsx").content)
    )

    assert "123456" in page and "999999" not in page
    assert b"999999" not in workbook
    assert "999999" not in "".join(p.extract_text() for p in pdf.pages)
    assert 999999 in [row[-1] for row in draft.active.iter_rows(values_only=True)]


def test_nobody_publishes_an_incomplete_or_unreviewed_report(client, office, report):
    client.login(username="office", password=PASSWORD)

    post_edit(client, report, "publish", **MANUAL_ENTRIES)

    report = WebsiteReportPage.objects.get(pk=report.pk)
    assert not report.live
    assert not spec.missing_entries(report.get_latest_revision_as_object().values())
    with pytest.raises(PublicationNotApproved):
        report.get_latest_revision().publish(user=office.users["office"])
    # Even an approved revision with blanks is refused.
    blank = WebsiteReportPage.objects.get(pk=report.pk)
    blank.figures = {**blank.figures, "page_views": None}
    with pytest.raises(ReportIncomplete):
        blank.publish(blank.save_revision())
