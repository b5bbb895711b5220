"""The settings modules: DEBUG only when asked for, the shared cache, the sign-in settings."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

from config.env import ImproperlyConfiguredEnvError

# Any text: the settings only carry it; sergur/common/signing.py parses it.
KEYS = "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n"


def load(module: str, monkeypatch: pytest.MonkeyPatch, **env: str) -> ModuleType:
    """A fresh import of a settings module under the given environment."""
    for name in (
        "SERGUR_DEBUG",
        "SERGUR_CACHE_URL",
        "SERGUR_TRUSTED_PROXIES",
        "SERGUR_SIGNING_KEYS",
        "SERGUR_SIGNING_KEYS_FILE",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    for name in [m for m in sys.modules if m.startswith("config.settings.")]:
        monkeypatch.delitem(sys.modules, name)
    return importlib.import_module(module)


@pytest.mark.parametrize("module", ["config.settings.local", "config.settings.base"])
def test_debug_is_off_unless_asked_for(monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    assert load(module, monkeypatch).DEBUG is False
    assert load(module, monkeypatch, SERGUR_DEBUG="1").DEBUG is True


def test_production_never_debugs(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = load(
        "config.settings.production",
        monkeypatch,
        SERGUR_DEBUG="1",
        SERGUR_SECRET_KEY="x" * 50,
        SERGUR_SIGNING_KEYS=KEYS,
    )

    assert settings.DEBUG is False


def test_the_cache_is_shared_a_table_by_default_and_redis_when_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    table = load("config.settings.local", monkeypatch).CACHES["default"]
    redis = load(
        "config.settings.production",
        monkeypatch,
        SERGUR_SECRET_KEY="x" * 50,
        SERGUR_SIGNING_KEYS=KEYS,
        SERGUR_CACHE_URL="redis://cache:6379/1",
    ).CACHES["default"]

    assert table["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert redis == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache:6379/1",
    }


def test_sign_in_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = load(
        "config.settings.base",
        monkeypatch,
        SERGUR_TRUSTED_PROXIES="10.0.0.1, 10.1.0.0/16",
        SERGUR_SIGNIN_FAILURE_LIMIT="3",
    )

    assert settings.SERGUR_TRUSTED_PROXIES == ["10.0.0.1", "10.1.0.0/16"]
    assert settings.AXES_FAILURE_LIMIT == 3
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]
    assert settings.AXES_HANDLER == "axes.handlers.cache.AxesCacheHandler"
    assert settings.SERGUR_REQUIRE_2FA is True


def test_production_needs_signing_keys_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with pytest.raises(ImproperlyConfiguredEnvError, match="SERGUR_SIGNING_KEYS"):
        load("config.settings.production", monkeypatch, SERGUR_SECRET_KEY="x" * 50)

    secret = tmp_path / "keys.pem"
    secret.write_text(KEYS)
    secret.chmod(0o600)
    settings = load(
        "config.settings.production",
        monkeypatch,
        SERGUR_SECRET_KEY="x" * 50,
        SERGUR_SIGNING_KEYS_FILE=str(secret),
    )
    assert settings.SERGUR_SIGNING_KEYS == KEYS

    secret.chmod(0o644)
    with pytest.raises(ImproperlyConfiguredEnvError, match="chmod 600"):
        load(
            "config.settings.production",
            monkeypatch,
            SERGUR_SECRET_KEY="x" * 50,
            SERGUR_SIGNING_KEYS_FILE=str(secret),
        )
