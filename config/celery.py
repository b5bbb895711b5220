"""The Celery app of sergur (docs/sources/design.md: Celery on Redis, eager in the embedded
default).

Tasks live in each app's `tasks.py` and are found by autodiscovery. In the embedded default
(and in tests) CELERY_TASK_ALWAYS_EAGER is on: a task runs inline in the process that queues
it, so no broker and no worker are needed. A deployment sets SERGUR_CELERY_EAGER=0 and
SERGUR_CELERY_BROKER_URL=redis://... and runs `celery -A config worker`.
"""

from __future__ import annotations

import os

from celery import Celery

# Production, as in wsgi.py and asgi.py: a worker is a deployed process like them, and as
# config/__init__.py imports this module first, this default is theirs too. manage.py sets
# the local settings before it gets here.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

app = Celery("sergur")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
