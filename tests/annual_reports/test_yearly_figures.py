"""The year's decisions and fees, entered by 党政办 or imported from CSV."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gov_disclosure.annual_reports import selectors, services
from gov_disclosure.annual_reports.models import AnnualFigures
from tests.factories import PASSWORD
from tests.review.conftest import is_denied

pytestmark = pytest.mark.django_db
HEADER = "年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）\n"


def test_a_csv_from_a_chinese_spreadsheet_is_imported_and_fills_table_two(office):
    content = (HEADER + "2025,12,3,0,1.25\n2024,8,1,1,0\n").encode("gb18030")

    result = services.figures_import_csv(
        agency=office.agency, content=content, user=office.users["office"]
    )

    assert (result.created, result.updated) == (2, 0)
    figures = selectors.proactive_figures(agency=office.agency, year=2025)
    assert figures["licensing"] == {"decisions": 12}
    assert figures["penalty"] == {"decisions": 3}
    assert str(figures["fees"]["amount"]) == "1.2500"


def test_importing_again_updates_the_years(office):
    services.figures_import_csv(agency=office.agency, content=(HEADER + "2025,1,1,1,1\n").encode(),
                                user=office.users["office"])  # fmt: skip
    result = services.figures_import_csv(
        agency=office.agency,
        content=("\ufeff" + HEADER + "2025,5,1,1,1\n").encode(),
        user=office.users["office"],
    )

    assert (result.created, result.updated) == (0, 1)
    assert AnnualFigures.objects.get().licensing_decisions == 5


def test_a_bad_csv_names_each_bad_line_and_imports_nothing(office):
    content = (HEADER + "2025,12,3,0,1.25\n2025,1,1,1,1\n二〇二四,x,-1,1,1.123456\n").encode()

    with pytest.raises(ValidationError) as refused:
        services.figures_import_csv(agency=office.agency, content=content,
                                    user=office.users["office"])  # fmt: skip

    messages = refused.value.messages
    assert "第 3 行：2025 年重复出现" in messages
    assert "第 4 行「年度」：须为不小于 0 的整数" in messages
    assert "第 4 行「行政许可」：须为不小于 0 的整数" in messages
    assert "第 4 行「行政处罚」：须为不小于 0 的整数" in messages
    assert "第 4 行「行政事业性收费（万元）」：须为不小于 0、最多 4 位小数的数字" in messages
    assert not AnnualFigures.objects.exists()


def test_a_csv_without_the_headers_is_refused_with_the_expected_ones(office):
    with pytest.raises(ValidationError, match="缺少列：行政强制"):
        services.figures_import_csv(
            agency=office.agency, content="年度,行政许可,行政处罚\n2025,1,1\n".encode(),
            user=office.users["office"],
        )  # fmt: skip


def test_the_office_imports_through_the_admin_and_others_cannot(client, office):
    upload = SimpleUploadedFile("figures.csv", (HEADER + "2025,12,3,0,1.25\n").encode())
    client.login(username="office", password=PASSWORD)

    response = client.post(
        "/admin/annual-figures/import/", {"agency": office.agency.pk, "file": upload}
    )

    assert response.status_code == 302
    assert "12" in client.get("/admin/annual-figures/").content.decode()
    bad = client.post(
        "/admin/annual-figures/import/",
        {"agency": office.agency.pk, "file": SimpleUploadedFile("f.csv", b"a,b\n1,2\n")},
    )
    assert "缺少列" in bad.content.decode()
    client.login(username="officer", password=PASSWORD)
    assert is_denied(client.get("/admin/annual-figures/import/"))
    assert is_denied(client.get("/admin/annual-figures/"))
