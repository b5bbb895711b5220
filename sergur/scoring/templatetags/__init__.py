"""Template filters of the scoring page."""

from __future__ import annotations
