"""An office with a published item and a published letter answer to rate."""

import pytest

from tests.letters.conftest import answered, office, write  # noqa: F401 - fixtures reused

ITEM_TITLE = "庄市街道2026年老旧小区改造计划"


@pytest.fixture
def item(office, make_item, publish, site_root):  # noqa: F811
    item = make_item(title=ITEM_TITLE)
    publish(item)
    item.refresh_from_db()
    return item


@pytest.fixture
def answer(office, write):  # noqa: F811
    return answered(office, write())


def rate(client, target, *, kind="item", address="198.51.100.7", **fields):
    """POST the public form as it sits on the page: no CSRF token, no start time."""
    data = {"satisfaction": "satisfied", "comment": "", "homepage": "", **fields}
    return client.post(
        f"/feedback/rate/{kind}/{target.pk}/",
        {key: value for key, value in data.items() if value is not None},
        REMOTE_ADDR=address,
    )
