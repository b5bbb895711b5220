"""Component 2 of the instrument: education and training (diklat)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from sergur.portfolios.sections.base import (
    LEVEL5,
    YES_NO,
    Field,
    Section,
    optional,
    year_field,
    yes,
)


def _training(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    out = {"hours": v["hours"], "level": v["level"], "relevant": yes(v["relevant"])}
    return "trainings", optional(out, v, "name", "organizer", "year")


SECTIONS: tuple[Section, ...] = (
    Section(
        key="training",
        component=2,
        number="2",
        title=_("Education and training (diklat)"),
        instruction=_("Write the education and training you have attended."),
        fields=(
            Field("name", _("Name / kind of training")),
            Field("place", _("Place"), required=False),
            Field("period", _("When held"), required=False, max_length=100),
            Field("hours", _("Hours"), "int", min_value=0, max_value=100000),
            Field("organizer", _("Organiser")),
            year_field(),
            Field("level", _("Level"), "choice", choices=LEVEL5),
            Field("relevant", _("Relevant to your subject"), "choice", choices=YES_NO),
        ),
        code_prefix="2",
        label_style="letter",
        to_schema=_training,
        note=_("Attach certificates, charters or letters legalised by your direct superior."),
    ),
)
