"""Every public page is valid HTML by the Nu Html Checker (vnu, from Maven Central), forms
with their errors included. ``./scripts/services up`` resolves the checker."""

import json
import os
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from tests.conftest import require_service

pytestmark = pytest.mark.django_db


def checker_classpath() -> str:
    path = os.environ.get("VNU_CLASSPATH_FILE", "")
    require_service(
        bool(path) and Path(path).is_file(),
        "needs the Nu Html Checker (scripts/services up, then VNU_CLASSPATH_FILE)",
    )
    return Path(path).read_text().strip()


def nu_errors(pages: dict[str, str], folder: Path) -> dict[str, list[str]]:
    """The checker's errors per page, one run for all of them."""
    files = {}
    for number, (name, html) in enumerate(pages.items()):
        files[name] = folder / f"page-{number}.html"
        files[name].write_text(html, encoding="utf-8")
    result = subprocess.run(
        ["java", "-cp", checker_classpath(), "nu.validator.client.SimpleCommandLineValidator",
         "--format", "json", "--errors-only", *map(str, files.values())],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    messages = json.loads(result.stderr or result.stdout)["messages"]
    by_file = {path.name: name for name, path in files.items()}
    errors: dict[str, list[str]] = {}
    for message in messages:
        url = message.get("url", "?")  # file:/tmp/…/page-3.html
        name = by_file.get(url.rsplit("/", 1)[-1], url)
        errors.setdefault(name, []).append(
            f"{message.get('lastLine')}:{message.get('firstColumn')} {message['message']}"
        )
    return errors


def test_the_public_pages_have_no_html_errors(client, public_pages, site_root, tmp_path):
    pages = {name: client.get(path) for name, path in public_pages.items()}
    pages["search without results"] = client.get("/disclosure/search/", {"q": "没有这样的信息"})
    pages["not found"] = client.get("/no-such-page/")
    pages["request form with errors"] = client.post(
        reverse("disclosure_requests:apply", args=[site_root.pk]), {}
    )
    pages["letter form with errors"] = client.post(
        reverse("disclosure_letters:write", args=[site_root.pk]), {}
    )
    pages["rating form with errors"] = client.post(public_pages["rating form"], {})
    pages["proposal form with errors"] = client.post(public_pages["proposal form"], {})
    pages["review form with errors"] = client.post(public_pages["review form"], {})
    pages["request status not found"] = client.post(
        reverse("disclosure_requests:status"), {"tracking_code": "0000-0000-0000"}
    )
    assert {name: r.status_code for name, r in pages.items() if r.status_code >= 500} == {}
    html = {name: response.content.decode() for name, response in pages.items()}
    # The forms with errors did show their errors (what is checked is the error state).
    assert 'role="alert"' in html["request form with errors"]
    assert 'role="alert"' in html["letter form with errors"]
    assert 'role="alert"' in html["rating form with errors"]
    assert 'role="alert"' in html["proposal form with errors"]
    assert 'role="alert"' in html["review form with errors"]

    assert nu_errors(html, tmp_path) == {}
