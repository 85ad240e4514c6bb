"""Property-based tests: whatever arrives in the search parameters, the request and letter
forms and an item's metadata, the answer is a clear 400 or form error, never a 500, and a
rejected form gives back everything that was typed."""

import base64

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gov_disclosure.letters.models import Letter
from gov_disclosure.requests.models import DisclosureRequest
from tests.bad_input.strategies import hostile_date, hostile_text
from tests.disclosure_requests.test_public import person_form
from tests.letters.conftest import letter_form
from tests.search.conftest import use_engine

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SEARCH_TEXT_FIELDS = ["q", "category", "department", "validity", "sort"]
SEARCH_NUMBER_FIELDS = ["agency", "year", "page", "page_size"]


@pytest.fixture
def opensearch(settings, site_root, make_item, publish, django_capture_on_commit_callbacks):
    use_engine(settings, "opensearch", "disclosure-test-hostile-")
    with django_capture_on_commit_callbacks(execute=True):
        publish(make_item(title="庄市街道政府信息公开工作通知", summary="做好政府信息公开。"))
    yield
    use_engine(settings, "opensearch", "disclosure-test-hostile-")


NUMBER_OR_NOT = st.one_of(hostile_text(20), st.integers().map(str))


@EXAMPLES
@given(
    params=st.fixed_dictionaries(
        {},
        optional={
            **{name: hostile_text() for name in SEARCH_TEXT_FIELDS},
            **{name: NUMBER_OR_NOT for name in SEARCH_NUMBER_FIELDS},
            "date_from": hostile_date(),
            "date_to": hostile_date(),
        },
    )
)
def test_search_parameters_get_results_or_a_400_with_a_reason(client, opensearch, params):
    api = client.get("/api/search/", params)
    page = client.get("/disclosure/search/", params)

    assert api.status_code in (200, 400), api.content[:500]
    assert page.status_code == api.status_code
    if api.status_code == 400:
        assert api.json()["error"]  # the reason, in a sentence
        assert "请修改" in page.content.decode() or api.json()["error"] in page.content.decode()


def assert_saved_or_given_back(response, changes: dict, *, saved: int) -> None:
    """A public form either saved one record and moved on to its receipt, or answered 400
    with its errors, saved nothing, and shows every field exactly as typed."""
    assert response.status_code in (302, 400), response.content[:500]
    if response.status_code == 302:
        assert saved == 1
        return
    assert saved == 0
    form = response.context["form"]
    assert form.errors
    for field, typed in changes.items():
        assert form[field].value() == typed, field


LETTER_TEXT_FIELDS = ["subject", "content", "name", "phone", "email", "address"]


@pytest.fixture
def open_letters(disclosure_settings, agency):
    disclosure_settings.LETTER_SUBMIT_RATE = "100000/h"
    disclosure_settings.PUBLIC_FORM_MIN_FILL_SECONDS = 0
    return reverse("disclosure_letters:write", args=[agency.pk])


@EXAMPLES
@given(
    changes=st.dictionaries(
        st.sampled_from([*LETTER_TEXT_FIELDS, "kind"]), hostile_text(), min_size=1, max_size=3
    )
)
def test_a_letter_form_with_anything_typed_is_accepted_or_given_back_intact(
    client, open_letters, changes
):
    before = Letter.objects.count()

    response = client.post(open_letters, letter_form(**changes))

    assert_saved_or_given_back(response, changes, saved=Letter.objects.count() - before)


REQUEST_TEXT_FIELDS = [
    "name", "id_document_number", "phone", "email", "address", "postcode", "description",
    "purpose",
]  # fmt: skip


@pytest.fixture
def open_requests(disclosure_settings, agency):
    disclosure_settings.REQUEST_SUBMIT_RATE = "100000/h"
    disclosure_settings.PUBLIC_FORM_MIN_FILL_SECONDS = 0
    return reverse("disclosure_requests:apply", args=[agency.pk])


@EXAMPLES
@given(
    changes=st.dictionaries(
        st.sampled_from([*REQUEST_TEXT_FIELDS, "applicant_kind", "id_document_type", "delivery"]),
        hostile_text(),
        min_size=1,
        max_size=3,
    )
)
def test_a_request_form_with_anything_typed_is_accepted_or_given_back_intact(
    client, open_requests, changes
):
    before = DisclosureRequest.objects.count()

    response = client.post(open_requests, person_form(**changes))

    assert_saved_or_given_back(response, changes, saved=DisclosureRequest.objects.count() - before)


ITEM_TEXT_FIELDS = ["title", "document_number", "summary", "keywords", "source", "slug"]
ITEM_CHOICE_FIELDS = ["subject", "genre", "validity", "disclosure_method", "disclosure_period"]
ITEM_DATE_FIELDS = ["written_date", "effective_date", "abolished_date", "expiry_date"]


@EXAMPLES
@given(
    changes=st.dictionaries(
        st.sampled_from(ITEM_TEXT_FIELDS + ITEM_CHOICE_FIELDS + ITEM_DATE_FIELDS),
        hostile_text(),
        min_size=1,
        max_size=3,
    ).flatmap(
        lambda changes: st.fixed_dictionaries(
            {
                name: hostile_date() if name in ITEM_DATE_FIELDS else st.just(value)
                for name, value in changes.items()
            }
        )
    )
)
def test_item_metadata_with_anything_typed_is_saved_or_given_back_intact(
    admin_client, category, department, changes
):
    from tests.disclosure_pages.test_validation import add_item

    response = add_item(admin_client, category, department, **changes)

    assert response.status_code in (200, 302), response.content[:500]
    if response.status_code == 200:
        form = response.context["form"]
        assert form.errors
        for field, typed in changes.items():
            assert form[field].value() == typed, field


FEED_URLS = ["/api/disclosure/v1/items/", "/api/disclosure/v1/changes/"]


@EXAMPLES
@given(
    url=st.sampled_from(FEED_URLS),
    params=st.fixed_dictionaries(
        {},
        optional={
            "cursor": st.one_of(
                hostile_text(),
                # Shaped like a real cursor (base64 of a JSON position), but not one.
                st.binary(max_size=60).map(lambda raw: base64.urlsafe_b64encode(raw).decode()),
            ),
            "updated_after": hostile_date(),
            "limit": NUMBER_OR_NOT,
            "agency": NUMBER_OR_NOT,
            "category": NUMBER_OR_NOT,
        },
    ),
)
def test_feed_cursors_and_filters_get_a_page_or_a_400_with_reasons(client, db, url, params):
    response = client.get(url, params)

    assert response.status_code in (200, 400), response.content[:500]
    if response.status_code == 400:
        assert response.json()["errors"]  # by parameter, in words
