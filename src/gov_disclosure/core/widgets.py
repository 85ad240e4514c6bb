"""Form widgets the browser's own pickers understand.

A ``<input type="date">`` accepts only ``YYYY-MM-DD`` (and ``datetime-local`` only
``YYYY-MM-DDTHH:MM``): rendered in the active language's format (``2026/12/06`` in
Chinese) the browser shows the field empty and submits nothing."""

from django import forms


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")
