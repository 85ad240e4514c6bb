"""Profiles: the embedded default needs nothing, production needs everything."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-key-for-the-test-only-0123456789",
    "ALLOWED_HOSTS": "gk.example.gov.cn",
    "DATABASE_URL": "postgres://cms@127.0.0.1:1/cms",
    "CELERY_BROKER_URL": "redis://127.0.0.1:1/0",
    "CACHE_URL": "redis://127.0.0.1:1/1",
    "WAGTAILADMIN_BASE_URL": "https://gk.example.gov.cn",
    # Test-only keys (manage.py security_keygen makes real ones).
    "PERSONAL_DATA_KEYS": "S0VZLWZvci10aGUtcHJvZHVjdGlvbi1wcm9maWxlLXQ=",
    "AUDIT_LOG_KEYS": "QVVESVQta2V5LWZvci10aGUtcHJvZmlsZS10ZXN0LTA=",
}
PRINT_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DATABASES['default']['ENGINE']); print(s.CELERY_TASK_ALWAYS_EAGER); "
    "print(s.WAGTAILSEARCH_BACKENDS['default']['BACKEND']); print(s.LANGUAGE_CODE, s.TIME_ZONE)"
)


def run_python(code: str, settings_module: str, **env) -> subprocess.CompletedProcess:
    clean_env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DATABASE_URL",
            "CELERY_BROKER_URL",
            "CACHE_URL",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "WAGTAILADMIN_BASE_URL",
            "PERSONAL_DATA_KEYS",
            "AUDIT_LOG_KEYS",
            "CI",
        }
    }
    clean_env.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean_env, capture_output=True, text=True
    )


def test_embedded_default_needs_no_environment():
    result = run_python(PRINT_SETTINGS, "cms.settings.dev")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:4] == [
        "django.db.backends.sqlite3",
        "True",
        "wagtail.search.backends.database.fallback",
        "zh-hans Asia/Shanghai",
    ]


@pytest.mark.parametrize(
    "missing",
    [
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DATABASE_URL",
        "CELERY_BROKER_URL",
        "CACHE_URL",
        "WAGTAILADMIN_BASE_URL",
        "PERSONAL_DATA_KEYS",
        "AUDIT_LOG_KEYS",
    ],
)
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}

    result = run_python(PRINT_SETTINGS, "cms.settings.production", **env)

    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_production_refuses_sqlite():
    env = {**PRODUCTION_ENV, "DATABASE_URL": "sqlite:///prod.sqlite3"}

    result = run_python(PRINT_SETTINGS, "cms.settings.production", **env)

    assert result.returncode != 0
    assert "必须指向 PostgreSQL" in result.stderr


def test_production_with_its_environment_uses_postgres_and_a_real_broker():
    result = run_python(PRINT_SETTINGS, "cms.settings.production", **PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["django.db.backends.postgresql", "False"]


def test_the_production_profile_passes_the_deployment_check():
    code = (
        "import sys, django; django.setup(); from django.core.management import call_command; "
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    result = run_python(code, "cms.settings.production", **PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


HTTPS_PROBE = """
import django; django.setup()
from django.test import Client
client = Client(HTTP_HOST="gk.example.gov.cn")
plain = client.get("/zhengwu/")
print(plain.status_code, plain["Location"])
print(client.get("/healthz").status_code)  # no database here: 503, but not redirected
secure = client.get("/healthz", HTTP_X_FORWARDED_PROTO="https")
print(secure["Strict-Transport-Security"])
policy = {d.strip() for d in secure["Content-Security-Policy"].split(";")}
print("default-src 'self'" in policy, "frame-ancestors 'none'" in policy)
print(secure["X-Content-Type-Options"], secure["Permissions-Policy"].split(",")[0])
print(secure["Referrer-Policy"], secure["Cross-Origin-Opener-Policy"], secure["X-Frame-Options"])
from django.conf import settings as c
print(c.SESSION_COOKIE_SECURE, c.CSRF_COOKIE_SECURE)
print(c.SESSION_COOKIE_HTTPONLY, c.SESSION_COOKIE_AGE)
"""


def test_production_answers_only_over_https_with_the_security_headers():
    result = run_python(HTTPS_PROBE, "cms.settings.production", **PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-8:] == [
        "301 https://gk.example.gov.cn/zhengwu/",
        "503",
        "max-age=31536000; includeSubDomains; preload",
        "True True",
        "nosniff camera=()",
        "same-origin same-origin DENY",
        "True True",
        "True 28800",
    ]


def test_the_reference_site_runs_the_plugins_periodic_jobs_with_celery_beat():
    from django.conf import settings

    from gov_disclosure.schedule import BEAT_SCHEDULE

    assert BEAT_SCHEDULE.items() <= settings.CELERY_BEAT_SCHEDULE.items()


SECURITY_PROBE = """
import django; django.setup()
from django.conf import settings as c
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from gov_disclosure.conf import disclosure_settings as d
print(d.TWO_FACTOR_REQUIRED, d.PASSWORD_MAX_AGE_DAYS, d.SESSION_IDLE_SECONDS, d.PASSWORD_HISTORY)
print("django_otp.middleware.OTPMiddleware" in c.MIDDLEWARE,
      "gov_disclosure.security.middleware.StaffSessionMiddleware" in c.MIDDLEWARE)
for password in ("zhuangshi2026", "Zhuangshi-2026"):
    try:
        validate_password(password)
        print("accepted")
    except ValidationError as error:
        print("refused", len(error.messages))
from gov_disclosure.core import crypto
print(len(crypto.personal_data_keys()), crypto.personal_data_keys()[0].secret[:3])
"""


def test_the_production_profile_holds_the_security_policy():
    """等保 2.0 level 3 in the production profile: a second factor for every staff member,
    passwords of three character classes expiring after 90 days, idle sessions ended after
    30 minutes, personal data under the key from the environment."""
    result = run_python(SECURITY_PROBE, "cms.settings.production", **PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "all 90 1800 5",
        "True True",
        "refused 1",
        "accepted",
        "1 b'KEY'",
    ]
