"""Headless Chromium for the assessment's end-to-end tests: the portfolio tests' fixture (the
system browser, never a downloaded one)."""

from __future__ import annotations

from sergur.portfolios.tests.e2e.conftest import browser

__all__ = ["browser"]
