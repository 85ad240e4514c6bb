"""Subdistricts the district aggregates are assessed from the figures their own sites
compute and serve (/api/disclosure/v1/assessment-figures/), pulled over HTTP with the sync."""

import copy
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from gov_disclosure.aggregation.models import Source
from gov_disclosure.aggregation.services import source_add
from gov_disclosure.api.models import ConsumerKey, Scope
from gov_disclosure.api.services import consumer_key_issue
from gov_disclosure.assessment.measures import MEASURES
from gov_disclosure.assessment.models import RemoteAgency, RemoteFigures
from gov_disclosure.assessment.remote import remote_figures_sync
from gov_disclosure.assessment.selectors import assessment_results
from tests.aggregation.conftest import SERVING_SITE, serving_site  # noqa: F401 - fixture
from tests.aggregation.fake_source import fake_source  # noqa: F401 - fixture
from tests.letters.test_handling import login

from .conftest import YEAR

FIGURES = "/api/disclosure/v1/assessment-figures/"


def issue_key(**fields) -> str:
    return consumer_key_issue(
        consumer_key=ConsumerKey(name="区聚合平台", scopes=[Scope.FEED], **fields),
        issued_by=None,
    )


@pytest.mark.django_db
def test_the_figures_are_served_to_a_key_only_with_their_records(client, year):
    key = issue_key()

    anonymous = client.get(FIGURES, {"year": YEAR})
    no_year = client.get(FIGURES, headers={"X-API-Key": key})
    page = client.get(FIGURES, {"year": YEAR}, headers={"X-API-Key": key}).json()

    assert anonymous.status_code == 401
    assert "只接受 API 密钥访问" in anonymous.json()["detail"]
    assert no_year.status_code == 400 and "请用 year 指定年度。" in str(no_year.json())
    assert page["figures_version"] == "1.0" and page["year"] == YEAR
    ours = next(r for r in page["results"] if r["agency"]["id"] == year.agency.pk)
    assert set(ours["measures"]) == set(MEASURES)
    timely = ours["measures"]["items_timely"]
    assert timely["value"] == pytest.approx(2 / 3)
    assert [row["meets"] for row in timely["rows"]] == [True, True, False]
    assert set(timely["rows"][0]) == {"title", "day", "meets", "detail"}  # no admin links
    # An unanswered proposal is named by its number only, not by the citizen's own text.
    proposals = ours["measures"]["proposals_on_time"]["rows"]
    unanswered = next(row for row in proposals if not row["meets"])
    assert unanswered["title"].endswith("-0002") and "某点题内容" not in unanswered["title"]


@pytest.mark.django_db
def test_an_agencys_key_reads_its_own_figures_only(client, year):
    key = issue_key(agency=year.agency)

    own = client.get(FIGURES, {"year": YEAR}, headers={"X-API-Key": key}).json()
    other = client.get(
        FIGURES, {"year": YEAR, "agency": year.other.org_code}, headers={"X-API-Key": key}
    )

    assert [r["agency"]["id"] for r in own["results"]] == [year.agency.pk]
    assert other.status_code == 403


@SERVING_SITE
def test_the_district_assesses_a_subdistrict_it_aggregates_like_its_own(
    client,
    office,
    year,
    serving_site,  # noqa: F811
):
    source = source_add(
        name="庄市街道", base_url=f"http://127.0.0.1:{serving_site.port}", api_key=issue_key()
    )

    result = remote_figures_sync(source=source, years=[YEAR - 1, YEAR])

    assert (result.error, result.agencies, result.years) == ("", 2, [YEAR - 1, YEAR])
    remote = RemoteAgency.objects.get(org_code=year.agency.org_code)
    assert remote.name == year.agency.agency_name
    # The same agency assessed from its site's figures scores exactly as assessed here.
    results = assessment_results(rubric=year.rubric)
    totals = {(r.unit.name, bool(r.unit.remote)): r.total for r in results}
    assert totals[(year.agency.agency_name, True)] == Decimal("55.2")
    assert totals[(year.agency.agency_name, False)] == Decimal("55.2")
    assert totals[(year.other.agency_name, True)] == Decimal("15.0")

    # The district reads a remote figure's records, enters its hand-entered figure, exports.
    login(client, year.district)
    page = client.get(reverse("disclosure_assessment:results", args=[year.rubric.pk]))
    assert "汇聚来源：庄市街道" in page.content.decode()
    timely = year.rubric.indicators.get(measure="items_timely")
    evidence = client.get(
        reverse(
            "disclosure_assessment:evidence_remote", args=[year.rubric.pk, timely.pk, remote.pk]
        )
    ).content.decode()
    assert "第2条信息" in evidence and "由汇聚来源“庄市街道”的平台按其数据计算" in evidence
    manual = year.rubric.indicators.get(measure="manual")
    entered = client.post(
        reverse("disclosure_assessment:manual_remote", args=[year.rubric.pk, manual.pk, remote.pk]),
        {"value": "1", "evidence": "区政务公开办3月检查培训签到表。"},
    )
    assert entered.status_code == 302
    [remote_result] = [r for r in assessment_results(rubric=year.rubric) if r.unit.remote == remote]
    assert remote_result.total == Decimal("60.2")  # + the 5 points entered
    export = client.get(reverse("disclosure_assessment:export", args=[year.rubric.pk]))
    names = [row[1] for row in load_workbook(io.BytesIO(export.content)).active.iter_rows(
        min_row=3, values_only=True)]  # fmt: skip
    assert names.count(year.agency.agency_name) == 2
    chart = client.get(reverse("disclosure_assessment:totals_chart", args=[year.rubric.pk]))
    assert f"{year.agency.agency_name}（庄市街道）" in chart.content.decode()

    # An agency's own 党政办 sees neither the aggregated agencies nor their records.
    login(client, office.manager)
    own = client.get(reverse("disclosure_assessment:results", args=[year.rubric.pk]))
    assert "汇聚来源" not in own.content.decode()
    refused = client.get(
        reverse(
            "disclosure_assessment:evidence_remote", args=[year.rubric.pk, timely.pk, remote.pk]
        )
    )
    assert refused.status_code == 404


@pytest.fixture
def served_page(client, year):
    key = issue_key()
    return client.get(FIGURES, {"year": YEAR}, headers={"X-API-Key": key}).json()


@pytest.mark.django_db
def test_a_bad_page_keeps_the_figures_held_and_says_why(served_page, fake_source):  # noqa: F811
    source = Source.objects.create(name="骆驼街道", base_url=fake_source.url)
    fake_source.answer_figures(served_page)
    assert remote_figures_sync(source=source, years=[YEAR]).error == ""
    held = RemoteFigures.objects.count()

    broken = copy.deepcopy(served_page)
    broken["results"][0]["measures"]["items_timely"]["value"] = -1
    fake_source.answer_figures(broken)
    result = remote_figures_sync(source=source, years=[YEAR])

    assert "来源站点的考核数据不符合格式" in result.error
    assert "items_timely.value" in result.error
    assert RemoteFigures.objects.count() == held
    # A value its own records do not give is refused too: a figure here is its list.
    inflated = copy.deepcopy(served_page)
    inflated["results"][0]["measures"]["items_published"]["value"] = 99.0
    fake_source.answer_figures(inflated)
    assert "自相矛盾" in remote_figures_sync(source=source, years=[YEAR]).error
    assert RemoteFigures.objects.count() == held
    newer = {**served_page, "figures_version": "2.0"}
    fake_source.answer_figures(newer)
    assert (
        "考核数据版本 2.0 与本站（1.0）不兼容"
        in remote_figures_sync(source=source, years=[YEAR]).error
    )


@pytest.mark.django_db
def test_a_source_of_an_earlier_release_is_skipped(fake_source):  # noqa: F811
    source = Source.objects.create(name="旧版街道", base_url=fake_source.url)

    result = remote_figures_sync(source=source, years=[YEAR])

    assert (result.served, result.error) == (False, "")
    assert not RemoteAgency.objects.exists()
