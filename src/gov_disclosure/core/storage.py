import copy
import os
import shutil
import tempfile

from django.core.files.base import File
from django.core.files.storage import storages

from gov_disclosure.conf import disclosure_settings

from . import crypto

# Decrypted files up to this size stay in memory; larger ones (a catalogue's attachments
# ZIP) go to a temporary file, deleted when closed.
_IN_MEMORY = 64 * 1024 * 1024


def _spooled():
    return tempfile.SpooledTemporaryFile(max_size=_IN_MEMORY)


class EncryptingStorageMixin:
    """Encrypts every file on the way in and decrypts it on the way out
    (``gov_disclosure.core.crypto``), whatever the storage underneath. Files stored before
    encryption was turned on are read as they are until ``security_rotate_keys``
    encrypts them."""

    def _save(self, name, content):
        content.seek(0)
        with _spooled() as encrypted:
            crypto.file_encrypt(content, encrypted)
            encrypted.seek(0)
            return super()._save(name, File(encrypted, name=name))

    def _open(self, name, mode="rb"):
        plain = _spooled()
        with super()._open(name, "rb") as stored:
            encrypted = crypto.is_encrypted_file(stored.read(len(crypto.FILE_MAGIC)))
            stored.seek(0)
            if encrypted:
                crypto.file_decrypt(stored, plain)
            else:
                shutil.copyfileobj(stored, plain)
        plain.seek(0)
        return File(plain, name=name)

    def raw_open(self, name):
        """The stored (encrypted) bytes, for key rotation."""
        return super()._open(name, "rb")

    def reencrypt(self, name) -> None:
        """Encrypt a stored file again with the newest key (key rotation); the name stays.
        On the file system the new bytes are written beside the old and moved over them,
        so a crash never leaves the file missing."""
        with self.open(name) as plain, _spooled() as encrypted:
            crypto.file_encrypt(plain, encrypted)
            encrypted.seek(0)
            if not hasattr(self, "path"):
                super().delete(name)
                super()._save(name, File(encrypted, name=name))
                return
            staged = super()._save(f"{name}.rotating", File(encrypted, name=name))
        os.replace(self.path(staged), self.path(name))


def _encrypting(alias: str):
    storage = storages[alias]
    wrapped = copy.copy(storage)
    wrapped.__class__ = type(
        f"Encrypting{type(storage).__name__}", (EncryptingStorageMixin, type(storage)), {}
    )
    return wrapped


def private_storage():
    """Private files (applicants' files and replies, imported catalogues): stored outside
    MEDIA_ROOT, encrypted, served only through the admin to those allowed to see them
    (never by the web server).

    The storage is ``STORAGES[GOV_DISCLOSURE["PRIVATE_STORAGE"]]``, with every file
    encrypted by the personal-data keys."""
    return _encrypting(disclosure_settings.PRIVATE_STORAGE)
