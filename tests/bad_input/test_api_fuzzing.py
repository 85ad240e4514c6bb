"""schemathesis against the OpenAPI document of the feed and the search API, with data the
document calls valid and data it calls invalid: no server error, every answer valid against
the document with a documented status and content type, what the document calls valid is
accepted, and what it calls invalid is refused; the document and the server agree."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from tests.search.conftest import use_engine

SCHEMA = "/api/disclosure/v1/schema/"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    positive_data_acceptance,
    negative_data_rejection,
]


# The document as the app serves it (building it reads no database). schemathesis's lazy
# loading from a fixture does not work under pytest 9, hence loading at import.
schema = schemathesis.openapi.from_wsgi(SCHEMA, get_wsgi_application())
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])


@pytest.fixture
def published(settings, site_root, make_item, publish, django_capture_on_commit_callbacks):
    """Published items in the feed and in the real OpenSearch node, so that the answers
    have records to validate."""
    use_engine(settings, "opensearch", "disclosure-test-fuzzing-")
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            publish(make_item(title=f"政府信息公开工作通知第{n}号", summary="做好政府信息公开。"))
    # Like Django's test client: the app must not close the test's database connection
    # (and with it the test's transaction) at the end of each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
    use_engine(settings, "opensearch", "disclosure-test-fuzzing-")


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_feed_and_search_api_answer_every_input_as_documented(case, published):
    # The WSGI transport does not unzip; the gzipped feed has tests of its own.
    case.call_and_validate(checks=CHECKS, headers={"Accept-Encoding": "identity"})
