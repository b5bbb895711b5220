"""Fixtures of the command-line tests."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable

import pytest


@pytest.fixture(autouse=True)
def _no_extra_years(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the shipped programme years, whatever the environment of the test run says."""
    monkeypatch.delenv("SERGUR_YEARS_DIR", raising=False)


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> Callable[[bytes], None]:
    """Give the bytes to standard input."""

    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))

    return feed
