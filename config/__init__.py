"""Project configuration. The Celery app is loaded with Django so that `shared_task`
functions use it (config/celery.py)."""

from __future__ import annotations

from config.celery import app as celery_app

__all__ = ["celery_app"]
