"""Tests of the `sergur` command line."""

from __future__ import annotations
