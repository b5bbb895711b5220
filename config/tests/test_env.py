"""Typed reads of the environment fail fast with the variable's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.env import ImproperlyConfiguredEnvError, env_int, env_secret_file


def test_env_int_reads_a_whole_number(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SERGUR_TEST_N", " 4 ")
    assert env_int("SERGUR_TEST_N", 1) == 4
    monkeypatch.delenv("SERGUR_TEST_N")
    assert env_int("SERGUR_TEST_N", 1) == 1


@pytest.mark.parametrize("raw", ["two", "1.5", ""])
def test_env_int_refuses_what_is_not_a_whole_number(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv("SERGUR_TEST_N", raw)
    with pytest.raises(ImproperlyConfiguredEnvError, match="SERGUR_TEST_N must be a whole"):
        env_int("SERGUR_TEST_N", 1)


def test_env_int_refuses_less_than_the_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SERGUR_TEST_N", "0")
    with pytest.raises(ImproperlyConfiguredEnvError, match=">= 1"):
        env_int("SERGUR_TEST_N", 1, minimum=1)


def test_a_secrets_file_readable_by_its_owner_only_is_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    secret = tmp_path / "keys.pem"
    secret.write_text("the secret")
    secret.chmod(0o600)
    monkeypatch.setenv("SERGUR_TEST_FILE", str(secret))

    assert env_secret_file("SERGUR_TEST_FILE") == "the secret"
    monkeypatch.delenv("SERGUR_TEST_FILE")
    assert env_secret_file("SERGUR_TEST_FILE") == ""


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o660, 0o644, 0o602])
def test_a_secrets_file_the_group_or_others_may_read_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, mode: int
) -> None:
    secret = tmp_path / "keys.pem"
    secret.write_text("the secret")
    secret.chmod(mode)
    monkeypatch.setenv("SERGUR_TEST_FILE", str(secret))

    with pytest.raises(ImproperlyConfiguredEnvError, match=f"SERGUR_TEST_FILE .*mode {mode:o}"):
        env_secret_file("SERGUR_TEST_FILE")


def test_a_missing_secrets_file_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SERGUR_TEST_FILE", str(tmp_path / "absent.pem"))

    with pytest.raises(ImproperlyConfiguredEnvError, match="SERGUR_TEST_FILE names a file"):
        env_secret_file("SERGUR_TEST_FILE")
