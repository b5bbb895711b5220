"""Component 1 of the instrument: academic qualification (Buku II; docs/instrument-2007.md)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sergur.portfolios.sections.base import (
    YES_NO,
    Field,
    Section,
    optional,
    year_field,
    yes,
)

QUALIFICATION_ROWS = {"D4": "a", "S1": "b", "PGD": "c", "S2": "d", "S3": "e"}
"""The printed row letter of each level (component 1)."""


def _qualification(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    out = {
        "level": v["level"],
        "education_degree": yes(v["education_degree"]),
        "relevance": v["relevance"],
        "teaching_license": yes(v.get("teaching_license")),
    }
    out = optional(out, v, "institution", "year")
    if v.get("program"):
        out["program"] = v["program"]
    return "qualifications", out


SECTIONS: tuple[Section, ...] = (
    Section(
        key="qualification",
        component=1,
        number="1",
        title=_("Academic qualification"),
        instruction=_("Write your higher-education history in the table below."),
        fields=(
            Field(
                "level",
                pgettext_lazy("degree", "Level"),
                "choice",
                choices=(
                    ("D4", "D4"),
                    ("S1", "S1"),
                    ("PGD", _("Post-graduate diploma")),
                    ("S2", "S2"),
                    ("S3", "S3"),
                ),
            ),
            Field("institution", _("University")),
            Field("faculty", _("Faculty"), required=False),
            Field("program", _("Department / study programme")),
            year_field(label=_("Year of graduation")),
            Field(
                "education_degree",
                _("Education degree (kependidikan)"),
                "choice",
                choices=YES_NO,
            ),
            Field(
                "relevance",
                _("Relevance to the subject you teach"),
                "choice",
                choices=(
                    ("subject", _("Matches the subject")),
                    ("subject_family", _("In the subject family (rumpun)")),
                    ("none", _("Does not match")),
                ),
            ),
            Field(
                "teaching_license",
                _("Teaching licence (akta mengajar)"),
                "choice",
                required=False,
                choices=YES_NO,
            ),
        ),
        code_prefix="1",
        label_style="letter",
        to_schema=_qualification,
        note=_(
            "Attach copies of the diplomas legalised by the university that issued them "
            "(or by Ditjen Dikti for a foreign diploma). List every degree, also a second one "
            "of the same level."
        ),
    ),
)
