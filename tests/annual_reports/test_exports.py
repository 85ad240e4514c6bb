"""The report as XLSX (the national tables) and PDF (Chinese text, fonts embedded)."""

import datetime
import io
import os
import subprocess
import sys
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from gov_disclosure.annual_reports import tables
from gov_disclosure.annual_reports.exports.pdf import report_pdf_html
from gov_disclosure.annual_reports.models import AnnualFigures, AnnualReportPage
from tests.factories import PASSWORD
from tests.workflow import publish_through_workflow

from .conftest import YEAR, generate, make_request

pytestmark = pytest.mark.django_db
d = datetime.date


@pytest.fixture
def published(some_requests, site_root):
    office = some_requests
    AnnualFigures.objects.create(agency=office.agency, year=YEAR, licensing_decisions=12,
                                 fee_amount=Decimal("1.2345"))  # fmt: skip
    report = AnnualReportPage.objects.get(pk=generate(office).report.pk)
    return publish_through_workflow(report, submitter=office.users["office"])


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].startswith("attachment;")
    return load_workbook(io.BytesIO(response.content))


def test_the_workbook_lays_out_table_three_cell_for_cell_as_the_national_format(client, published):
    book = workbook(client.get(published.url + "xlsx/"))

    assert book.sheetnames == ["表二 主动公开", "表三 依申请公开", "表四 复议诉讼"]
    sheet = book["表三 依申请公开"]
    assert sheet["A1"].value == published.title
    merged = {str(cell_range) for cell_range in sheet.merged_cells.ranges}
    assert {"A4:C6", "D4:J4", "D5:D6", "E5:I5", "J5:J6", "A9:A30", "B11:B18"} <= merged
    assert [sheet.cell(row=6, column=c).value for c in range(5, 10)] == [
        "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
    ]  # fmt: skip
    assert sheet["A7"].value == "一、本年新收政府信息公开申请数量"
    assert [sheet.cell(row=7, column=c).value for c in range(4, 11)] == [2, 1, 0, 0, 0, 0, 3]
    assert (sheet["B9"].value, sheet["D9"].value) == ("（一）予以公开", 1)
    assert (sheet["B11"].value, sheet["C16"].value, sheet["E16"].value) == (
        "（三）不予公开", "6.属于四类过程性信息", 1,
    )  # fmt: skip
    assert sheet["B30"].value == "（七）总计"
    assert [sheet.cell(row=30, column=c).value for c in range(4, 11)] == [1, 1, 0, 0, 0, 0, 2]
    assert sheet["A31"].value == "四、结转下年度继续办理"
    assert sheet["D31"].value == 1 and sheet["J31"].value == 1


def test_the_workbook_carries_table_two_figures_and_table_four(client, published):
    book = workbook(client.get(published.url + "xlsx/"))

    two = book["表二 主动公开"]
    assert two["A4"].value == "第二十条第（一）项"
    assert [two.cell(row=5, column=c).value for c in range(1, 5)] == [
        "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
    ]  # fmt: skip
    assert (two["A10"].value, two["B10"].value) == ("行政许可", 12)
    assert (two["A17"].value, two["B17"].value) == ("行政事业性收费", 1.2345)
    assert two["B17"].number_format == "0.00##"
    four = book["表四 复议诉讼"]
    assert (four["A4"].value, four["F4"].value) == ("行政复议", "行政诉讼")
    assert (four["F5"].value, four["K5"].value) == ("未经复议直接起诉", "复议后起诉")
    assert [four.cell(row=7, column=c).value for c in range(1, 16)] == [0] * 15


def test_the_pdf_reads_back_as_the_report_with_its_chinese_fonts_embedded(client, published):
    response = client.get(published.url + "pdf/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    for expected in (
        "政府信息公开工作年度报告",
        "一、总体情况",
        "本年度共收到政府信息公开申请3件",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量",
        "属于四类过程性信息",
        "四、政府信息公开行政复议、行政诉讼情况",
        "尚未审结",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ):
        assert expected in text, expected
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (
                (descendants[0].get_object() if descendants else font)
                .get("/FontDescriptor")
                .get_object()
            )
            fonts.append((str(font["/BaseFont"]), any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )))  # fmt: skip
    assert any("Disclosure" in name for name, _embedded in fonts), fonts  # the bundled font
    assert all(embedded for _name, embedded in fonts), fonts


def test_the_pdf_keeps_its_chinese_text_on_a_server_without_chinese_fonts(published, tmp_path):
    """The report's own HTML rendered where fontconfig finds no font at all: the text layer
    still reads back, from the font the plugin ships."""
    (tmp_path / "report.html").write_text(report_pdf_html(published, fallback_fonts="serif"))
    (tmp_path / "fonts.conf").write_text(
        '<?xml version="1.0"?><fontconfig><dir>/nonexistent</dir>'
        f"<cachedir>{tmp_path}/cache</cachedir></fontconfig>"
    )
    subprocess.run(
        [sys.executable, "-c", "import sys, weasyprint; "
         "weasyprint.HTML(sys.argv[1]).write_pdf(sys.argv[2])",
         str(tmp_path / "report.html"), str(tmp_path / "report.pdf")],
        env={**os.environ, "FONTCONFIG_FILE": str(tmp_path / "fonts.conf")},
        check=True, capture_output=True,
    )  # fmt: skip

    reader = PdfReader(tmp_path / "report.pdf")
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    assert "政府信息公开工作年度报告" in text and "三、收到和处理政府信息公开申请情况" in text


def test_downloads_show_the_published_version_never_a_newer_draft(client, office, published):
    draft = published.get_latest_revision_as_object()
    changed = draft.table(tables.PROACTIVE)
    changed["licensing"]["decisions"] = 40
    draft.proactive_table = tables.to_json(tables.PROACTIVE, changed)
    draft.save_revision(user=office.users["office"])

    public = workbook(client.get(published.url + "xlsx/"))
    client.login(username="office", password=PASSWORD)
    drafted = workbook(client.get(f"/admin/annual-reports/{published.pk}/download.xlsx"))

    assert public["表二 主动公开"]["B10"].value == 12
    assert drafted["表二 主动公开"]["B10"].value == 40


def test_an_unpublished_report_has_no_public_downloads(client, office, site_root):
    make_request(office.agency, received=d(2025, 3, 3))
    report = generate(office)
    path = f"/annual-report-{YEAR}/"

    assert client.get(path).status_code == 404
    assert client.get(path + "xlsx/").status_code == 404
    assert client.get(path + "pdf/").status_code == 404
    draft = f"/admin/annual-reports/{report.report.pk}/download.pdf"
    assert client.get(draft).status_code == 302  # to the login page
    client.login(username="officer", password=PASSWORD)
    assert client.get(draft).status_code in (302, 403)
