"""Settings of bench/api.py: the production profile, with static files served plainly
(no collectstatic manifest in a throwaway run)."""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import PRIVATE_STORAGE

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "var" / "bench" / "api-media"  # noqa: F405
