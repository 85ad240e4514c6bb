import gzip
import json

import pytest
import yaml
from openapi_core import OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from openapi_spec_validator import validate

from tests.disclosure_api.conftest import CHANGES, ITEMS

try:
    from compression import zstd
except ImportError:
    from backports import zstd

pytestmark = pytest.mark.django_db

SCHEMA = "/api/disclosure/v1/schema/"


@pytest.fixture
def two_items(site_root, make_item, publish):
    from gov_disclosure.review.services import item_unpublish
    from tests.workflow import superuser

    publish(make_item(title="保留的信息", body=[("paragraph", "<p>正文" * 200 + "</p>")]))
    removed = publish(make_item(title="撤下的信息"))
    item_unpublish(item=removed, user=superuser(), reason="测试数据撤下")


@pytest.fixture
def openapi(client):
    response = client.get(SCHEMA)
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_the_schema_is_a_valid_openapi_3_document(openapi):
    validate(openapi)

    assert openapi["openapi"].startswith("3.")
    assert {"/api/disclosure/v1/items/", "/api/disclosure/v1/changes/"} <= set(openapi["paths"])
    assert openapi["components"]["securitySchemes"]["ApiKey"]["name"] == "X-API-Key"


@pytest.mark.parametrize(
    ("url", "params", "status"),
    [
        (ITEMS, {}, 200),
        (CHANGES, {"limit": 1}, 200),
        (CHANGES, {"limit": 1000}, 200),
        (CHANGES, {"cursor": "@@"}, 400),
        (ITEMS, {"limit": "-1", "category": "x"}, 400),
    ],
)
def test_responses_match_the_schema(client, openapi, two_items, url, params, status):
    response = client.get(url, params)

    assert response.status_code == status
    OpenAPI.from_dict(openapi).validate_response(
        DjangoOpenAPIRequest(response.wsgi_request), DjangoOpenAPIResponse(response)
    )


def test_every_response_carries_the_schema_version(client, settings, two_items):
    from gov_disclosure.api.models import APISettings

    ok = client.get(CHANGES).json()
    bad = client.get(CHANGES, {"limit": "x"}).json()
    APISettings.objects.update_or_create(pk=1, defaults={"allow_anonymous": False})
    APISettings.objects.filter(pk__gt=1).delete()
    refused = client.get(CHANGES)

    assert ok["schema_version"] == bad["schema_version"] == "1.1"
    assert refused.status_code == 401
    assert refused.json()["schema_version"] == "1.1"


def test_an_unchanged_page_is_answered_304_by_etag(client, site_root, make_item, publish):
    item = publish(make_item(title="信息"))
    first = client.get(CHANGES)

    again = client.get(CHANGES, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]

    item.title = "信息（修订）"
    publish(item)
    changed = client.get(CHANGES, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200
    assert changed.json()["results"][0]["item"]["title"] == "信息（修订）"


def test_if_modified_since_is_answered_304_until_something_changes(
    client, site_root, make_item, publish
):
    publish(make_item(title="信息"))
    first = client.get(ITEMS)

    assert (
        client.get(ITEMS, headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304
    )


def test_pages_are_gzipped_for_clients_that_accept_it(client, two_items):
    plain = client.get(CHANGES)
    zipped = client.get(CHANGES, headers={"Accept-Encoding": "gzip"})

    assert zipped["Content-Encoding"] == "gzip"
    assert len(zipped.content) < len(plain.content) / 3
    assert json.loads(gzip.decompress(zipped.content)) == plain.json()


def test_pages_are_zstd_for_clients_that_accept_it(client, two_items):
    plain = client.get(CHANGES)
    packed = client.get(CHANGES, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})

    assert packed["Content-Encoding"] == "zstd"
    assert "Accept-Encoding" in packed["Vary"]
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content) / 3
    assert json.loads(zstd.decompress(packed.content)) == plain.json()


@pytest.mark.parametrize(
    "accept, coding",
    [
        ("zstd;q=0, gzip", "gzip"),
        ("gzip;q=1.0, zstd;q=0.5", "gzip"),
        ("*", "zstd"),
        ("*;q=0, gzip", "gzip"),
        ("identity", None),
        ("gzip;q=0", None),
        ("gzip;q=x", None),
    ],
)
def test_the_coding_follows_the_clients_preferences(client, two_items, accept, coding):
    response = client.get(CHANGES, headers={"Accept-Encoding": accept})

    assert response.get("Content-Encoding") == coding
