"""Changing the plugin's options (``GOV_DISCLOSURE``) in a test."""


class DisclosureSettingsOverride:
    """Sets keys of ``GOV_DISCLOSURE`` through pytest-django's ``settings`` fixture, which
    restores them after the test."""

    def __init__(self, settings):
        object.__setattr__(self, "_settings", settings)

    def __setattr__(self, name, value):
        from gov_disclosure.conf import DEFAULTS

        assert name in DEFAULTS, f"GOV_DISCLOSURE has no setting {name}"
        current = getattr(self._settings, "GOV_DISCLOSURE", {})
        self._settings.GOV_DISCLOSURE = {**current, name: value}

    def __getattr__(self, name):
        from gov_disclosure.conf import disclosure_settings

        return getattr(disclosure_settings, name)
