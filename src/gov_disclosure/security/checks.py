"""System checks of the security settings: keys that parse, a known suite and roles, and
(with --deploy) real keys rather than ones derived from SECRET_KEY."""

from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured

from gov_disclosure.conf import disclosure_settings
from gov_disclosure.core import crypto
from gov_disclosure.pages.roles import DISTRICT_OFFICE, ROLES

from .sign_in import SUPERUSER

KEY_READERS = (crypto.personal_data_keys, crypto.backup_keys, crypto.audit_log_keys)


@register()
def security_settings(app_configs, **kwargs):
    errors = []
    for read in KEY_READERS:
        try:
            read()
        except ImproperlyConfigured as error:
            errors.append(Error(str(error), id="gov_disclosure.E040"))
    if disclosure_settings.CRYPTOGRAPHY not in crypto.SUITES:
        errors.append(
            Error(
                "GOV_DISCLOSURE['CRYPTOGRAPHY'] 只能是 standard 或 national。",
                id="gov_disclosure.E041",
            )
        )
    rule = disclosure_settings.TWO_FACTOR_REQUIRED
    if rule not in ("all", "none") and rule:
        unknown = set(rule) - {*ROLES, DISTRICT_OFFICE, SUPERUSER}
        if isinstance(rule, str) or unknown:
            errors.append(
                Error(
                    f"GOV_DISCLOSURE['TWO_FACTOR_REQUIRED'] 须为 all、none 或角色名列表；"
                    f"不认识：{', '.join(sorted(unknown)) if not isinstance(rule, str) else rule}",
                    id="gov_disclosure.E042",
                )
            )
    return errors


@register(Tags.security, deploy=True)
def security_deployment(app_configs, **kwargs):
    warnings = []
    for name in ("PERSONAL_DATA_KEYS", "AUDIT_LOG_KEYS"):
        if not getattr(disclosure_settings, name):
            warnings.append(
                Warning(
                    f"GOV_DISCLOSURE['{name}'] 未设置：密钥由 SECRET_KEY 派生，只适合开发环境。",
                    hint="用 manage.py security_keygen 生成密钥，从环境变量读入。",
                    id="gov_disclosure.W040",
                )
            )
    return warnings
