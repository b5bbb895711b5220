"""Production: secrets and hosts only from the environment, hardened cookies; `manage.py
check --deploy` is clean with these settings (CI runs it)."""

from __future__ import annotations

from config.env import ImproperlyConfiguredEnvError, env_bool, env_list, env_str, mailers_from_env
from config.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env_str("SERGUR_SECRET_KEY")
ALLOWED_HOSTS = env_list("SERGUR_ALLOWED_HOSTS", [])
# Signing keys come from the environment or a secrets file, never from a file under var/.
if not SERGUR_SIGNING_KEYS:  # noqa: F405
    raise ImproperlyConfiguredEnvError(
        "production needs SERGUR_SIGNING_KEYS or SERGUR_SIGNING_KEYS_FILE (docs/security.md)"
    )
# Mail goes out by SMTP unless SERGUR_EMAIL_BACKEND names another backend: SERGUR_EMAIL_HOST,
# _PORT, _HOST_USER, _HOST_PASSWORD, _USE_TLS (and _FROM).
MAILERS = mailers_from_env(default_backend="django.core.mail.backends.smtp.EmailBackend")
SECURE_SSL_REDIRECT = env_bool("SERGUR_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The proxy terminates TLS and says so in X-Forwarded-Proto; only honoured behind a proxy.
if SERGUR_TRUSTED_PROXIES:  # noqa: F405
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SILENCED_SYSTEM_CHECKS = [
    # security.W021 (HSTS preload): entering the browsers' preload list is a decision for the
    # owner of the whole domain (for go.id, the ministry), not for one application's settings.
    "security.W021",
]
# WhiteNoise serves the collected static files right after the security middleware.
MIDDLEWARE = [*MIDDLEWARE[:1], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
