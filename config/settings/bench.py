"""The benchmark (bench/portfolio_pages.py): production settings served over plain HTTP on
loopback, with its files kept apart from the embedded default's."""

from __future__ import annotations

from pathlib import Path

from config.env import BASE_DIR, env_str
from config.settings.production import *  # noqa: F403

DEBUG = False
# The site's URLs plus a trivial view, the yardstick the portfolio pages are compared with.
ROOT_URLCONF = "config.urls_bench"
# Evidence, collected static files and the receipt key of the benchmark's own district.
MEDIA_ROOT = Path(env_str("SERGUR_MEDIA_ROOT", str(BASE_DIR / "var" / "bench" / "media")))
STATIC_ROOT = Path(env_str("SERGUR_STATIC_ROOT", str(BASE_DIR / "var" / "bench" / "static")))
# Quiet request logs: the benchmark prints its own figures.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
# The benchmark measures pages, not the sign-in lockout: each server process counts in its own
# memory, and no cache table is needed.
CACHES = {**CACHES, "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}  # noqa: F405
SILENCED_SYSTEM_CHECKS = [
    *SILENCED_SYSTEM_CHECKS,  # noqa: F405
    # axes.W001 (the lockout needs a shared cache): see CACHES just above.
    "axes.W001",
]
