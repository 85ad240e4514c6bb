"""Listing columns of the admin."""

import datetime

from wagtail.admin.ui.tables import Column


class DayColumn(Column):
    """A calendar day as written (``2026-12-07``). Wagtail's ``DateColumn`` says how long
    ago, which for a day is counted from its midnight: a request received a minute ago
    would read "22 小时 之前"."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return value.isoformat() if isinstance(value, datetime.date) else (value or "—")
