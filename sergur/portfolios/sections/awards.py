"""Component 10 of the instrument: awards and service in a special area."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from sergur.portfolios.sections.base import (
    LEVEL4,
    Field,
    Section,
    optional,
    year_field,
    years_in_order,
)


def _award(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "awards", optional({"level": v["level"]}, v, "name", "giver", "year")


def _special_area(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    years = max(int(v["end_year"]) - int(v["start_year"]), 0)
    return "special_area_service", optional({"years": years}, v, "kind", "location")


SECTIONS: tuple[Section, ...] = (
    Section(
        key="award",
        component=10,
        number="10.a",
        title=_("Awards"),
        instruction=_("Awards in education you have received."),
        fields=(
            Field("name", _("Kind of award")),
            Field("giver", _("Given by")),
            Field("level", _("Level"), "choice", choices=LEVEL4),
            year_field(),
        ),
        code_prefix="10.a",
        label_style="number",
        to_schema=_award,
        note=_("Attach the certificates or letters, legalised by your superior."),
    ),
    Section(
        key="special_area_service",
        component=10,
        number="10.b",
        title=_("Service in a special area"),
        instruction=_("Postings in a remote, underdeveloped, disaster, conflict or border area."),
        fields=(
            Field("location", _("Location")),
            Field(
                "kind",
                _("Kind of area"),
                "choice",
                choices=(
                    ("remote", _("Remote (terpencil)")),
                    ("underdeveloped", _("Underdeveloped (tertinggal)")),
                    ("disaster", _("Disaster (bencana)")),
                    ("conflict", _("Conflict (konflik)")),
                    ("border", _("Border (perbatasan)")),
                ),
            ),
            year_field("start_year", _("From year")),
            year_field("end_year", _("Until year")),
        ),
        code_prefix="10.b",
        label_style="number",
        to_schema=_special_area,
        note=_("Attach the posting decree, legalised by your superior."),
        check=years_in_order,
    ),
)
