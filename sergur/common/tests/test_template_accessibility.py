"""Two accessibility faults of a kind axe-core found in the browser tests, caught in every
template without a browser: a list given another role loses its list semantics (its items are
then orphans), and a sideways-scrolling box must be reachable by keyboard."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
TEMPLATES = sorted([*ROOT.glob("templates/**/*.html"), *ROOT.glob("sergur/*/templates/**/*.html")])
LIST_WITH_ROLE = re.compile(r"<(ul|ol)\b[^>]*\brole=", re.IGNORECASE)
SCROLL_BOX = re.compile(r"<div\b[^>]*\bclass=\"[^\"]*\boverflow-auto\b[^\"]*\"[^>]*>")


def test_the_templates_are_found() -> None:
    assert len(TEMPLATES) > 50


def test_no_list_is_given_another_role() -> None:
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in TEMPLATES
        for match in LIST_WITH_ROLE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_every_scrolling_box_takes_the_keyboard_focus() -> None:
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in TEMPLATES
        for match in SCROLL_BOX.finditer(path.read_text(encoding="utf-8"))
        if 'tabindex="0"' not in match.group(0)
    ]
    assert found == []
