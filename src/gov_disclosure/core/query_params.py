"""Query-string parameters of the plugin's APIs read exactly as their OpenAPI document says.

Django's and DRF's fields are lenient where a schema is exact: an integer field takes
``5.0`` and `` 5``, a date field ``2026-1-5``, a date-time field one without an offset. These
fields read the raw text first, by the same rule the document states (a ``pattern`` or a
format), so a request the document calls invalid is a 400 and one it calls valid is read.
Invisible characters are refused in free text, and the document's pattern names the same
characters.
"""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

INTEGER = re.compile(r"-?[0-9]+")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # RFC 3339 full-date
DATE_TIME = re.compile(  # RFC 3339 date-time: the offset is required
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
)


def _invisible_ranges() -> str:
    """Control and format characters of the Basic Multilingual Plane, tab and newline aside,
    as a character-class body of ``\\uXXXX`` ranges, read alike by Python, ECMAScript (the
    dialect of OpenAPI patterns) and Rust's regex. Lone surrogates, which no regex engine but
    Python's accepts in a class, cannot arrive in a query string (it is decoded as UTF-8)."""
    ranges, start = [], None
    for code in range(0x10000 + 1):
        char = chr(code) if code < 0x10000 else ""
        invisible = (
            bool(char) and char not in "\t\n" and (unicodedata.category(char) in ("Cc", "Cf"))
        )
        if invisible and start is None:
            start = code
        elif not invisible and start is not None:
            end = code - 1
            ranges.append(f"\\u{start:04x}" + (f"-\\u{end:04x}" if end > start else ""))
            start = None
    return "".join(ranges)


INVISIBLE_CLASS = _invisible_ranges()
INVISIBLE = re.compile(f"[{INVISIBLE_CLASS}]")
# The document's pattern for free text: no invisible character anywhere.
VISIBLE_TEXT_PATTERN = f"^[^{INVISIBLE_CLASS}]*$"


def reject_invisible(value: str) -> None:
    if INVISIBLE.search(value):
        raise ValidationError(_("不能包含控制字符或不可见字符。"), code="control_characters")


class StrictIntegerField(forms.IntegerField):
    """Digits only (``5``; not ``5.0`` or `` 5``)."""

    def to_python(self, value):
        if value not in self.empty_values and not INTEGER.fullmatch(str(value)):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class StrictDateField(forms.DateField):
    """``YYYY-MM-DD`` only."""

    def to_python(self, value):
        if value not in self.empty_values and not DATE.fullmatch(str(value)):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class StrictIntegerParameter(serializers.IntegerField):
    def to_internal_value(self, data):
        if isinstance(data, str) and not INTEGER.fullmatch(data):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictDateTimeParameter(serializers.DateTimeField):
    """RFC 3339: with its offset (``2026-01-01T00:00:00+08:00``)."""

    def to_internal_value(self, value):
        if isinstance(value, str) and not DATE_TIME.fullmatch(value):
            self.fail("invalid", format="RFC 3339")
        return super().to_internal_value(value)
