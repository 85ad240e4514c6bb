"""Coverage of the standard: per 公开事项, the items published, the last date, whether the
公开时限 is met, and what is missing; in the admin and on the public site."""

import datetime

import pytest
from wagtail.models import PageViewRestriction, Site

from gov_disclosure.standards.selectors import area_coverage
from gov_disclosure.standards.services import standard_area_apply
from gov_disclosure.standards.spec import shipped_areas
from tests.factories import ItemFactory
from tests.review.conftest import is_denied
from tests.workflow import publish_through_workflow

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2026, 12, 7)


@pytest.fixture
def applied(office):
    return standard_area_apply(
        agency=office.agency, area=shipped_areas()["social-assistance"], user=office.users["office"]
    )


def slot(applied, code):
    return applied.slots.get(code=code)


def publish_in(office, category, written: D, published: D, title: str):
    item = ItemFactory(
        parent=category,
        publisher=office.department_a,
        title=title,
        written_date=written,
        publish_date=published,
    )
    return publish_through_workflow(item)


def by_code(coverage):
    return {s.slot.code: s for s in coverage.slots}


def test_coverage_counts_items_per_matter_with_their_last_date(office, applied):
    guide = slot(applied, "01").category
    publish_in(office, guide, D(2025, 3, 3), D(2025, 3, 5), "2025年低保标准")
    publish_in(office, guide, D(2026, 4, 1), D(2026, 4, 2), "2026年低保标准调整")

    coverage = by_code(area_coverage(applied=applied, year=2026, today=TODAY))

    assert (coverage["01"].total, coverage["01"].this_year) == (2, 1)
    assert coverage["01"].last_published == D(2026, 4, 2)
    assert coverage["01"].state == "met"
    assert coverage["05"].state == "missing" and coverage["05"].finding == "该事项尚无公开信息。"


def test_items_later_than_the_working_day_limit_are_flagged(office, applied):
    guide = slot(applied, "01").category
    # 2026-03-02 (Mon) → 2026-04-01 (Wed): 22 working days, over the 20 allowed.
    publish_in(office, guide, D(2026, 3, 2), D(2026, 4, 1), "迟发的低保政策")
    publish_in(office, guide, D(2026, 5, 6), D(2026, 5, 8), "按时的低保政策")

    matter = by_code(area_coverage(applied=applied, year=2026, today=TODAY))["01"]

    assert matter.state == "late"
    assert matter.late == [(D(2026, 4, 1), 22)]
    assert matter.finding == "1 条超过 20 个工作日时限。"


def test_a_quarterly_matter_names_the_quarters_without_information(office, applied):
    statistics = slot(applied, "03").category  # 低保资金发放统计: 每季度
    publish_in(office, statistics, D(2026, 1, 5), D(2026, 1, 6), "一季度低保统计")
    publish_in(office, statistics, D(2026, 7, 6), D(2026, 7, 7), "三季度低保统计")

    in_december = by_code(area_coverage(applied=applied, year=2026, today=TODAY))["03"]
    in_may = by_code(area_coverage(applied=applied, year=2026, today=D(2026, 5, 1)))["03"]

    assert in_december.state == "gaps"
    assert in_december.periods_missed == ["第二季度"]  # the fourth has not ended
    assert in_may.state == "met" and in_may.periods_due == 1


def test_event_driven_information_with_nothing_new_this_year_is_not_missing(office, applied):
    publish_in(office, slot(applied, "05").category, D(2025, 6, 2), D(2025, 6, 3), "临时救助指南")

    matter = by_code(area_coverage(applied=applied, year=2026, today=TODAY))["05"]

    assert (matter.state, matter.state_label, matter.total) == ("quiet", "本年无新信息", 1)


def test_drafts_and_restricted_items_do_not_count(office, applied):
    guide = slot(applied, "01").category
    ItemFactory(parent=guide, publisher=office.department_a, title="草稿")
    hidden = publish_in(office, guide, D(2026, 3, 2), D(2026, 3, 3), "内部信息")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")

    assert by_code(area_coverage(applied=applied, year=2026, today=TODAY))["01"].total == 0


def test_the_coverage_page_lists_what_is_missing(office, applied, client):
    publish_in(office, slot(applied, "01").category, D(2026, 3, 2), D(2026, 3, 3), "低保标准")
    client.force_login(office.users["supervisor"])

    all_rows = client.get(f"/admin/standards/{applied.pk}/", {"year": 2026}).content.decode()
    gaps = client.get(
        f"/admin/standards/{applied.pk}/", {"year": 2026, "only": "gaps"}
    ).content.decode()

    assert "低保政策、标准与办事指南" in all_rows and "符合" in all_rows
    assert "低保政策、标准与办事指南" not in gaps
    assert "临时救助政策与办事指南" in gaps and "该事项尚无公开信息。" in gaps


def test_another_agencys_coverage_is_not_shown(office, other_office, applied, client):
    client.force_login(other_office.users["supervisor"])

    assert is_denied(client.get(f"/admin/standards/{applied.pk}/"))
    assert "社会救助" not in client.get("/admin/standards/").content.decode()


def test_the_district_sees_every_agencys_coverage(office, applied, client):
    client.force_login(office.users["district"])

    html = client.get("/admin/standards/").content.decode()

    assert office.agency.agency_name in html and "社会救助" in html


def test_public_standard_catalogue_shows_the_standard_and_what_was_published(
    office, applied, client
):
    site = Site.objects.get(is_default_site=True)
    site.root_page = office.agency
    site.save()
    guide = slot(applied, "01").category
    publish_in(office, guide, D(2026, 3, 2), D(2026, 3, 3), "低保标准")

    html = client.get(f"/disclosure/standards/{office.agency.pk}/").content.decode()
    home = client.get(office.agency.url).content.decode()
    category = client.get(guide.url).content.decode()

    assert "低保政策、标准与办事指南" in html and "《社会救助暂行办法》" in html
    assert f'href="{guide.url}">1 条</a>，最近 2026-03-03' in html
    assert f"/disclosure/standards/{office.agency.pk}/" in home
    assert "基层政务公开标准目录事项" in category and "信息形成或变更之日起20个工作日内" in category
