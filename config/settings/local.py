"""The embedded default: SQLite, local files, tasks inline; DEBUG only when asked for
(SERGUR_DEBUG=1), so a 404 or an error shows the site's own page, never the URL list or a
traceback."""

from __future__ import annotations

from config.env import env_bool
from config.settings.base import *  # noqa: F403

DEBUG = env_bool("SERGUR_DEBUG", False)
# Without DEBUG, runserver serves no static files: WhiteNoise serves them straight from the
# source folders (no collectstatic), right after the security middleware.
MIDDLEWARE = [*MIDDLEWARE[:1], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
