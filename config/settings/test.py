"""Test settings: fast hasher, locmem cache, in-memory files.

`make pytest` runs the suite in two processes (pytest-xdist, the Makefile); each has
its own database (pytest-django adds the worker's name to the test database's), its own
cache (local memory) and, below, its own folder for the files the embedded default makes on
first use, so no process reads or races to create another's."""

from __future__ import annotations

from config.env import BASE_DIR, env_str
from config.settings.base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {**CACHES, "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}  # noqa: F405
SILENCED_SYSTEM_CHECKS = [
    # axes.W001 (the lockout needs a shared cache): the test client runs in one process, so
    # the process's own memory is shared by every request of a test.
    "axes.W001",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# var/test/<worker>/ (gw0, gw1, … under pytest-xdist; `main` in a plain run): the signing
# and PAdES keys made on first use, and any file written under MEDIA_ROOT. Kept apart from
# the files of `make run` in var/ as well.
TEST_FILES_DIR = BASE_DIR / "var" / "test" / env_str("PYTEST_XDIST_WORKER", "main")
MEDIA_ROOT = TEST_FILES_DIR / "media"
SERGUR_SIGNING_KEY_FILE = str(TEST_FILES_DIR / "signing-key.pem")
SERGUR_PADES_KEY_FILE = str(TEST_FILES_DIR / "pades-key.pem")
SERGUR_PADES_CERT_FILE = str(TEST_FILES_DIR / "pades-cert.pem")
