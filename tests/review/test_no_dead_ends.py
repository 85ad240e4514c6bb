"""The admin offers nobody a link they cannot use."""

import re

import pytest

from tests.review.conftest import is_denied

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


# Bulk actions are posted with the chosen pages' ids: bare, their address is no page.
NOT_PAGES = ("/admin/logout/", "/admin/bulk/")


def admin_links(html: str) -> set[str]:
    """Admin addresses a page links to: its anchors, and its menu (the sidebar's JSON)."""
    found = re.findall(r'href="(/admin/[^"#?]*)', html) + re.findall(
        r'"url": "(/admin/[^"#?]*)', html
    )
    return {link for link in found if not link.startswith(NOT_PAGES)}


@pytest.mark.parametrize("role", ["officer", "leader", "secrecy", "office", "supervisor"])
def test_every_link_the_dashboard_menu_and_catalogue_show_a_role_opens(office, client, role):
    office.item(), office.item("b")
    client.force_login(office.users[role])
    links = admin_links(client.get("/admin/").content.decode())
    for page in (office.agency, office.category_a, office.category_b):
        listing = client.get(f"/admin/pages/{page.pk}/")
        if listing.status_code == 200:
            links |= admin_links(listing.content.decode())

    dead = [link for link in sorted(links) if is_denied(response := client.get(link))
            or response.status_code >= 400]  # fmt: skip

    assert links and dead == []
