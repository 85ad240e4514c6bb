"""A backup restored into a fresh database and empty file stores serves the same content,
and the search index rebuilt from that database alone matches the one it replaces."""

import base64
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection

from gov_disclosure.backups.archive import BackupError, backup_restore
from gov_disclosure.core.crypto import Key, key_generate
from gov_disclosure.pages.models import ItemAttachment
from gov_disclosure.search.engines.opensearch import OpenSearchEngine
from tests.disclosure_settings import DisclosureSettingsOverride
from tests.factories import DocumentFactory
from tests.search.conftest import use_engine
from tests.search.test_opensearch_node import OPENSEARCH_URL

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[2]
RESTORED_DB = "test_cms_restored"
ORIGINAL_PREFIX = "disclosure-test-backup-"
RESTORED_PREFIX = "disclosure-test-restored-"
ATTACHMENT = "%PDF-1.4 庄市街道2025年部门预算".encode()
PRIVATE_FILE = b"applicant's identity card scan"

# What a visitor gets, computed the same way in both installations.
SERVED = """
import hashlib, json, django; django.setup()
from django.test import Client
from gov_disclosure.pages.models import DisclosureItemPage
client = Client()
item = DisclosureItemPage.objects.live().get()
page = client.get(item.url)
document = client.get(item.attachments.get().document.url)
print(json.dumps({
    "page_status": page.status_code,
    "page": hashlib.sha256(page.content).hexdigest(),
    "document": hashlib.sha256(b"".join(document.streaming_content)).hexdigest(),
}))
"""


def _admin_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/postgres"


@pytest.fixture
def fresh_database(postgres):
    """An empty database next to the test database, dropped afterwards."""
    with psycopg.connect(_admin_url(), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {RESTORED_DB} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {RESTORED_DB}")
    db = connection.settings_dict
    yield f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{RESTORED_DB}"
    with psycopg.connect(_admin_url(), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {RESTORED_DB} WITH (FORCE)")


@pytest.fixture
def content(settings, site_root, make_item, publish):
    """A published item with its attachment, indexed in the real OpenSearch node, and an
    applicant's file in the private store."""
    use_engine(settings, "opensearch", ORIGINAL_PREFIX)
    document = DocumentFactory(title="预算表", file=ContentFile(ATTACHMENT, name="yusuan.pdf"))
    item = make_item(title="庄市街道2025年部门预算", summary="公开2025年部门预算。")
    item.attachments = [ItemAttachment(document=document, title="预算表")]
    publish(item)
    private = Path(settings.PRIVATE_MEDIA_ROOT) / "requests" / "id-card.png"
    private.parent.mkdir(parents=True, exist_ok=True)
    private.write_bytes(PRIVATE_FILE)
    yield
    private.unlink()
    for prefix in (ORIGINAL_PREFIX, RESTORED_PREFIX):
        engine_for(settings, prefix).indexes_drop()


def engine_for(settings, prefix: str) -> OpenSearchEngine:
    DisclosureSettingsOverride(settings).SEARCH_INDEX_PREFIX = prefix
    return OpenSearchEngine(OPENSEARCH_URL)


def _test_database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def run_manage(env: dict, *args: str, code: str | None = None) -> str:
    command = [sys.executable, "-c", code] if code else [sys.executable, "manage.py", *args]
    result = subprocess.run(
        command, cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _key_id(key: str) -> str:
    return Key(base64.urlsafe_b64decode(key)).id.hex()


def test_a_restored_backup_serves_the_same_content_and_rebuilds_the_same_index(
    tmp_path, settings, content, fresh_database
):
    before = json.loads(run_manage({"DATABASE_URL": _test_database_url()}, code=SERVED))

    old_key, new_key = key_generate(), key_generate()
    DisclosureSettingsOverride(settings).BACKUP_KEYS = [old_key]
    folder = Path(call_command("backup_create", str(tmp_path / "backups")))

    # Every file is encrypted: neither the item's title nor the applicant's file is there.
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["encryption"] == {"suite": "standard", "key": _key_id(old_key)}
    assert sorted(manifest["files"]) == [
        "database.dump.enc",
        "media.tar.gz.enc",
        "private-media.tar.gz.enc",
    ]
    for name in manifest["files"]:
        stored = (folder / name).read_bytes()
        assert stored.startswith(b"GDE1")
        assert "庄市街道2025年部门预算".encode() not in stored and PRIVATE_FILE not in stored

    # Restored after the backup key was rotated: the old key, kept second, still opens it.
    restored = {
        "BACKUP_KEYS": f"{new_key},{old_key}",
        "DATABASE_URL": fresh_database,
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "restored-private"),
        "SEARCH_URL": OPENSEARCH_URL.replace("http://", "opensearch://"),
        "SEARCH_INDEX_PREFIX": RESTORED_PREFIX,
    }
    run_manage(restored, "backup_restore", str(folder))
    run_manage(restored, "search_reindex")
    after = json.loads(run_manage(restored, code=SERVED))

    assert before["page_status"] == 200
    assert after == before
    private = tmp_path / "restored-private" / "requests" / "id-card.png"
    assert private.read_bytes() == PRIVATE_FILE
    original = engine_for(settings, ORIGINAL_PREFIX).document_fingerprints()
    rebuilt = engine_for(settings, RESTORED_PREFIX).document_fingerprints()
    assert original
    assert rebuilt == original


def test_a_damaged_backup_is_refused_before_anything_is_touched(tmp_path, content):
    folder = Path(call_command("backup_create", str(tmp_path)))
    dump = folder / "database.dump.enc"
    dump.write_bytes(dump.read_bytes()[:-10])

    with pytest.raises(BackupError, match="database.dump.enc 缺失或已损坏"):
        backup_restore(folder)


def test_a_backup_without_its_key_is_refused_naming_the_key(
    tmp_path, settings, content, fresh_database
):
    key = key_generate()
    DisclosureSettingsOverride(settings).BACKUP_KEYS = [key]
    folder = Path(call_command("backup_create", str(tmp_path / "backups")))

    result = subprocess.run(
        [sys.executable, "manage.py", "backup_restore", str(folder)],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": fresh_database, "BACKUP_KEYS": key_generate()},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert f"备份用指纹为 {_key_id(key)} 的密钥加密" in result.stderr
    with psycopg.connect(fresh_database) as restored:  # nothing was restored
        assert restored.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone() == (0,)


def test_one_file_of_a_backup_is_decrypted_for_the_operator(tmp_path, settings, content):
    folder = Path(call_command("backup_create", str(tmp_path / "backups")))
    call_command(
        "backup_decrypt", str(folder / "private-media.tar.gz.enc"), str(tmp_path / "p.tgz")
    )

    with tarfile.open(tmp_path / "p.tgz") as archive:
        assert archive.extractfile("./requests/id-card.png").read() == PRIVATE_FILE


def test_a_backup_is_never_restored_over_existing_data(tmp_path, content):
    folder = Path(call_command("backup_create", str(tmp_path)))

    with pytest.raises(BackupError, match="目标数据库不是空的"):
        backup_restore(folder)
