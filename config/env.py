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
