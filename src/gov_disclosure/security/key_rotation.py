"""Re-encrypting personal data with the newest key (or the suite now chosen): field
values, their lookup digests and private files. Run after putting a new key first in
PERSONAL_DATA_KEYS; the old key may be dropped once ``keys_in_use`` names only the new one
(and no backup made with it is still kept, if it was also the backup key)."""

from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models
from django.db.models.functions import Cast

from gov_disclosure.core import crypto
from gov_disclosure.core.encrypted_fields import LookupDigestField, encrypted_fields
from gov_disclosure.core.storage import EncryptingStorageMixin


@dataclass
class KeyUsage:
    values: Counter = field(default_factory=Counter)  # key fingerprint ("plain") -> count
    files: Counter = field(default_factory=Counter)


def _models_with_encrypted_fields():
    return [model for model in apps.get_models() if encrypted_fields(model)]


def _private_file_fields():
    for model in apps.get_models():
        for model_field in model._meta.concrete_fields:
            if isinstance(model_field, models.FileField) and isinstance(
                model_field.storage, EncryptingStorageMixin
            ):
                yield model, model_field


def keys_in_use() -> KeyUsage:
    """How many values and files are under each key (``suite:fingerprint``) or plain."""
    usage = KeyUsage()
    for model in _models_with_encrypted_fields():
        for model_field in encrypted_fields(model):
            # Cast to text: the column as stored, not decrypted by the field.
            raw = model._default_manager.annotate(
                _raw=Cast(model_field.attname, models.TextField())
            ).values_list("_raw", flat=True)
            for token in raw.iterator():
                if token:
                    label = (
                        crypto.text_key_label(token) if crypto.is_encrypted_text(token) else "plain"
                    )
                    usage.values[label] += 1
    for model, model_field in _private_file_fields():
        for name in model._default_manager.exclude(**{model_field.attname: ""}).values_list(
            model_field.attname, flat=True
        ):
            if not model_field.storage.exists(name):
                continue
            with model_field.storage.raw_open(name) as stored:
                usage.files[crypto.file_key_label(stored.read(16))] += 1
    return usage


def keys_rotate(progress=lambda message: None) -> KeyUsage:
    """Write every encrypted value (and its lookup digests) again with the newest key and
    suite, and every file not already under them; returns what was rewritten."""
    current = crypto.key_label(crypto.personal_data_keys()[0])
    rewritten = KeyUsage()
    for model in _models_with_encrypted_fields():
        names = [f.name for f in encrypted_fields(model)] + [
            f.name for f in model._meta.concrete_fields if isinstance(f, LookupDigestField)
        ]
        progress(f"{model._meta.label} …")
        for record in model._default_manager.all().iterator(chunk_size=500):
            # Read in the clear, written with the newest key (and new digests).
            record.save(update_fields=names)
            rewritten.values[current] += 1
    for model, model_field in _private_file_fields():
        storage = model_field.storage
        progress(f"{model._meta.label}.{model_field.name} …")
        for name in model._default_manager.exclude(**{model_field.attname: ""}).values_list(
            model_field.attname, flat=True
        ):
            if not storage.exists(name):
                continue
            with storage.raw_open(name) as stored:
                if crypto.file_key_label(stored.read(16)) == current:
                    continue
            storage.reencrypt(name)
            rewritten.files[current] += 1
    return rewritten
