"""Test profile: PostgreSQL when DATABASE_URL is set (CI), SQLite otherwise."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "test-media")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)

GOV_DISCLOSURE["SEARCH_INDEX_PREFIX"] = env("SEARCH_INDEX_PREFIX", default="disclosure-test-")  # noqa: F405
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "var" / "test-private")
STORAGES["private"]["OPTIONS"]["location"] = str(PRIVATE_MEDIA_ROOT)  # noqa: F405
