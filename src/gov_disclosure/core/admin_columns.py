"""Listing columns of the admin."""

import datetime

from wagtail.admin.ui.tables import Column

from .people import person_name


class DayColumn(Column):
    """A calendar day as written (``2026-12-07``). Wagtail's ``DateColumn`` says how long
    ago, which for a day is counted from its midnight: a request received a minute ago
    would read "22 小时 之前"."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return value.isoformat() if isinstance(value, datetime.date) else (value or "—")


class PersonColumn(Column):
    """A member of staff by their name (the user name only when none is set)."""

    def get_value(self, instance):
        return person_name(super().get_value(instance)) or "—"
