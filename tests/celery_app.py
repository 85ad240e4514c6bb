"""The test site's Celery app (``celery -A tests.celery_app worker`` in the worker tests)."""

from celery import Celery

app = Celery("tests")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
