"""Password validators for AUTH_PASSWORD_VALIDATORS (added by ``configure``): a mix of
character classes, and none of the user's last passwords again. Length, common passwords
and likeness to the user's name are Django's own validators."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gov_disclosure.conf import disclosure_settings

from .sign_in import password_used_before

CLASSES = (
    (str.islower, "小写字母"),
    (str.isupper, "大写字母"),
    (str.isdigit, "数字"),
)


def _classes(password: str) -> int:
    found = {name for test, name in CLASSES for char in password if test(char)}
    others = any(not (char.islower() or char.isupper() or char.isdigit()) for char in password)
    return len(found) + others


class CharacterClassesValidator:
    """At least ``PASSWORD_CHARACTER_CLASSES`` of: lower case, upper case, digits, others."""

    def validate(self, password, user=None):
        wanted = disclosure_settings.PASSWORD_CHARACTER_CLASSES
        if _classes(password) < wanted:
            raise ValidationError(
                _("密码须至少包含小写字母、大写字母、数字、符号中的 %(count)s 种。")
                % {"count": wanted},
                code="password_too_simple",
            )

    def get_help_text(self):
        return _("密码须至少包含小写字母、大写字母、数字、符号中的 %(count)s 种。") % {
            "count": disclosure_settings.PASSWORD_CHARACTER_CLASSES
        }


class PasswordHistoryValidator:
    """Not one of the user's last ``PASSWORD_HISTORY`` passwords."""

    def validate(self, password, user=None):
        if user is not None and password_used_before(user, password):
            count = disclosure_settings.PASSWORD_HISTORY
            raise ValidationError(
                _("不能使用最近用过的 %(count)s 个密码。") % {"count": count},
                code="password_reused",
            )

    def get_help_text(self):
        return _("不能使用最近用过的 %(count)s 个密码。") % {
            "count": disclosure_settings.PASSWORD_HISTORY
        }
