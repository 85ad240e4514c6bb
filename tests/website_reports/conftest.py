"""An office with a year (last year) of items, letters, 民主评议 and 群众点题 of known counts."""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from gov_disclosure.feedback.models import Campaign, Invitation
from gov_disclosure.feedback.services import proposal_submit
from gov_disclosure.letters.models import Letter
from gov_disclosure.letters.services import letter_submit
from gov_disclosure.pages.models import Genre
from gov_disclosure.website_reports import services
from tests.annual_reports.conftest import report_form_data as edit_form_data  # noqa: F401
from tests.factories import AgencyFactory, CategoryFactory
from tests.letters.conftest import LETTER, WRITER
from tests.review import conftest as review_conftest

office = review_conftest.office
other_office = review_conftest.other_office

YEAR = timezone.localdate().year - 1


def day(month: int, dom: int, year: int = YEAR) -> datetime.date:
    return datetime.date(year, month, dom)


def moment(when: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(when.year, when.month, when.day, 10))


@dataclass
class YearOfData:
    office: object
    # What the report must say, written out by hand from how the data was made.
    expected: dict


def _letter(agency, received: datetime.date, **fields) -> Letter:
    letter = letter_submit(
        agency=agency, letter_fields=LETTER, writer_fields=WRITER, received_at=moment(received)
    )
    if fields:
        Letter.objects.filter(pk=letter.pk).update(**fields)
    return letter


@pytest.fixture
def year_of_data(office):
    agency = office.agency
    overview = CategoryFactory(parent=agency, title="机构概况", code="01")

    # Published last year: three 工作动态 in 工作动态, one in 机构概况, one 通知 elsewhere.
    for month in (2, 5, 8):
        office.item(live=True, genre=Genre.NEWS, publish_date=day(month, 1))
    profile = office.item(live=True, genre=Genre.OTHER, publish_date=day(3, 1))
    profile.move(overview, pos="last-child")
    office.item(department="b", live=True, genre=Genre.NOTICE, publish_date=day(4, 1))
    # Not counted: the year before, a draft, a private item.
    office.item(live=True, genre=Genre.NEWS, publish_date=day(12, 1, YEAR - 1))
    office.item(live=False, genre=Genre.NEWS, publish_date=day(6, 1))
    private = office.item(live=True, genre=Genre.NEWS, publish_date=day(7, 1))
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    # Letters: received A, B, C, E last year and D the year before; A and B answered in
    # 4 and 7 days, D in 5 days (answered last year), C closed; A published, B published
    # and withdrawn.
    published_at = moment(day(2, 1))
    _letter(agency, day(1, 10), state="replied", replied_on=day(1, 14), published_at=published_at)
    _letter(agency, day(1, 10), state="replied", replied_on=day(1, 17))
    _letter(agency, day(1, 10), state="closed", closed_on=day(1, 12))
    _letter(agency, day(12, 30, YEAR - 1), state="replied", replied_on=day(1, 4))
    _letter(agency, day(12, 20))
    other = AgencyFactory(parent=agency.get_parent(), title="第二街道政府信息公开")
    _letter(other, day(1, 10), state="replied", replied_on=day(1, 11))

    # 民主评议: two opened last year (three answers), one with its results published;
    # one opened the year before. 群众点题: two last year.
    summary = office.item(live=True, genre=Genre.REPORT, publish_date=day(10, 1))
    for n, (opens, summary_item) in enumerate(
        [(day(3, 1), summary), (day(9, 1), None), (day(11, 1, YEAR - 1), None)]
    ):
        campaign = Campaign.objects.create(
            agency=agency,
            title=f"第{n}次民主评议",
            opens_on=opens,
            closes_on=opens + datetime.timedelta(days=20),
            summary_item=summary_item,
        )
        for m in range(2 if n < 2 else 1):
            Invitation.objects.create(
                campaign=campaign,
                name=f"评议人{n}{m}",
                code=f"CODE{n}{m}",
                group="deputy",
                answered_at=moment(opens + datetime.timedelta(days=3)) if n + m < 2 else None,
            )
    for topic in ("希望公开老旧小区改造进度", "希望公开垃圾分类收运时间"):
        proposal_submit(agency=agency, topic=topic, received_at=moment(day(6, 1)))

    return YearOfData(
        office=office,
        expected={
            "site_name": agency.agency_name,
            "sponsor": agency.agency_name,
            "published_total": 6,  # the campaign's summary item is one too
            "published_overview": 1,
            "published_news": 3,
            "published_catalogue": 6,
            "letters_received": 4,
            "letters_closed": 4,
            "letters_average_days": "5.3",
            "letters_published": 1,
            "surveys": 2,
            "survey_opinions": 3 + 2,  # answered invitations, proposals
            "survey_results": 1,
            "search_service": True,
            "accessible": True,
        },
    )


def generate(office, year=YEAR):
    return services.website_report_generate(
        agency=office.agency, year=year, user=office.users["office"]
    )


# Every entry the office fills, as a complete report has them.
MANUAL_ENTRIES = {
    "site_type": "部门网站",
    "unique_visitors": "8200",
    "page_views": "123456",
    "columns_kept": "3",
    "columns_opened": "1",
    "interpretations": "4",
    "interpretation_materials": "3",
    "interpretation_products": "1",
    "media_commentaries": "0",
    "responses": "2",
    "service_catalogue": "是",
    "registered_users": "0",
    "service_items": "56",
    "online_service_items": "12",
    "cases_total": "830",
    "cases_people": "800",
    "cases_organisations": "30",
    "unified_platform": "是",
    "interviews": "1",
    "interview_messages": "14",
    "interview_answers": "14",
    "smart_answers": "否",
    "security_checks": "2",
    "security_problems": "3",
    "security_fixed": "3",
    "security_monitoring": "是",
    "security_drills": "是",
    "security_owner": "是",
    "new_media": "是",
    "wechat_name": "庄市发布",
    "wechat_posts": "365",
    "wechat_subscribers": "21000",
    "multilingual": "否",
    "personalised": "否",
    "head": "张主任",
    "checker": "李科长",
    "phone": "0574-86000000",
}
