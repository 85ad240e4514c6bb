import os

import pytest
from django.db import connection
from wagtail.models import Page, Site

from tests.factories import AgencyFactory, CategoryFactory, DepartmentFactory, ItemFactory

IN_CI = bool(os.environ.get("CI"))


def pytest_sessionstart(session):
    # CI must exercise PostgreSQL: a silent fallback to SQLite would hide real failures.
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    if IN_CI and engine != "django.db.backends.postgresql":
        raise pytest.UsageError(
            f"CI is set but the test database is {engine}; run ./scripts/services up "
            "or set DATABASE_URL to PostgreSQL."
        )


def require_service(available: bool, reason: str) -> None:
    """Skip a test whose service is missing on a laptop; fail it under CI."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{reason} (required under CI)")
    pytest.skip(reason)


@pytest.fixture
def postgres():
    require_service(connection.vendor == "postgresql", "needs PostgreSQL (DATABASE_URL)")


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()


@pytest.fixture
def agency(root_page):
    return AgencyFactory(parent=root_page)


@pytest.fixture
def department(agency):
    return DepartmentFactory(agency=agency, name="党政办公室", code="DZB")


@pytest.fixture
def category(agency):
    return CategoryFactory(parent=agency, title="法规公文", code="02")


@pytest.fixture
def make_item(category, department):
    """Create an unpublished item in ``category`` (or another parent)."""

    def make(parent=None, **fields):
        fields.setdefault("publisher", department)
        return ItemFactory(parent=parent or category, **fields)

    return make


@pytest.fixture
def publish():
    def publish(page, user=None):
        page.save_revision(user=user).publish(user=user)
        page.refresh_from_db()
        return page

    return publish


@pytest.fixture
def site_root(agency):
    site = Site.objects.get(is_default_site=True)
    site.root_page = agency
    site.save()  # also clears Wagtail's cache of site root paths
    return agency
