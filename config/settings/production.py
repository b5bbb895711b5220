"""Production: secrets and hosts only from the environment, hardened cookies."""

from __future__ import annotations

from config.env import env_bool, env_list, env_str
from config.settings.base import *  # noqa: F403

SECRET_KEY = env_str("SERGUR_SECRET_KEY")
ALLOWED_HOSTS = env_list("SERGUR_ALLOWED_HOSTS", [])
SECURE_SSL_REDIRECT = env_bool("SERGUR_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
# WhiteNoise serves the collected static files right after the security middleware.
MIDDLEWARE = [*MIDDLEWARE[:1], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
