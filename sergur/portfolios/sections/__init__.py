"""The tables of the 2007 portfolio instrument (Buku II, docs/instrument-2007.md) as data.

Each section is one table of the instrument: its columns (the fields a teacher fills), how its
rows are labelled (and so its evidence codes), and how a filled row becomes an entry of the
`sergur.portfolio/1` file that the rules core scores. Beside the printed columns, a section
asks for the facts the rubric scores by (level, relevance, education degree...), which the
paper instrument left to the assessor; the assessors confirm or override them.

One module per component (or group of components) holds its tables, their conversions and
their cross-checks; `base` holds what every table is made of. This package joins them in the
instrument's order.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext

from sergur.portfolios.sections import (
    achievement,
    awards,
    forums,
    organisation,
    qualification,
    teaching,
    training,
    works,
)
from sergur.portfolios.sections.base import Field, Kind, LabelStyle, Section, letters, parse_date
from sergur.portfolios.sections.qualification import QUALIFICATION_ROWS

SECTIONS: tuple[Section, ...] = (
    *qualification.SECTIONS,
    *training.SECTIONS,
    *teaching.SECTIONS,
    *achievement.SECTIONS,
    *works.SECTIONS,
    *forums.SECTIONS,
    *organisation.SECTIONS,
    *awards.SECTIONS,
)

BY_KEY = {section.key: section for section in SECTIONS}

__all__ = [
    "BY_KEY",
    "QUALIFICATION_ROWS",
    "SECTIONS",
    "Field",
    "Kind",
    "LabelStyle",
    "Section",
    "code_meaning",
    "codes",
    "cross_check",
    "letters",
    "parse_date",
    "section",
]


def codes(section: Section, rows: list[dict[str, Any]]) -> list[str]:
    """The evidence codes of a table's rows, in order.

    Component 1 has one printed row per level (a D4, b S1, c PGD, d S2, e S3); a further degree
    of the same level gets a numbered sub-row (1.b.2)), as the seed gives no scheme for it.
    """
    if section.key != "qualification":
        return [section.code(position) for position in range(len(rows))]
    seen: dict[str, int] = {}
    out = []
    for row in rows:
        letter = QUALIFICATION_ROWS.get(str(row.get("level")), "x")
        seen[letter] = seen.get(letter, 0) + 1
        count = seen[letter]
        out.append(f"1.{letter}" if count == 1 else f"1.{letter}.{count})")
    return out


def code_meaning(section: Section, label: str, code: str) -> str:
    """What a row's evidence code stands for, beside the row's own label, so a teacher sees
    how "row a" of the table relates to the instrument's "1.b" (docs/instrument-2007.md,
    component 1: one printed row per level, whatever the order the teacher lists them in)."""
    if section.key != "qualification":
        return gettext("row %(label)s of table %(number)s") % {
            "label": label,
            "number": section.number,
        }
    parts = code.split(".")
    letter = parts[1] if len(parts) > 1 else "x"
    level = next((lvl for lvl, row in QUALIFICATION_ROWS.items() if row == letter), None)
    if level is None:
        return gettext("choose the level: the code follows it (your row %(label)s)") % {
            "label": label
        }
    names = dict(section.fields[0].choices)
    words = {"level": names.get(level, level), "letter": letter, "label": label}
    if len(parts) > 2:
        words["count"] = parts[2].rstrip(")")
        return (
            gettext(
                "%(level)s no. %(count)s: under the instrument's row %(letter)s "
                "(your row %(label)s)"
            )
            % words
        )
    return gettext("%(level)s: the instrument's row %(letter)s (your row %(label)s)") % words


def cross_check(section: Section, values: dict[str, Any]) -> dict[str, Promise]:
    """Rules between the columns of one row (each table's own `check`); field name → message."""
    return section.check(values) if section.check is not None else {}


def section(key: str) -> Section:
    """The section with this key; KeyError for an unknown one."""
    return BY_KEY[key]
