# The test site's Celery app, made when its settings load (as a project's __init__ does).
from .celery_app import app as celery_app

__all__ = ["celery_app"]
