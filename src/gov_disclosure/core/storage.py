import copy
import os
import tempfile

from django.core.files.base import File
from django.core.files.storage import storages

from gov_disclosure.conf import disclosure_settings

from . import crypto

# Decrypted files up to this size stay in memory; larger ones (a catalogue's attachments
# ZIP) go to a temporary file, deleted when closed.
_IN_MEMORY = 64 * 1024 * 1024


class EncryptingStorageMixin:
    """Encrypts every file on the way in and decrypts it on the way out
    (``gov_disclosure.core.crypto``), whatever the storage underneath. Files stored before
    encryption was turned on are read as they are until ``security_rotate_keys``
    encrypts them."""

    def _save(self, name, content):
        content.seek(0)
        encrypted = tempfile.SpooledTemporaryFile(max_size=_IN_MEMORY)  # noqa: SIM115 (stored below)
        for piece in crypto.stream_encrypt(content):
            encrypted.write(piece)
        encrypted.seek(0)
        return super()._save(name, File(encrypted, name=name))

    def _open(self, name, mode="rb"):
        stored = super()._open(name, "rb")
        with stored:
            head = stored.read(len(crypto.FILE_MAGIC))
            stored.seek(0)
            plain = tempfile.SpooledTemporaryFile(max_size=_IN_MEMORY)  # noqa: SIM115 (returned)
            if crypto.is_encrypted_file(head):
                for piece in crypto.stream_decrypt(stored):
                    plain.write(piece)
            else:
                for piece in iter(lambda: stored.read(1024 * 1024), b""):
                    plain.write(piece)
        plain.seek(0)
        return File(plain, name=name)

    def raw_open(self, name):
        """The stored (encrypted) bytes, for key rotation."""
        return super()._open(name, "rb")

    def raw_save(self, name, content):
        """Replace a stored file's bytes (key rotation); the name stays. On the file system
        the new bytes are written beside the old and moved over them, so a crash never
        leaves the file missing."""
        if not hasattr(self, "path"):
            super().delete(name)
            super()._save(name, content)
            return
        staged = super()._save(f"{name}.rotating", content)
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
