"""A constructed year (last year, so every deadline has passed) for two agencies, with the
answer to every indicator known beforehand."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.utils import timezone

from gov_disclosure.assessment.models import Indicator, Rubric
from gov_disclosure.feedback.models import Proposal, Rating
from gov_disclosure.feedback.services import proposal_submit
from gov_disclosure.letters.models import Letter
from gov_disclosure.pages import roles
from gov_disclosure.pages.models import DisclosureItemPage
from gov_disclosure.requests.models import Appeal, DisclosureRequest
from tests.disclosure_requests.conftest import submit  # noqa: F401 - the request form
from tests.factories import AgencyFactory, GuideFactory, UserFactory
from tests.letters.conftest import office, write  # noqa: F401 - fixtures reused

YEAR = timezone.localdate().year - 1


def day(month: int, dom: int) -> datetime.date:
    return datetime.date(YEAR, month, dom)


def moment(month: int, dom: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(YEAR, month, dom, 10))


# (measure, weight, full at, zero at)
INDICATORS = [
    ("items_published", 10, 3, 0),
    ("items_timely", 20, 1, 0.5),
    ("guide_updated", 5, 1, 0),
    ("requests_on_time", 20, 1, 0),
    ("requests_corrected", 10, 0, 2),
    ("letters_on_time", 10, 1, 0),
    ("complaints_substantiated", 5, 0, 2),
    ("satisfaction", 10, 1, 0.5),
    ("proposals_on_time", 5, 1, 0),
    ("manual", 5, 1, 0),
]


@dataclass
class Year:
    rubric: Rubric
    agency: object
    other: object
    district: object


@pytest.fixture
def rubric():
    rubric = Rubric.objects.create(year=YEAR, title="街道政务公开工作考核")
    for order, (measure, weight, full, zero) in enumerate(INDICATORS):
        Indicator.objects.create(
            rubric=rubric,
            sort_order=order,
            name={"manual": "政务公开培训"}.get(measure, measure),
            measure=measure,
            weight=Decimal(weight),
            full_at=Decimal(str(full)),
            zero_at=Decimal(str(zero)),
        )
    return rubric


@pytest.fixture
def year(office, rubric, make_item, publish, submit, write):  # noqa: F811
    agency = office.agency
    other = AgencyFactory(parent=agency.get_parent(), title="第二街道政府信息公开")

    # Three items published last year, in 5, 15 and 30 working days; one the year before.
    for n, (days, published) in enumerate([(5, day(3, 1)), (15, day(6, 1)), (30, day(9, 1)),
                                           (5, datetime.date(YEAR - 1, 12, 1))]):  # fmt: skip
        item = publish(make_item(title=f"第{n}条信息"))
        DisclosureItemPage.objects.filter(pk=item.pk).update(
            publish_date=published, publication_working_days=days
        )
    publish(GuideFactory(parent=agency, revised_date=day(2, 1)))

    # Requests due last year: two answered by the due day, one late, one not answered.
    for answered in [day(3, 10), day(4, 1), day(5, 20), None]:
        request = submit(day(2, 1))
        DisclosureRequest.objects.filter(pk=request.pk).update(
            answer_due_on=day(4, 1) if answered != day(5, 20) else day(5, 1),
            answered_on=answered,
        )
    # 复议 decided last year: one corrected, one maintained.
    for result in ["corrected", "maintained"]:
        Appeal.objects.create(
            agency=agency, kind="review", filed_on=day(1, 5), authority="区人民政府",
            result=result, decided_on=day(3, 5),
        )  # fmt: skip

    # Letters due last year: three on time, one late; complaints: one substantiated.
    for n, replied in enumerate([day(2, 1), day(2, 1), day(2, 1), day(3, 1)]):
        letter = write(received_at=moment(1, 10))
        Letter.objects.filter(pk=letter.pk).update(
            state="replied",
            replied_on=replied,
            reply_due_on=day(2, 10),
            complaint_finding="substantiated" if n == 0 else "unsubstantiated",
        )

    # Ratings: 3 satisfied, 1 basic, 1 unsatisfied (80%); one for the other agency.
    for satisfaction in ["satisfied", "satisfied", "satisfied", "basic", "unsatisfied"]:
        Rating.objects.create(
            agency=agency, kind="item", target_title="某信息", satisfaction=satisfaction,
            created_at=moment(7, 1),
        )  # fmt: skip
    Rating.objects.create(
        agency=other, kind="item", target_title="他机关信息", satisfaction="unsatisfied",
        created_at=moment(7, 1),
    )  # fmt: skip

    # Proposals due last year: one answered on time, one never answered.
    for answered in [day(8, 5), None]:
        proposal = proposal_submit(agency=agency, topic="某点题内容", received_at=moment(8, 1))
        Proposal.objects.filter(pk=proposal.pk).update(
            state="answered" if answered else "received", answered_on=answered
        )

    district = UserFactory(username="qu", role=roles.DISTRICT_OFFICE)
    return Year(rubric=rubric, agency=agency, other=other, district=district)
