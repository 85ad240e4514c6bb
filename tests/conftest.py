import os

import pytest
from django.db import connection
from wagtail.models import Page

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
