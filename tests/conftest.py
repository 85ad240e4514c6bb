import os

import pytest
from django.db import connection
from wagtail.models import Page, Site

from tests.disclosure_settings import DisclosureSettingsOverride
from tests.factories import AgencyFactory, CategoryFactory, DepartmentFactory, ItemFactory

IN_CI = bool(os.environ.get("CI"))

# A stand-in subdistrict site, for aggregation and district-search tests.
pytest_plugins = ["tests.aggregation.fake_source"]


def pytest_sessionstart(session):
    # CI must exercise PostgreSQL: a silent fallback to SQLite would hide real failures.
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    # scripts/test runs the database search engine's tests once more on SQLite, on purpose.
    embedded_pass = os.environ.get("TEST_EMBEDDED_SQLITE") == "1"
    if IN_CI and engine != "django.db.backends.postgresql" and not embedded_pass:
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


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: rate-limit counters never carry over, nor
    calendar days a rolled-back test entered, nor the sites of a rolled-back test in the
    routing table each process keeps for a few seconds."""
    from django.core.cache import cache

    from gov_disclosure.pages.routing import routes_forget
    from gov_disclosure.workcalendar.workdays import forget_overrides

    cache.clear()
    forget_overrides()
    routes_forget()
    yield


@pytest.fixture
def disclosure_settings(settings):
    """Change the plugin's options for one test: ``disclosure_settings.SEARCH_URL = ...``."""
    return DisclosureSettingsOverride(settings)


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
    """Publish a page; an item goes through the review workflow (tests/workflow.py)."""
    from tests.workflow import publish

    return publish


@pytest.fixture
def site_root(agency):
    site = Site.objects.get(is_default_site=True)
    site.root_page = agency
    site.save()  # also clears Wagtail's cache of site root paths
    return agency


def _broker_reachable(url: str | None) -> bool:
    if not url or not url.startswith("redis://"):
        return False
    import redis

    try:
        return redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def celery_worker_start():
    """A real ``celery worker`` process on the Redis broker, using the test database, once
    it answers a ping. The caller stops it (and sets ``task_always_eager`` back)."""
    import subprocess
    import sys
    import time
    from pathlib import Path

    from tests.celery_app import app

    broker = os.environ.get("CELERY_BROKER_URL")
    require_service(_broker_reachable(broker), "needs Redis (CELERY_BROKER_URL)")
    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    app.conf.task_always_eager = False
    app.control.purge()  # nothing left over from another test
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tests.celery_app", "worker", "--pool=solo",
         "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "warning"],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not app.control.ping(timeout=0.5):
        if worker.poll() is not None or time.monotonic() > deadline:
            worker.kill()
            pytest.fail("the Celery worker did not start")
    return worker


@pytest.fixture
def celery_worker(postgres, django_db_blocker):
    """A real ``celery worker`` process on the Redis broker, using the test database.

    Tests that use it must commit their data (``transaction=True``): the worker is
    another process with its own connection.
    """
    from tests.celery_app import app

    worker = celery_worker_start()
    try:
        yield worker
    finally:
        app.conf.task_always_eager = True
        worker.terminate()
        worker.wait(timeout=30)
