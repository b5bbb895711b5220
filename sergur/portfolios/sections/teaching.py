"""Components 3 and 4 of the instrument: teaching experience and the lesson plans."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sergur.portfolios.sections.base import (
    YES_NO,
    Field,
    Section,
    optional,
    parse_date,
    year_field,
)


def _teaching_period(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    # Periods are not entries of the file: their sum is teaching_experience.years.
    return "teaching_periods", dict(v)


def _lesson_plan(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    out: dict[str, Any] = {}
    return "lesson_plans", optional(out, v, "subject", "topic", "semester", "year")


def _check_period(values: dict[str, Any]) -> dict[str, Promise]:
    """A teaching period ends after it starts."""
    start, end = parse_date(values.get("start", "")), parse_date(values.get("end", ""))
    if start and end and end < start:
        return {"end": _("The end is before the start.")}
    return {}


SECTIONS: tuple[Section, ...] = (
    Section(
        key="teaching_period",
        component=3,
        number="3",
        title=_("Teaching experience"),
        instruction=_(
            "Write where and when you have taught. Periods of study leave (tugas belajar) "
            "count; overlapping periods count once."
        ),
        fields=(
            Field("school", _("School")),
            Field("subject", _("Subject / class teacher"), required=False),
            Field("start", _("From"), "date"),
            Field("end", _("Until (empty: still teaching)"), "date", required=False),
            Field("study_leave", _("Study leave"), "choice", required=False, choices=YES_NO),
        ),
        code_prefix="3",
        label_style="letter",
        to_schema=_teaching_period,
        note=_(
            "Attach the decrees appointing you as a teacher (PNS or not), legalised by your "
            "direct superior."
        ),
        check=_check_period,
    ),
    Section(
        key="lesson_plan",
        component=4,
        number="4.a",
        title=_("Learning plans"),
        instruction=_(
            "List your best lesson plans (RPP/RP/SP) from different semesters and topics; "
            "guidance teachers list their guidance programmes (PPBK) from different service "
            "fields. The assessors score each one."
        ),
        fields=(
            Field("subject", _("Subject / kind of programme")),
            Field("topic", _("Topic or competence / service field")),
            Field(
                "semester",
                _("Semester"),
                "choice",
                choices=(("1", "1"), ("2", "2")),
            ),
            year_field(),
        ),
        code_prefix="4.a",
        label_style="number",
        to_schema=_lesson_plan,
        max_entries={"subject_teacher": 5, "counselor": 4},
        note=_("Attach each plan or programme, acknowledged by your superior."),
    ),
)
