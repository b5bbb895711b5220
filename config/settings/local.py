"""The embedded default: SQLite, local files, tasks inline, debug on loopback."""

from __future__ import annotations

from config.settings.base import *  # noqa: F403

DEBUG = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
