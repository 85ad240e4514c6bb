"""Rich text is sanitised on the way in: whatever an editor's browser (or a forged request)
posts as the body, the stored and published HTML runs no script."""

import json
import re

import pytest
from wagtail.test.utils.form_data import streamfield

from gov_disclosure.pages.models import DisclosureItemPage
from tests.disclosure_pages.test_validation import add_item

pytestmark = pytest.mark.django_db

TEXT = "<script>alert(1)</script>点此查看"
# Draftail's contentstate as a forged request could send it: script in the text, a
# javascript: link and an event handler smuggled into a link's data.
FORGED_BODY = json.dumps(
    {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "depth": 0,
                "text": TEXT,
                "inlineStyleRanges": [],
                "entityRanges": [
                    {"offset": len(TEXT) - 4, "length": 2, "key": 0},
                    {"offset": len(TEXT) - 2, "length": 2, "key": 1},
                ],
                "data": {},
            }
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}},
            "1": {
                "type": "LINK",
                "mutability": "MUTABLE",
                "data": {"url": 'https://example.gov.cn/" onmouseover="alert(1)'},
            },
        },
    }
)


def inline_scripts(html: str) -> list[str]:
    """Script elements without a src: the site's own scripts are all files."""
    return re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html)


def test_a_forged_body_is_stored_and_published_without_script(
    admin_client, client, site_root, category, department, publish
):
    response = add_item(
        admin_client, category, department, body=streamfield([("paragraph", FORGED_BODY)])
    )
    assert response.status_code == 302
    item = DisclosureItemPage.objects.get()
    stored = item.get_latest_revision_as_object().body.raw_data[0]["value"]

    published = client.get(publish(item).url).content.decode()

    for html in (stored, published):
        assert inline_scripts(html) == []
        assert "javascript:" not in html
        assert 'onmouseover="' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in published  # shown as text
    assert "查看</a>" in published
