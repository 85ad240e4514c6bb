"""Settings of bench/api.py: the production profile, with static files served plainly
(no collectstatic manifest in a throwaway run)."""

from cms.settings.production import *  # noqa: F403

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "var" / "bench" / "api-media"  # noqa: F405
