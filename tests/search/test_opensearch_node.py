"""The OpenSearch node that scripts/services starts for development and CI."""

import json
import os
import urllib.error
import urllib.request

from tests.conftest import require_service

OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "")


def call(path: str, body: dict | None = None) -> dict:
    request = urllib.request.Request(
        OPENSEARCH_URL.rstrip("/") + path,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Content-Type": "application/json"},
        method="POST" if body is not None else "GET",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def node_reachable() -> bool:
    if not OPENSEARCH_URL:
        return False
    try:
        return bool(call("/")["version"]["number"])
    except (urllib.error.URLError, OSError, KeyError, ValueError):
        return False


def test_the_node_is_opensearch_2_and_splits_chinese_into_bigrams():
    require_service(node_reachable(), "needs OpenSearch (OPENSEARCH_URL; scripts/services up)")

    version = call("/")["version"]
    tokens = call("/_analyze", {"analyzer": "cjk", "text": "政府信息公开"})["tokens"]

    assert version["distribution"] == "opensearch" and version["number"].startswith("2.")
    assert [token["token"] for token in tokens] == ["政府", "府信", "信息", "息公", "公开"]
