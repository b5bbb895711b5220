"""Every read of the environment, in one place; typed reads that fail fast."""

from __future__ import annotations

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


class ImproperlyConfiguredEnvError(RuntimeError):
    """An environment variable holds a value that cannot be used."""


def env_str(name: str, default: str | None = None) -> str:
    """Return the variable, or the default; fail when neither exists."""
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfiguredEnvError(f"environment variable {name} is required")
    return value


def env_bool(name: str, default: bool) -> bool:
    """Read yes/no values written as 1/0, true/false, yes/no, on/off."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfiguredEnvError(f"environment variable {name} must be a yes/no value")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    """Read a whole number, at least `minimum`."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfiguredEnvError(
            f"environment variable {name} must be a whole number"
        ) from None
    if value < minimum:
        raise ImproperlyConfiguredEnvError(f"environment variable {name} must be >= {minimum}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated list."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]


def env_secret_file(name: str) -> str:
    """Read the file the variable names (empty text when the variable is unset). The file must
    be readable by its owner only: one that its group or others may read is refused."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return ""
    path = Path(raw)
    try:
        mode = path.stat().st_mode
    except OSError:
        raise ImproperlyConfiguredEnvError(
            f"environment variable {name} names a file that cannot be read"
        ) from None
    if mode & 0o077:
        raise ImproperlyConfiguredEnvError(
            f"environment variable {name} names a file that its group or others may read or"
            f" write (mode {mode & 0o777:o}); allow its owner only (chmod 600)"
        )
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise ImproperlyConfiguredEnvError(
            f"environment variable {name} names a file that cannot be read"
        ) from None


def mailers_from_env(*, default_backend: str) -> dict[str, dict[str, object]]:
    """Django's MAILERS setting from the environment: SERGUR_EMAIL_BACKEND (else
    `default_backend`) and, for the SMTP backend, SERGUR_EMAIL_HOST, _PORT, _HOST_USER,
    _HOST_PASSWORD and _USE_TLS."""
    backend = env_str("SERGUR_EMAIL_BACKEND", default_backend)
    options: dict[str, object] = {}
    if backend.endswith(".smtp.EmailBackend"):
        options = {
            "host": env_str("SERGUR_EMAIL_HOST", "localhost"),
            "port": env_int("SERGUR_EMAIL_PORT", 587, minimum=1),
            "username": env_str("SERGUR_EMAIL_HOST_USER", ""),
            "password": env_str("SERGUR_EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("SERGUR_EMAIL_USE_TLS", True),
        }
    return {"default": {"BACKEND": backend, "OPTIONS": options}}
