"""Component 6 of the instrument: academic achievement (competitions, coaching fellow
teachers and students)."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sergur.portfolios.sections.base import (
    LEVEL5,
    Field,
    Section,
    optional,
    year_field,
)


def _competition(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    out: dict[str, Any] = {"kind": v["kind"]}
    if v["kind"] == "competition":
        out["level"] = v["level"]
    return "competitions", optional(out, v, "name", "year")


def _peer_coaching(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    role = "instructor" if v["role"] == "instructor" else "core_teacher"
    return "peer_coaching", optional({"role": role}, v, "subject", "place")


def _student_coaching_won(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "student_coaching", optional({"won": True, "level": v["level"]}, v, "name")


def _student_coaching(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "student_coaching", optional({"won": False}, v, "name")


def _check_competition(values: dict[str, Any]) -> dict[str, Promise]:
    """A competition won names the highest level reached."""
    if values.get("kind") == "competition" and not values.get("level"):
        return {"level": _("A competition needs the highest level reached.")}
    return {}


SECTIONS: tuple[Section, ...] = (
    Section(
        key="competition",
        component=6,
        number="6.a",
        title=_("Competitions and academic works"),
        instruction=_("Competitions you won and monumental works, if any."),
        fields=(
            Field("name", _("Competition or work")),
            Field(
                "kind",
                _("Kind"),
                "choice",
                choices=(
                    ("competition", _("Competition won")),
                    ("monumental_education", _("Monumental work in education")),
                    ("monumental_other", _("Monumental work outside education")),
                ),
            ),
            Field("period", _("When held"), required=False, max_length=100),
            Field(
                "level",
                _("Highest level reached"),
                "choice",
                required=False,
                choices=LEVEL5,
                help_text=_("Required for a competition."),
            ),
            Field("organizer", _("Organiser"), required=False),
            year_field(required=False),
        ),
        code_prefix="6.a",
        label_style="number",
        to_schema=_competition,
        note=_("Attach certificates legalised by your superior."),
        check=_check_competition,
    ),
    Section(
        key="peer_coaching",
        component=6,
        number="6.b",
        title=_("Coaching fellow teachers"),
        instruction=_("Your work as instructor, core teacher, tutor or guide, if any."),
        fields=(
            Field("subject", _("Subject")),
            Field(
                "role",
                _("Role"),
                "choice",
                choices=(
                    ("instructor", _("Instructor")),
                    ("core_teacher", _("Core teacher (guru inti)")),
                    ("tutor", _("Tutor")),
                    ("guide", _("Guide (pemandu)")),
                ),
            ),
            Field("place", _("Place")),
        ),
        code_prefix="6.b",
        label_style="number",
        to_schema=_peer_coaching,
        note=_("Attach the decree or letter of assignment, legalised by your superior."),
    ),
    Section(
        key="student_coaching_won",
        component=6,
        number="6.c.1)",
        title=_("Coaching students to an award"),
        instruction=_("Students you coached until they won, at any level."),
        fields=(
            Field("name", _("Championship")),
            Field("level", _("Level"), "choice", choices=LEVEL5),
            Field("place_time", _("Place and time"), required=False),
        ),
        code_prefix="6.c.1)",
        label_style="letter_paren",
        to_schema=_student_coaching_won,
        note=_("Attach the students' certificates and your letter of assignment."),
    ),
    Section(
        key="student_coaching",
        component=6,
        number="6.c.2)",
        title=_("Coaching students (no award)"),
        instruction=_("Students you coached in academic or other activities without a win."),
        fields=(
            Field("name", _("Activity")),
            Field("place", _("Place"), required=False),
            Field("duration", _("How long"), required=False, max_length=100),
        ),
        code_prefix="6.c.2)",
        label_style="letter_paren",
        to_schema=_student_coaching,
        note=_("Attach the decree or letter of assignment, legalised by your superior."),
    ),
)
