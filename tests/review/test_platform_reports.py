"""Wagtail's site-wide reports that name other agencies' pages and staff are the platform's."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

REPORTS = ["/admin/reports/page-types-usage/", "/admin/reports/aging-pages/"]


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_agency_staff_neither_see_nor_open_them(office, other_office):
    # Another agency's draft is the last page edited of its type.
    draft = other_office.item(title="乙街道尚未发布的草稿")
    draft.save_revision(user=other_office.users["officer"])

    for role in ["officer", "office", "supervisor"]:
        client = client_of(office.users[role])
        dashboard = client.get("/admin/").content.decode()
        assert "page-types-usage" not in dashboard, role
        for report in REPORTS:
            response = client.get(report)
            assert response.status_code == 403, (role, report)
            assert "乙街道尚未发布的草稿" not in response.content.decode()


def test_the_platforms_administrator_keeps_them(office, admin_client):
    client = admin_client

    assert "page-types-usage" in client.get("/admin/").content.decode()
    for report in REPORTS:
        assert client.get(report).status_code == 200, report
