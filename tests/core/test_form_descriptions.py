"""The public forms tie each field's help and error text to it: every id an
``aria-describedby`` names exists on the page (a screen reader reads it with the field)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def described_ids_missing(page: str) -> set[str]:
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    named = {
        name for value in re.findall(r'aria-describedby="([^"]*)"', page) for name in value.split()
    }
    assert named, "no field is described"
    return named - ids


@pytest.mark.parametrize("name", ["disclosure_requests:apply", "disclosure_letters:write"])
def test_every_description_a_field_names_is_on_the_page(client, agency, name):
    url = reverse(name, args=[agency.pk])

    blank = client.get(url).content.decode()
    with_errors = client.post(url, {}).content.decode()

    assert described_ids_missing(blank) == set()
    assert "_error" in with_errors  # the errors are described too
    assert described_ids_missing(with_errors) == set()
