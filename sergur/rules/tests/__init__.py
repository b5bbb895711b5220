"""Tests of the rules core: plain pytest, no database, no Django."""

from __future__ import annotations
