"""Model fields whose values are stored encrypted (``gov_disclosure.core.crypto``).

Written here rather than taken from a field-encryption package: those on PyPI for
Django 5 derive their key from SECRET_KEY (django-fernet-encrypted-fields), build the cipher
once at import so settings and rotation cannot change it (django-encrypted-model-fields),
show the ciphertext as if it were the value when the key is wrong (both), and offer no
SM4. These fields read the keys at use, refuse to be queried (a query on ciphertext
silently finds nothing), and fail loudly on a value no key opens.

A value stored before encryption was turned on (no ``gde1:`` prefix) is read as it is;
``manage.py security_rotate_keys`` encrypts such values and re-encrypts old keys' values.
"""

from django.core.exceptions import FieldError
from django.db import models

from . import crypto

# Lookups that never compare the value itself.
_ALLOWED_LOOKUPS = {"isnull"}


class EncryptedMixin:
    def get_internal_type(self):
        # Ciphertext is longer than the value: the column is text whatever max_length
        # says (max_length still limits what may be typed).
        return "TextField"

    def from_db_value(self, value, expression, connection):
        if value is None or not crypto.is_encrypted_text(value):
            return value
        return crypto.text_decrypt(value)

    def get_db_prep_value(self, value, connection, prepared=False):
        value = super().get_db_prep_value(value, connection, prepared)
        if value is None or (isinstance(value, str) and crypto.is_encrypted_text(value)):
            return value
        return crypto.text_encrypt(str(value))

    def get_lookup(self, lookup_name):
        if lookup_name not in _ALLOWED_LOOKUPS:
            raise FieldError(
                f"{self.model.__name__}.{self.name} 加密存储，不能按内容查询；"
                "请用它的查找摘要字段（如 phone_digest）。"
            )
        return super().get_lookup(lookup_name)


class EncryptedCharField(EncryptedMixin, models.CharField):
    pass


class EncryptedEmailField(EncryptedMixin, models.EmailField):
    pass


def encrypted_fields(model) -> list[models.Field]:
    return [field for field in model._meta.concrete_fields if isinstance(field, EncryptedMixin)]


class LookupDigestField(models.CharField):
    """The keyed hash (``crypto.lookup_digest``) of another field's value, kept up to date
    on every save like ``auto_now``: records are found by it (a phone number, a name typed
    in full) while the value itself stays encrypted."""

    def __init__(self, *args, source: str, **kwargs):
        self.source = source
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("db_index", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        for option in ("max_length", "editable", "blank", "db_index"):
            kwargs.pop(option, None)
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        digest = crypto.lookup_digest(getattr(model_instance, self.source) or "")
        setattr(model_instance, self.attname, digest)
        return digest
