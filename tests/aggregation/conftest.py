"""Two real instances: this test process serves its feed from a live server, and the
district's site is a second database of its own, migrated and filled by its own
processes (``manage.py sync_sources``), as a real district site would be."""

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from wagtail.models import Site

from tests.conftest import require_service
from tests.gate import Gate

ROOT = Path(__file__).resolve().parents[2]
# Committed data, so the live server and the district's processes see it.
SERVING_SITE = pytest.mark.django_db(transaction=True, serialized_rollback=True)
DISTRICT_TABLES = [
    "disclosure_aggregation_quarantinedrecord", "disclosure_aggregation_mirroredattachment",
    "disclosure_aggregation_mirroredreport", "disclosure_aggregation_mirroreditem",
    "disclosure_aggregation_source", "disclosure_search_searchentry",
    "disclosure_search_indexgeneration",
]  # fmt: skip


def _server_url(database: str) -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST']}:{db['PORT']}/{database}"


def manage(*args, database_url: str, timeout: int = 300, **env) -> subprocess.Popen:
    """``manage.py`` as a process of the district's site."""
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, "SEARCH_URL": "",
             "DATABASE_URL": database_url, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip


@dataclass
class District:
    database_url: str
    media: Path

    def sql(self, query: str, *params) -> list[tuple]:
        with psycopg.connect(self.database_url.replace("postgres://", "postgresql://")) as db:
            rows = db.execute(query, params)
            return rows.fetchall() if rows.description else []

    def titles(self) -> set[str]:
        return {
            title for (title,) in self.sql("SELECT title FROM disclosure_aggregation_mirroreditem")
        }

    def source(self) -> dict:
        columns = ["cursor", "last_success_at", "last_error", "failures", "next_attempt_at"]
        [row] = self.sql(f"SELECT {', '.join(columns)} FROM disclosure_aggregation_source")
        return dict(zip(columns, row, strict=True))

    def sync(self, *args, attachments="link", page_size=3, wait=True):
        """Run ``manage.py sync_sources`` (``wait=False``: return it running)."""
        process = manage(
            "sync_sources", "--page-size", str(page_size), *args,
            database_url=self.database_url, MEDIA_ROOT=str(self.media),
            AGGREGATION_ATTACHMENTS=attachments,
        )  # fmt: skip
        if not wait:
            return process
        output, _ = process.communicate(timeout=120)
        return subprocess.CompletedProcess(process.args, process.returncode, output)


@pytest.fixture(scope="session")
def district_database(django_db_setup, django_db_blocker):
    """The district site's own database, migrated by its own ``manage.py migrate``."""
    with django_db_blocker.unblock():
        require_service(connection.vendor == "postgresql", "needs PostgreSQL (DATABASE_URL)")
        name = connection.settings_dict["NAME"] + "_district"
        admin_url = _server_url("postgres").replace("postgres://", "postgresql://")
    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')
    url = _server_url(name)
    migrate = manage("migrate", "-v0", database_url=url)
    output, _ = migrate.communicate(timeout=300)
    assert migrate.returncode == 0, output
    yield url
    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def district(district_database, tmp_path):
    site = District(database_url=district_database, media=tmp_path / "district-media")
    site.sql(f"TRUNCATE {', '.join(DISTRICT_TABLES)} RESTART IDENTITY CASCADE")
    return site


@pytest.fixture
def serving_site(live_server, site_root):
    """The subdistrict's site, reached through a gate the test can close."""
    gate = Gate(live_server.thread.host, live_server.thread.port)
    gate.open()
    # Its records link to itself through the gate, as a real site links to its own address.
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=gate.port)
    Site.clear_site_root_paths_cache()
    yield gate
    gate.shut()


@pytest.fixture
def district_source(district, serving_site):
    """The district has the subdistrict as a source, added the way an operator does."""
    add = manage(
        "add_source", "庄市街道", f"http://127.0.0.1:{serving_site.port}",
        database_url=district.database_url,
    )  # fmt: skip
    output, _ = add.communicate(timeout=60)
    assert add.returncode == 0, output
    return district
