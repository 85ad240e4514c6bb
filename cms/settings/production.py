"""Production profile: every secret and service comes from the environment.

There is deliberately no default for SECRET_KEY, DATABASE_URL, CELERY_BROKER_URL,
ALLOWED_HOSTS or WAGTAILADMIN_BASE_URL, so a misconfigured server refuses to start
instead of running on SQLite with a guessable key.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, PRIVATE_STORAGE, _two_factor_rule, env

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
# base.py built DATABASES from DATABASE_URL; here it must have been set, to PostgreSQL.
env("DATABASE_URL")
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("生产环境 DATABASE_URL 必须指向 PostgreSQL (postgres://…)")

# The site's public address (https://gk.example.gov.cn): pages, the sitemap, feeds, the APIs
# and mails name it. `manage.py site_origin` makes the default Wagtail site follow it, and
# `migrate` warns while the two differ.
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = env("WAGTAILADMIN_BASE_URL")

CELERY_BROKER_URL = env("CELERY_BROKER_URL")
# Shared by all workers (Redis): API rate limits count across processes.
CACHES = {"default": env.cache("CACHE_URL")}
GOV_DISCLOSURE["PAGE_CACHE_SECONDS"] = env.int("PAGE_CACHE_SECONDS", default=300)  # noqa: F405
CELERY_TASK_ALWAYS_EAGER = False

# Production documents never share names with a development index on the same engine.
GOV_DISCLOSURE["SEARCH_INDEX_PREFIX"] = env("SEARCH_INDEX_PREFIX", default="disclosure-")  # noqa: F405

CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# HTTPS only. Behind a TLS-terminating proxy, Django learns the scheme from this header;
# the load balancer's health check may stay on plain HTTP.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Only a hint: the domain enters browsers' preload lists when its owner submits it.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
# A staff session ends after a working day, and after 30 minutes without a request
# (等保 2.0: 登录连接超时自动退出).
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)

# 等保 2.0 level 3: every staff member signs in with a second factor, passwords expire after
# 90 days, and the keys of personal data and of the audit log come from the environment.
GOV_DISCLOSURE.update(  # noqa: F405
    {
        "TWO_FACTOR_REQUIRED": _two_factor_rule(env("TWO_FACTOR_REQUIRED", default="all")),
        "PASSWORD_MAX_AGE_DAYS": env.int("PASSWORD_MAX_AGE_DAYS", default=90),
        "SESSION_IDLE_SECONDS": env.int("SESSION_IDLE_SECONDS", default=30 * 60),
        "PERSONAL_DATA_KEYS": env.list("PERSONAL_DATA_KEYS"),
        "AUDIT_LOG_KEYS": env.list("AUDIT_LOG_KEYS"),
    }
)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="noreply@localhost")
