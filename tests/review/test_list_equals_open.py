"""On a platform of two agencies, for every user and every kind of record: what the admin
lists to the user is exactly what the user can open. Nothing is listed that then refuses
(a dead end), and nothing opens that no list shows (another agency's record reached by
its address)."""

import datetime

import pytest
from django.contrib.admin.utils import quote
from django.urls import reverse

from gov_disclosure.annual_reports.models import AnnualFigures
from gov_disclosure.api.models import ConsumerKey
from gov_disclosure.api.services import consumer_key_issue
from gov_disclosure.letters.models import Letter
from gov_disclosure.letters.services import letter_submit
from gov_disclosure.pages import roles
from gov_disclosure.pages.models import Department, DisclosureItemPage
from gov_disclosure.requests.models import Appeal, DisclosureRequest
from gov_disclosure.requests.services import request_submit
from gov_disclosure.search.models import AgencySearchSettings
from tests.disclosure_requests.conftest import PERSON
from tests.letters.conftest import LETTER, WRITER

pytestmark = pytest.mark.django_db


def _request(agency):
    return request_submit(
        agency=agency,
        request_fields={
            "applicant_category": "person",
            "description": "请公开本街道老旧小区改造项目的资金预算。",
            "information_form": "electronic",
            "delivery": "email",
        },
        applicant_fields=PERSON,
        channel="online",
    )


@pytest.fixture
def platform(office, other_office):
    """Records of every kind in both agencies, and a platform key."""
    for built in (office, other_office):
        built.item(department="a")
        built.item(department="b")
        request = _request(built.agency)
        letter_submit(agency=built.agency, letter_fields=LETTER, writer_fields=WRITER)
        Appeal.objects.create(
            agency=built.agency,
            request=request,
            kind="review",
            filed_on=datetime.date(2026, 1, 5),
            authority="区人民政府",
            case_number=f"复议{built.agency.pk}",
            result="pending",
        )
        AnnualFigures.objects.create(agency=built.agency, year=2025)
        AgencySearchSettings.objects.create(agency=built.agency, hidden_validities=["已废止"])
        consumer_key_issue(
            consumer_key=ConsumerKey(name="聚合", scopes=["feed"], agency=built.agency),
            issued_by=None,
        )
    consumer_key_issue(consumer_key=ConsumerKey(name="全平台", scopes=["feed"]), issued_by=None)
    # One person with roles in both agencies.
    roles.role_grant(user=office.users["leader"], agency=other_office.agency, role=roles.SUPERVISOR)
    users = {f"a-{name}": user for name, user in office.users.items()}
    users |= {f"b-{name}": user for name, user in other_office.users.items()}
    return users


# kind: (listing URL name, detail URL of an object, all objects' ids)
KINDS = {
    "requests": (
        "disclosure_requests_admin:index",
        lambda pk: reverse("disclosure_requests_admin:inspect", args=[pk]),
        lambda: DisclosureRequest.objects.values_list("pk", flat=True),
    ),
    "letters": (
        "disclosure_letters_admin:index",
        lambda pk: reverse("disclosure_letters_admin:inspect", args=[pk]),
        lambda: Letter.objects.values_list("pk", flat=True),
    ),
    "appeals": (
        "disclosure_appeals:index",
        lambda pk: reverse("disclosure_appeals:edit", args=[pk]),
        lambda: Appeal.objects.values_list("pk", flat=True),
    ),
    "yearly figures": (
        "annual_figures:index",
        lambda pk: reverse("annual_figures:edit", args=[pk]),
        lambda: AnnualFigures.objects.values_list("pk", flat=True),
    ),
    "API keys": (
        "consumer_keys:index",
        lambda pk: reverse("consumer_keys:edit", args=[quote(pk)]),
        lambda: ConsumerKey.objects.values_list("pk", flat=True),
    ),
    "agency search settings": (
        "agency_search_settings:index",
        lambda pk: reverse("agency_search_settings:edit", args=[pk]),
        lambda: AgencySearchSettings.objects.values_list("pk", flat=True),
    ),
    "departments": (
        "wagtailsnippets_disclosure_pages_department:list",
        lambda pk: reverse("wagtailsnippets_disclosure_pages_department:edit", args=[pk]),
        lambda: Department.objects.values_list("pk", flat=True),
    ),
    "items": (
        "disclosure_items:index",
        lambda pk: reverse("wagtailadmin_pages:edit", args=[pk]),
        lambda: DisclosureItemPage.objects.values_list("pk", flat=True),
    ),
}


def listed(client, listing: str, detail, every) -> set:
    """The objects whose page the listing links to."""
    response = client.get(reverse(listing))
    if response.status_code != 200:
        return set()
    page = response.content.decode()
    return {pk for pk in every() if f'href="{detail(pk)}' in page}


def opens(client, url: str) -> bool:
    return client.get(url).status_code == 200


@pytest.mark.parametrize("kind", KINDS)
def test_what_a_user_lists_is_what_they_can_open(platform, client, kind):
    listing, detail, every = KINDS[kind]
    seen = {}
    for name, user in platform.items():
        client.force_login(user)
        shown = listed(client, listing, detail, every)
        openable = {pk for pk in every() if opens(client, detail(pk))}
        assert shown == openable, (name, kind)
        seen[name] = shown
    # Each agency's 党政办 works on its own records, never the other's.
    assert seen["a-office"] and seen["b-office"]
    assert not seen["a-office"] & seen["b-office"]
