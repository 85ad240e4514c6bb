"""An office with a year (2025) of catalogue items, requests and appeals of known counts."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from gov_disclosure.annual_reports import services
from gov_disclosure.annual_reports.models import AnnualFigures
from gov_disclosure.pages.models import Genre, Validity
from gov_disclosure.requests.models import Appeal, DisclosureRequest
from gov_disclosure.requests.models.choices import (
    ANSWER_GROUPS,
    AppealKind,
    AppealResult,
    ApplicantCategory,
    Channel,
    State,
)
from gov_disclosure.requests.services import request_merge, request_submit, request_withdraw
from tests.disclosure_requests.conftest import PERSON, at
from tests.factories import AgencyFactory
from tests.review import conftest as review_conftest

# The office and one user per role, as the review tests meet them.
office = review_conftest.office

YEAR = 2025
d = datetime.date
CATEGORIES = [category.value for category in ApplicantCategory]
ANSWERS = [answer.value for _label, answers in ANSWER_GROUPS for answer in answers]


def matrix_count(answer_index: int, category_index: int) -> int:
    """How many requests of each answer type and applicant category the year holds:
    0, 1 or 2, so that every cell has its own value pattern."""
    return (answer_index + 2 * category_index) % 3


def make_request(agency, *, received: datetime.date, category=ApplicantCategory.PERSON,
                 channel=Channel.ONLINE, **fields) -> DisclosureRequest:  # fmt: skip
    request = request_submit(
        agency=agency,
        request_fields={
            "applicant_category": category,
            "description": "请公开本街道老旧小区改造项目的资金预算。",
            "information_form": "electronic",
            "delivery": "email",
        },
        applicant_fields=PERSON,
        channel=channel,
        received_at=at(received),
    )
    if fields:
        DisclosureRequest.objects.filter(pk=request.pk).update(**fields)
        request.refresh_from_db()
    return request


def answered(answer: str, day: datetime.date) -> dict:
    return {"state": State.ANSWERED, "answer_type": answer, "answered_on": day}


@dataclass
class YearOfData:
    agency: object
    users: dict
    # Counts the test expects, written out by hand from how the data was made.
    expected: dict = field(default_factory=dict)


def _document(office, genre, *, written, validity=Validity.VALID, publish=True, **dates):
    # Created live: how an item got published (tests/review) does not matter to the counts.
    return office.item(genre=genre, written_date=written, validity=validity, live=publish, **dates)


@pytest.fixture
def year_of_data(office, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    agency = office.agency

    # -- Table 二: documents of the catalogue, and the year's figures -------------------
    _document(office, Genre.NORMATIVE, written=d(2025, 3, 10))  # issued, valid
    _document(office, Genre.NORMATIVE, written=d(2024, 5, 6))  # valid
    _document(office, Genre.NORMATIVE, written=d(2023, 4, 1), validity=Validity.ABOLISHED,
              abolished_date=d(2025, 6, 30))  # fmt: skip  # abolished in the year
    _document(office, Genre.NORMATIVE, written=d(2025, 2, 1), validity=Validity.ABOLISHED,
              abolished_date=d(2025, 10, 8))  # fmt: skip  # issued and abolished
    _document(office, Genre.NORMATIVE, written=d(2022, 1, 5), validity=Validity.EXPIRED,
              expiry_date=d(2025, 8, 1))  # fmt: skip  # expired in the year
    _document(office, Genre.NORMATIVE, written=d(2024, 9, 9), validity=Validity.ABOLISHED,
              abolished_date=d(2026, 1, 15))  # fmt: skip  # still in force on 31 December
    _document(office, Genre.NORMATIVE, written=d(2021, 7, 7), validity=Validity.ABOLISHED,
              abolished_date=d(2024, 3, 1))  # fmt: skip  # gone before the year
    _document(office, Genre.NORMATIVE, written=d(2025, 6, 1), publish=False)  # a draft
    _document(office, Genre.NORMATIVE, written=d(2026, 2, 2))  # next year's
    _document(office, Genre.RULE, written=d(2025, 9, 1))  # issued, valid
    _document(office, Genre.RULE, written=d(2020, 9, 1), validity=Validity.AMENDED)  # valid
    _document(office, Genre.NOTICE, written=d(2025, 4, 4))  # not a rule or normative
    AnnualFigures.objects.create(
        agency=agency,
        year=YEAR,
        licensing_decisions=12,
        penalty_decisions=3,
        enforcement_decisions=1,
        fee_amount=Decimal("1.2345"),
    )
    AnnualFigures.objects.create(agency=agency, year=2024, licensing_decisions=99)

    # -- Table 三: requests ----------------------------------------------------------------
    for a, answer in enumerate(ANSWERS):
        for c, category in enumerate(CATEGORIES):
            for _n in range(matrix_count(a, c)):
                make_request(agency, received=d(2025, 3, 3), category=category,
                             **answered(answer, d(2025, 4, 1)))  # fmt: skip
    # Carried in: received in 2024, answered in 2025 (two persons, one business).
    make_request(agency, received=d(2024, 12, 20), **answered("disclosed", d(2025, 1, 10)))
    make_request(agency, received=d(2024, 12, 30), **answered("partial", d(2025, 1, 20)))
    make_request(agency, received=d(2024, 11, 30), category="business",
                 **answered("unable_not_held", d(2025, 1, 2)))  # fmt: skip
    # Carried in and still open at the end of the year (a research institute).
    make_request(agency, received=d(2024, 12, 28), category="research", state=State.CONSULTING)
    # Received and answered in 2024: nowhere in the 2025 report.
    make_request(agency, received=d(2024, 6, 1), **answered("disclosed", d(2024, 6, 20)))
    # Carried out: received in 2025, answered in 2026 (a legal service) or still open (a person).
    make_request(agency, received=d(2025, 12, 22), category="legal_service",
                 **answered("disclosed", d(2026, 1, 12)))  # fmt: skip
    make_request(agency, received=d(2025, 12, 29), state=State.ACCEPTED)
    # Received in 2026: nowhere.
    make_request(agency, received=d(2026, 1, 5))
    # Through the services: a withdrawal (其他处理·其他, public-interest body) and a repeat
    # merged into it (counted nowhere).
    first = make_request(agency, received=d(2025, 5, 6), category="public_interest")
    repeat = make_request(agency, received=d(2025, 5, 7), category="public_interest")
    request_withdraw(request=first, user=office.users["office"], withdrawn_on=d(2025, 5, 9))
    request_merge(request=repeat, user=office.users["office"], into=first)
    # Another agency's request: nowhere.
    other = AgencyFactory(parent=agency.get_parent())
    make_request(other, received=d(2025, 3, 3), **answered("disclosed", d(2025, 3, 20)))

    # -- Table 四: reviews and lawsuits -----------------------------------------------------
    def appeal(kind, filed, result=AppealResult.PENDING, decided=None, to=agency):
        Appeal.objects.create(agency=to, kind=kind, filed_on=filed, authority="镇海区人民政府",
                              result=result, decided_on=decided)  # fmt: skip

    review, direct, after = (
        AppealKind.REVIEW,
        AppealKind.LAWSUIT_DIRECT,
        AppealKind.LAWSUIT_AFTER_REVIEW,
    )
    appeal(review, d(2025, 3, 1), AppealResult.MAINTAINED, d(2025, 6, 1))
    appeal(review, d(2025, 5, 1), AppealResult.CORRECTED, d(2025, 9, 1))
    appeal(review, d(2025, 11, 1), AppealResult.MAINTAINED, d(2026, 2, 1))  # pending at year end
    appeal(review, d(2024, 10, 1))  # carried over, still pending
    appeal(review, d(2024, 6, 1), AppealResult.MAINTAINED, d(2024, 12, 1))  # done in 2024
    appeal(review, d(2024, 12, 1), AppealResult.OTHER, d(2025, 2, 1))  # carried over, decided
    appeal(direct, d(2025, 4, 1))
    appeal(direct, d(2025, 1, 10), AppealResult.CORRECTED, d(2025, 7, 1))
    appeal(after, d(2025, 8, 1), AppealResult.OTHER, d(2025, 12, 31))
    appeal(after, d(2026, 1, 20))  # next year's
    appeal(review, d(2025, 3, 1), to=other)  # another agency's

    return YearOfData(agency=agency, users=office.users)


@pytest.fixture
def some_requests(office):
    """A small 2025: a person's request disclosed, a business's withheld as 过程性信息, and a
    person's still open on 31 December."""
    agency = office.agency
    make_request(agency, received=d(2025, 3, 3), **answered("disclosed", d(2025, 3, 20)))
    make_request(agency, received=d(2025, 4, 3), category="business",
                 **answered("withheld_process", d(2025, 4, 20)))  # fmt: skip
    make_request(agency, received=d(2025, 12, 30))
    return office


def generate(office, year=YEAR):
    """Generate (or refresh) the office's report for ``year`` as 党政办."""
    return services.report_generate(agency=office.agency, year=year, user=office.users["office"])


def report_form_data(client, report, **changes) -> dict:
    """The report's editor form as the browser sends it, with ``changes`` applied."""
    response = client.get(f"/admin/pages/{report.pk}/edit/")
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for name, value in changes.items():
        data[name] = value
    return data


__all__ = [
    "YEAR", "ANSWERS", "CATEGORIES", "answered", "generate", "make_request", "matrix_count",
    "report_form_data",
]  # fmt: skip
