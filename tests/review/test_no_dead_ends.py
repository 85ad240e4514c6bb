"""The admin offers nobody a link they cannot use: the sidebar explorer's edit links."""

import pytest

pytestmark = pytest.mark.django_db


def editable(client, *pages) -> set[int]:
    query = "&".join(f"id={page.pk}" for page in pages)
    return set(client.get(f"/admin/disclosure/editable-pages/?{query}").json()["editable"])


def test_the_explorer_learns_which_listed_pages_each_role_may_edit(office, client):
    own, other = office.item(), office.item("b")
    pages = [office.agency, office.category_a, own, other, office.guide]

    client.force_login(office.users["officer"])
    assert editable(client, *pages) == {own.pk}

    client.force_login(office.users["leader"])
    assert editable(client, *pages) == set()

    client.force_login(office.users["office"])
    assert editable(client, *pages) == {page.pk for page in pages}


def test_the_answer_needs_an_admin_sign_in(office, client):
    response = client.get(f"/admin/disclosure/editable-pages/?id={office.category_a.pk}")

    assert response.status_code == 302 and "/admin/login/" in response["Location"]
