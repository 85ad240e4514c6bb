"""Encryption of personal data at rest: field values, private files and backups.

One construction for all three, an AEAD (authenticated encryption) in one of two suites:

- ``standard``: AES-256-GCM, keyed hashes HMAC-SHA256;
- ``national`` (商用密码, for deployments that must use it): SM4-GCM (GB/T 32907, GM/T 0002)
  and HMAC-SM3 (GB/T 32905).

Both come from ``cryptography`` (OpenSSL), which is maintained and fast (5 MB in SM4-GCM
takes ~40 ms here); pure-Python SM4 implementations are a hundred times slower.

Keys are 32 random bytes, written as URL-safe base64 (``manage.py security_keygen``), listed
newest first: the first encrypts, every one decrypts, so a key is rotated by putting a new
one in front and re-encrypting (``manage.py security_rotate_keys``) before the old one is
dropped. Each ciphertext names its suite and its key by a 4-byte fingerprint.

Formats (all bytes after the prefix are authenticated):

- a field value: ``gde1:`` + base64url(suite ‖ key id ‖ nonce(12) ‖ ciphertext ‖ tag);
- a file (``EncryptingWriter``, ``DecryptingReader``): ``GDE1`` ‖ suite ‖ key id ‖ nonce
  prefix(7), then chunks of 64 KiB each sealed with nonce = prefix ‖ counter(4) ‖
  last-chunk flag(1) and the header as associated data, so chunks cannot be reordered,
  dropped or cut off at the end unnoticed (the STREAM construction of Hoang, Reyhanitabar,
  Rogaway and Vizár, as age and Tink use it). Files of any size are encrypted and decrypted
  in constant memory.
"""

import base64
import hashlib
import hmac as stdlib_hmac
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import hmac as crypto_hmac
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from gov_disclosure.conf import disclosure_settings

STANDARD = "standard"
NATIONAL = "national"
SUITES = {STANDARD: 1, NATIONAL: 2}
SUITE_NAMES = {number: name for name, number in SUITES.items()}

FIELD_PREFIX = "gde1:"
FILE_MAGIC = b"GDE1"
CHUNK = 64 * 1024
TAG = 16
_FILE_HEADER = len(FILE_MAGIC) + 1 + 4 + 7
_LOOKUP_NOISE = re.compile(r"[\s\-‐–—()（）]")


class DecryptionError(Exception):
    """A ciphertext that no configured key opens, or that was altered."""


@dataclass(frozen=True)
class Key:
    secret: bytes

    @property
    def id(self) -> bytes:
        return hashlib.sha256(self.secret).digest()[:4]

    def derive(self, purpose: bytes, size: int = 32) -> bytes:
        """A subkey for one purpose, so the same secret never keys two algorithms."""
        return stdlib_hmac.new(self.secret, b"gov-disclosure/" + purpose, "sha256").digest()[:size]


def key_generate() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def _parse(value: str, setting: str) -> Key:
    try:
        secret = base64.urlsafe_b64decode(value.strip().encode())
    except ValueError as error:
        raise ImproperlyConfigured(f"{setting} 中的密钥不是 base64：{error}") from error
    if len(secret) != 32:
        raise ImproperlyConfigured(
            f"{setting} 中的密钥须为 32 字节（44 个 base64 字符），请用 "
            "manage.py security_keygen 生成。"
        )
    return Key(secret)


def _keys(setting: str, purpose: bytes) -> list[Key]:
    configured = getattr(disclosure_settings, setting)
    if isinstance(configured, str):
        configured = [part for part in configured.split(",") if part.strip()]
    if configured:
        return [_parse(value, f"GOV_DISCLOSURE['{setting}']") for value in configured]
    # Development and tests: derived from SECRET_KEY (check W040 warns; the production
    # profile refuses to start without real keys).
    return [
        Key(hashlib.sha256(b"gov-disclosure/" + purpose + settings.SECRET_KEY.encode()).digest())
    ]


def personal_data_keys() -> list[Key]:
    return _keys("PERSONAL_DATA_KEYS", b"personal-data")


def backup_keys() -> list[Key]:
    return (
        _keys("BACKUP_KEYS", b"backup") if disclosure_settings.BACKUP_KEYS else personal_data_keys()
    )


def audit_log_keys() -> list[Key]:
    return _keys("AUDIT_LOG_KEYS", b"audit-log")


def suite() -> str:
    name = disclosure_settings.CRYPTOGRAPHY
    if name not in SUITES:
        raise ImproperlyConfigured("GOV_DISCLOSURE['CRYPTOGRAPHY'] 只能是 standard 或 national")
    return name


def key_label(key: Key) -> str:
    """``suite:fingerprint`` of what ``key`` encrypts or seals now, as the labels below."""
    return f"{SUITES[suite()]}:{key.id.hex()}"


def text_key_label(token: str) -> str:
    """``suite:fingerprint`` of an encrypted value (for key rotation)."""
    raw = base64.urlsafe_b64decode(token.removeprefix(FIELD_PREFIX).encode())
    return f"{raw[0]}:{raw[1:5].hex()}"


def file_key_label(head: bytes) -> str:
    """``suite:fingerprint`` of an encrypted file from its first bytes, or ``plain``."""
    return f"{head[4]}:{head[5:9].hex()}" if is_encrypted_file(head) else "plain"


def keyed_hash(secret: bytes, data: bytes, suite_name: str) -> str:
    """HMAC-SM3 in the national suite, HMAC-SHA256 otherwise, as hex."""
    mac = crypto_hmac.HMAC(secret, hashes.SM3() if suite_name == NATIONAL else hashes.SHA256())
    mac.update(data)
    return mac.finalize().hex()


# --- the two AEADs ---------------------------------------------------------------------


def _seal(suite_name: str, key: Key, nonce: bytes, data: bytes, aad: bytes) -> bytes:
    if suite_name == STANDARD:
        return AESGCM(key.derive(b"aes-256-gcm")).encrypt(nonce, data, aad)
    encryptor = Cipher(algorithms.SM4(key.derive(b"sm4-gcm", 16)), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(aad)
    return encryptor.update(data) + encryptor.finalize() + encryptor.tag


def _open(suite_name: str, key: Key, nonce: bytes, sealed: bytes, aad: bytes) -> bytes:
    try:
        if suite_name == STANDARD:
            return AESGCM(key.derive(b"aes-256-gcm")).decrypt(nonce, sealed, aad)
        cipher = Cipher(algorithms.SM4(key.derive(b"sm4-gcm", 16)), modes.GCM(nonce, sealed[-TAG:]))
        decryptor = cipher.decryptor()
        decryptor.authenticate_additional_data(aad)
        return decryptor.update(sealed[:-TAG]) + decryptor.finalize()
    except InvalidTag as error:
        raise DecryptionError("密文已被改动，或密钥不对。") from error


def key_by_id(key_id: bytes, keys: list[Key]) -> Key:
    """The key of ``keys`` whose fingerprint is ``key_id``."""
    for key in keys:
        if key.id == key_id:
            return key
    raise DecryptionError(
        f"没有指纹为 {key_id.hex()} 的密钥：请把当时所用的密钥加回密钥列表（轮换后旧密钥须保留到"
        "全部数据重新加密、或它封存的日志清理之后）。"
    )


# --- field values ----------------------------------------------------------------------


def is_encrypted_text(value: str) -> bool:
    return value.startswith(FIELD_PREFIX)


def text_encrypt(value: str, keys: list[Key] | None = None) -> str:
    key = (keys or personal_data_keys())[0]
    suite_name = suite()
    header = bytes([SUITES[suite_name]]) + key.id
    nonce = os.urandom(12)
    sealed = _seal(suite_name, key, nonce, value.encode(), header)
    return FIELD_PREFIX + base64.urlsafe_b64encode(header + nonce + sealed).decode()


def text_decrypt(token: str, keys: list[Key] | None = None) -> str:
    try:
        raw = base64.urlsafe_b64decode(token.removeprefix(FIELD_PREFIX).encode())
    except ValueError as error:
        raise DecryptionError("密文格式不对。") from error
    if len(raw) < 1 + 4 + 12 + TAG or raw[0] not in SUITE_NAMES:
        raise DecryptionError("密文格式不对。")
    header, nonce, sealed = raw[:5], raw[5:17], raw[17:]
    key = key_by_id(header[1:5], keys or personal_data_keys())
    return _open(SUITE_NAMES[header[0]], key, nonce, sealed, header).decode()


def lookup_digest(value: str) -> str:
    """A keyed hash of a normalised value, to find records by it without storing it in the
    clear: equal values give equal digests; without the key nobody can test a guess."""
    # Spaces, hyphens and brackets dropped: "138-1234 5678" and "(0574)8765-4321" are found
    # however they were typed.
    normalised = _LOOKUP_NOISE.sub("", value).lower()
    if not normalised:
        return ""
    return keyed_hash(personal_data_keys()[0].derive(b"lookup"), normalised.encode(), suite())


# --- files -----------------------------------------------------------------------------


def is_encrypted_file(head: bytes) -> bool:
    return head.startswith(FILE_MAGIC)


def _read_full(source: BinaryIO, size: int) -> bytes:
    """``size`` bytes, or fewer only at the end (a pipe returns what it has)."""
    data = source.read(size)
    while data and len(data) < size:
        more = source.read(size - len(data))
        if not more:
            break
        data += more
    return data


class EncryptingWriter:
    """A file-like object that encrypts what is written to it into ``out`` (a tar archive
    is written through it, so no plain copy ever reaches the disk). ``close`` seals the
    last chunk; it does not close ``out``."""

    def __init__(self, out: BinaryIO, keys: list[Key] | None = None):
        self._out = out
        self._key = (keys or personal_data_keys())[0]
        self._suite = suite()
        self._prefix = os.urandom(7)
        self._header = FILE_MAGIC + bytes([SUITES[self._suite]]) + self._key.id + self._prefix
        self._buffer = bytearray()
        self._counter = 0
        self.closed = False
        out.write(self._header)

    def _emit(self, chunk: bytes, last: bool) -> None:
        nonce = self._prefix + self._counter.to_bytes(4, "big") + (b"\x01" if last else b"\x00")
        self._out.write(_seal(self._suite, self._key, nonce, chunk, self._header))
        self._counter += 1

    def write(self, data: bytes) -> int:
        self._buffer += data
        # Keep at least one byte back: only close() knows which chunk is the last.
        while len(self._buffer) > CHUNK:
            self._emit(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._emit(bytes(self._buffer), last=True)
            self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class DecryptingReader:
    """A file-like object reading the plain content of an encrypted stream."""

    def __init__(self, source: BinaryIO, keys: list[Key] | None = None):
        self._pieces = stream_decrypt(source, keys)
        self._buffer = b""

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            piece = next(self._pieces, None)
            if piece is None:
                break
            self._buffer += piece
        if size < 0:
            data, self._buffer = self._buffer, b""
        else:
            data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data


def file_encrypt(source: BinaryIO, out: BinaryIO, keys: list[Key] | None = None) -> None:
    """Write the encrypted form of ``source`` (from where it stands) to ``out``."""
    with EncryptingWriter(out, keys) as encrypted:
        shutil.copyfileobj(source, encrypted, CHUNK)


def file_decrypt(source: BinaryIO, out: BinaryIO, keys: list[Key] | None = None) -> None:
    """Write the plain content of the encrypted ``source`` to ``out``."""
    shutil.copyfileobj(DecryptingReader(source, keys), out, CHUNK)


def stream_decrypt(source: BinaryIO, keys: list[Key] | None = None) -> Iterator[bytes]:
    """The plain content of an encrypted file, in pieces; raises ``DecryptionError`` if any
    chunk was altered, moved or removed."""
    header = source.read(_FILE_HEADER)
    if len(header) != _FILE_HEADER or not is_encrypted_file(header) or header[4] not in SUITE_NAMES:
        raise DecryptionError("不是本平台加密的文件。")
    name = SUITE_NAMES[header[4]]
    key = key_by_id(header[5:9], keys or personal_data_keys())
    prefix = header[9:16]
    counter = 0
    sealed = _read_full(source, CHUNK + TAG)
    while True:
        if len(sealed) < TAG:
            raise DecryptionError("加密文件不完整（被截断）。")
        following = _read_full(source, CHUNK + TAG)
        last = not following
        nonce = prefix + counter.to_bytes(4, "big") + (b"\x01" if last else b"\x00")
        yield _open(name, key, nonce, sealed, header)
        if last:
            return
        sealed, counter = following, counter + 1
