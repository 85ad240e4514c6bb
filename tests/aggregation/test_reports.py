"""The district mirrors its sources' annual reports and sums their tables."""

import copy
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from openpyxl import load_workbook

from gov_disclosure.aggregation.models import MirroredReport, QuarantinedRecord, Source
from gov_disclosure.aggregation.rollup import reports_rollup
from gov_disclosure.aggregation.services import source_add, source_sync
from gov_disclosure.annual_reports import services
from gov_disclosure.annual_reports.api import report_record
from gov_disclosure.annual_reports.models import AnnualReportPage
from gov_disclosure.pages import roles
from tests.aggregation.conftest import SERVING_SITE
from tests.annual_reports.conftest import answered, make_request
from tests.workflow import publish_through_workflow, superuser

d = datetime.date


def published_report(agency, user) -> AnnualReportPage:
    make_request(agency, received=d(2025, 3, 3), **answered("disclosed", d(2025, 3, 20)))
    make_request(agency, received=d(2025, 12, 30))
    report = services.report_generate(agency=agency, year=2025, user=user).report
    return publish_through_workflow(AnnualReportPage.objects.get(pk=report.pk), submitter=user)


def other_subdistrict(record: dict) -> dict:
    """The same report as another subdistrict would send it, with figures of its own."""
    other = copy.deepcopy(record)
    other["id"] = 90001
    other["agency"] = {
        "id": 7,
        "name": "测试区人民政府骆驼街道办事处",
        "org_code": "113302110000000007",
    }
    other["title"] = "骆驼街道2025年政府信息公开工作年度报告"
    requests = other["tables"]["requests"]
    requests["new"]["business"] = 4
    requests["withheld_process"]["business"] = 3
    requests["carried_out"]["business"] = 1
    other["tables"]["proactive"]["fees"]["amount"] = "2.5000"
    return other


def district_officer():
    user = get_user_model().objects.create_user("district", "d@example.gov.cn", "pw")
    user.groups.add(roles.district_group_ensure())
    return user


@SERVING_SITE
def test_the_district_pulls_reports_and_sums_them_cell_by_cell(
    serving_site, site_root, fake_source, client
):
    report = published_report(site_root, superuser())
    real = source_add(name="庄市街道", base_url=f"http://127.0.0.1:{serving_site.port}")
    record = report_record(report, RequestFactory().get("/"))
    fake_source.answer([])
    fake_source.answer_reports([other_subdistrict(record)])
    Source.objects.create(name="骆驼街道", base_url=fake_source.url)
    Source.objects.create(name="蛟川街道", base_url=fake_source.url + "/nowhere")

    results = [source_sync(source=source) for source in Source.objects.order_by("pk")]

    assert [r.error for r in results[:2]] == ["", ""]
    assert MirroredReport.objects.count() == 2
    rollup = reports_rollup(year=2025)
    assert [s.name for s in rollup.missing] == ["蛟川街道"]
    # Each subdistrict: two persons (one answered, one open); the other also 4 businesses.
    assert rollup.figures["requests"]["new"]["person"] == 4
    assert rollup.figures["requests"]["new"]["business"] == 4
    assert rollup.figures["requests"]["disclosed"]["person"] == 2
    assert rollup.figures["requests"]["withheld_process"]["business"] == 3
    assert rollup.figures["requests"]["carried_out"] == {
        "person": 2, "business": 1, "research": 0, "public_interest": 0,
        "legal_service": 0, "other_org": 0,
    }  # fmt: skip
    assert str(rollup.figures["proactive"]["fees"]["amount"]) == "2.5000"
    assert rollup.imbalances == []

    client.force_login(district_officer())
    page = client.get("/admin/aggregation/rollup/", {"year": 2025}).content.decode()
    assert "2025年度政府信息公开工作年度报告汇总（2 个机关）" in page
    assert "蛟川街道" in page and report.title in page
    book = load_workbook(io.BytesIO(
        client.get("/admin/aggregation/rollup/", {"year": 2025, "format": "xlsx"}).content
    ))  # fmt: skip
    three = book["表三 依申请公开"]
    assert [three.cell(row=7, column=c).value for c in range(4, 11)] == [4, 4, 0, 0, 0, 0, 8]

    # Unpublished at the source, the report leaves the district at the next sync.
    AnnualReportPage.objects.get(pk=report.pk).unpublish()
    source_sync(source=real)
    assert list(MirroredReport.objects.values_list("agency_name", flat=True)) == [
        "测试区人民政府骆驼街道办事处"
    ]


@pytest.fixture
def good_record(site_root):
    report = published_report(site_root, superuser())
    return other_subdistrict(report_record(report, RequestFactory().get("/")))


@pytest.mark.django_db
def test_a_report_with_a_bad_cell_is_held_back_and_the_last_good_copy_kept(
    fake_source, good_record
):
    source = Source.objects.create(name="骆驼街道", base_url=fake_source.url)
    fake_source.answer([])
    fake_source.answer_reports([good_record])
    source_sync(source=source)
    broken = copy.deepcopy(good_record)
    broken["tables"]["requests"]["new"]["person"] = -3
    fake_source.answer_reports([broken])

    result = source_sync(source=source)

    assert result.error == ""
    assert result.reports.quarantined == 1
    [held] = QuarantinedRecord.objects.all()
    assert "requests.new.person" in held.error
    [mirror] = MirroredReport.objects.all()
    assert (
        mirror.tables["requests"]["new"]["person"]
        == good_record["tables"]["requests"]["new"]["person"]
    )


@pytest.mark.django_db
def test_a_source_without_reports_still_syncs_its_items(fake_source):
    source = Source.objects.create(name="旧版街道", base_url=fake_source.url)
    fake_source.answer([])

    result = source_sync(source=source)

    assert result.error == ""
    assert result.reports.served is False
    assert not MirroredReport.objects.exists()
