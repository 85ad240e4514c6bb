"""Backups: the PostgreSQL database (pg_dump) and the two file stores, with a manifest of
checksums; restore into an empty database and empty file stores after checking them.

Every file of a backup is encrypted as it is written (``gov_disclosure.core.crypto``, the
backup keys): pg_dump's output and the archives pass through the cipher on their way to
the disk, and restore decrypts them on their way to pg_restore and the file stores, so no
plain copy is ever written. A backup stays restorable as long as the key it names (its
manifest's ``encryption.key``) is among the backup keys.

The search index is not backed up: it is rebuilt from the database (``search_reindex``).
"""

import datetime
import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from gov_disclosure.conf import disclosure_settings
from gov_disclosure.core import crypto

DATABASE_FILE = "database.dump"
MANIFEST_FILE = "manifest.json"
# Public files (attachments, images) and private ones (applicants' and replies' files).
# Archive name -> a key of STORAGES: the public media and the private store (applicants'
# files), both on the file system.
FILE_STORES = {"media.tar.gz": "default", "private-media.tar.gz": None}
ENCRYPTED = ".enc"
_PIECE = 1024 * 1024


def _store_root(alias: str | None) -> Path:
    storage = storages[alias or disclosure_settings.PRIVATE_STORAGE]
    if not hasattr(storage, "location"):
        raise BackupError(
            f"文件存储 {alias} 不在本机文件系统上，无法打包；请用存储服务自身的备份。"
        )
    return Path(storage.location)


class BackupError(Exception):
    """Why a backup or a restore cannot go ahead, in Chinese, for the operator."""


def _database_command(program: str) -> tuple[list[str], dict]:
    """``program`` (pg_dump, pg_restore) with the connection of the default database."""
    if connection.vendor != "postgresql":
        raise BackupError("备份与恢复只支持 PostgreSQL；SQLite 数据库直接复制其文件即可。")
    db = settings.DATABASES["default"]
    args = [program, "--no-owner", "--no-privileges", "--dbname", db["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [option, str(db[key])]
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    return args, env


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _latest_migrations() -> dict[str, str]:
    latest = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


def backup_create(destination: Path, *, progress: Callable[[str], None] = print) -> Path:
    """Write a backup folder under ``destination`` and return it."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = Path(destination) / f"disclosure-backup-{stamp}"
    folder.mkdir(parents=True)

    keys = crypto.backup_keys()
    progress("数据库 (pg_dump) …")
    args, env = _database_command("pg_dump")
    with (
        (folder / (DATABASE_FILE + ENCRYPTED)).open("wb") as out,
        crypto.EncryptingWriter(out, keys) as encrypted,
        tempfile.TemporaryFile() as errors,
    ):
        dump = subprocess.Popen(
            [*args, "--format=custom"], stdout=subprocess.PIPE, stderr=errors, env=env
        )
        shutil.copyfileobj(dump.stdout, encrypted, _PIECE)
        _check_exit(dump, "pg_dump", errors)

    for archive_name, alias in FILE_STORES.items():
        root = _store_root(alias)
        progress(f"文件 {root} …")
        with (
            (folder / (archive_name + ENCRYPTED)).open("wb") as out,
            crypto.EncryptingWriter(out, keys) as encrypted,
            tarfile.open(fileobj=encrypted, mode="w|gz") as archive,
        ):
            if root.exists():
                archive.add(root, arcname=".")

    manifest = {
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "encryption": {"suite": crypto.suite(), "key": keys[0].id.hex()},
        "migrations": _latest_migrations(),
        "files": {
            path.name: {"sha256": _sha256(path), "bytes": path.stat().st_size}
            for path in sorted(folder.iterdir())
        },
    }
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, ensure_ascii=False, indent=2))
    progress(f"完成：{folder}")
    return folder


def _verified_manifest(folder: Path) -> dict:
    manifest_path = folder / MANIFEST_FILE
    if not manifest_path.is_file():
        raise BackupError(f"{folder} 不是备份目录（缺少 {MANIFEST_FILE}）。")
    manifest = json.loads(manifest_path.read_text())
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.is_file() or _sha256(path) != expected["sha256"]:
            raise BackupError(f"备份文件 {name} 缺失或已损坏（校验和不符），未做任何恢复。")
    return manifest


def _check_exit(process: subprocess.Popen, program: str, errors) -> None:
    """Raise with what ``program`` wrote to ``errors`` if it failed."""
    if process.wait() != 0:
        errors.seek(0)
        raise BackupError(f"{program} 失败：{errors.read().decode(errors='replace').strip()}")


def _check_backup_key(manifest: dict) -> None:
    wanted = manifest["encryption"]["key"]
    if wanted not in {key.id.hex() for key in crypto.backup_keys()}:
        raise BackupError(
            f"备份用指纹为 {wanted} 的密钥加密，而备份密钥（BACKUP_KEYS）中没有它；"
            "请把当时的密钥加回密钥列表后再恢复。未做任何恢复。"
        )


class _plain:
    """A backup file opened for reading its plain content (decrypted if it is encrypted)."""

    def __init__(self, folder: Path, name: str, encrypted: bool):
        self._file = (folder / (name + ENCRYPTED if encrypted else name)).open("rb")
        self._reader = (
            crypto.DecryptingReader(self._file, crypto.backup_keys()) if encrypted else self._file
        )

    def __enter__(self):
        return self._reader

    def __exit__(self, *exc):
        self._file.close()


def backup_decrypt(source: Path, target: Path) -> None:
    """Write the plain content of one encrypted backup file (for an operator who needs the
    dump or an archive itself)."""
    with Path(source).open("rb") as encrypted, Path(target).open("xb") as plain:
        crypto.file_decrypt(encrypted, plain, crypto.backup_keys())


def _database_is_empty() -> bool:
    return not connection.introspection.table_names()


def backup_restore(folder: Path, *, progress: Callable[[str], None] = print) -> dict:
    """Restore ``folder`` into this installation's empty database and file stores."""
    folder = Path(folder)
    manifest = _verified_manifest(folder)
    encrypted = "encryption" in manifest
    if encrypted:
        _check_backup_key(manifest)
    if not _database_is_empty():
        raise BackupError("目标数据库不是空的；请恢复到新建的空数据库，以免覆盖现有数据。")
    for alias in FILE_STORES.values():
        root = _store_root(alias)
        if root.exists() and any(root.iterdir()):
            raise BackupError(f"目标文件目录 {root} 不是空的；请使用新的空目录。")

    progress("数据库 (pg_restore) …")
    args, env = _database_command("pg_restore")
    with _plain(folder, DATABASE_FILE, encrypted) as dump, tempfile.TemporaryFile() as errors:
        restore = subprocess.Popen(
            [*args, "--exit-on-error", "--single-transaction"],
            stdin=subprocess.PIPE,
            stderr=errors,
            env=env,
        )
        try:
            shutil.copyfileobj(dump, restore.stdin, _PIECE)
            restore.stdin.close()
        except BrokenPipeError:
            pass  # pg_restore stopped: its error is read below
        _check_exit(restore, "pg_restore", errors)
    connection.close()  # the schema changed under this connection

    for archive_name, alias in FILE_STORES.items():
        root = _store_root(alias)
        progress(f"文件 {root} …")
        root.mkdir(parents=True, exist_ok=True)
        with (
            _plain(folder, archive_name, encrypted) as plain,
            tarfile.open(fileobj=plain, mode="r|gz") as archive,
        ):
            archive.extractall(root, filter="data")  # no absolute paths, links out, devices
    progress("完成。请运行 manage.py search_reindex 重建检索索引。")
    return manifest
