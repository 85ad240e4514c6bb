from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """What 等保 2.0 and the 个人信息保护法 ask of the platform itself: two-factor sign-in,
    the password policy and lock-out, idle sessions ended, the audit log sealed in a keyed
    hash chain and kept, and every look at personal data recorded."""

    name = "gov_disclosure.security"
    label = "disclosure_security"
    verbose_name = _("安全")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, signal_handlers  # noqa: F401
