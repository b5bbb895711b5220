"""Typed reads of the environment fail fast with the variable's name."""

from __future__ import annotations

import pytest

from config.env import ImproperlyConfiguredEnvError, env_int


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
