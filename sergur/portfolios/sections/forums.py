"""Component 8 of the instrument: scientific forums."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from sergur.portfolios.sections.base import (
    LEVEL5,
    Field,
    Section,
    optional,
    year_field,
)


def _forum(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "forums", optional({"level": v["level"], "role": v["role"]}, v, "name", "year")


SECTIONS: tuple[Section, ...] = (
    Section(
        key="forum",
        component=8,
        number="8",
        title=_("Scientific forums"),
        instruction=_("Seminars, workshops and other scientific forums you took part in."),
        fields=(
            Field("name", _("Kind of activity")),
            year_field(),
            Field(
                "role",
                _("Role"),
                "choice",
                choices=(("speaker", _("Speaker")), ("participant", _("Participant"))),
            ),
            Field("level", _("Level"), "choice", choices=LEVEL5),
        ),
        code_prefix="8",
        label_style="letter",
        to_schema=_forum,
        note=_(
            "Attach the certificates (and the paper if you were a speaker), legalised by your "
            "superior."
        ),
    ),
)
