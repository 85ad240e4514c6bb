"""The embedded default: SQLite, eager Celery, database search; no service needed."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# A fixed key is harmless here: dev never serves the public.
SECRET_KEY = env("SECRET_KEY", default="dev-only-not-secret-9f3c1e0b7a")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
