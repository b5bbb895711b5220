"""Component 9 of the instrument: organisation experience and additional duties."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from sergur.portfolios.sections.base import (
    LEVEL6,
    Field,
    Section,
    optional,
    year_field,
    years_in_order,
)


def _organization(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    out = {"type": v["type"], "level": v["level"], "years": v["years"]}
    return "organizations", optional(out, v, "name", "position")


def _additional_duty(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    years = max(int(v["end_year"]) - int(v["start_year"]), 0)
    return "additional_duties", optional({"role": v["role"], "years": years}, v, "school")


SECTIONS: tuple[Section, ...] = (
    Section(
        key="organization",
        component=9,
        number="9.a",
        title=_("Organisation experience"),
        instruction=_("Officer posts in education or social organisations."),
        fields=(
            Field("name", _("Organisation")),
            Field("period", _("Years (e.g. 2001–2005)"), max_length=50),
            Field("position", _("Position")),
            Field("level", _("Level"), "choice", choices=LEVEL6),
            Field(
                "type",
                _("Kind of organisation"),
                "choice",
                choices=(("education", _("Education")), ("social", _("Social"))),
            ),
            Field("years", _("Years in office"), "int", min_value=0, max_value=60),
        ),
        code_prefix="9.a",
        label_style="number",
        to_schema=_organization,
        note=_("Attach the decree or letter, legalised by your superior."),
    ),
    Section(
        key="additional_duty",
        component=9,
        number="9.b",
        title=_("Additional duties"),
        instruction=_(
            "Principal, vice-principal, head of department, laboratory or workshop, "
            "extracurricular advisor."
        ),
        fields=(
            Field(
                "role",
                _("Post"),
                "choice",
                choices=(
                    ("principal", _("Principal")),
                    (
                        "vice_principal",
                        _("Vice-principal, head of department, laboratory or workshop"),
                    ),
                    ("extracurricular_advisor", _("Extracurricular advisor")),
                ),
            ),
            year_field("start_year", _("From year")),
            year_field("end_year", _("Until year")),
            Field("school", _("School")),
        ),
        code_prefix="9.b",
        label_style="number",
        to_schema=_additional_duty,
        note=_("Attach the decree or letter, legalised by your superior."),
        check=years_in_order,
    ),
)
