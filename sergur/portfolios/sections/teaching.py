"""Components 3 and 4 of the instrument: teaching experience, the lesson plans and a
counsellor's practice records (4b)."""

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


def _counselor_practice(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    # Records, not entries of the file: the assessor scores them on the 4b form of the sheet.
    return "counselor_practice", dict(v)


ACKNOWLEDGERS = ("coordinator_acknowledged", "principal_acknowledged")
"""The two endorsements a counsellor's practice record carries: "diketahui oleh koordinator
bimbingan dan konseling dan atasan" (seed 003, Buku II, 4.b counsellor variant)."""

NOT_ACKNOWLEDGED = _(
    "The records are acknowledged by the BK coordinator and the principal (Buku II: "
    "\u201cdiketahui oleh koordinator bimbingan dan konseling dan atasan\u201d)."
)


def acknowledged(values: dict[str, Any]) -> bool:
    """Whether a practice record carries both endorsements."""
    return all(values.get(name) == "yes" for name in ACKNOWLEDGERS)


def _check_acknowledged(values: dict[str, Any]) -> dict[str, Promise]:
    """A practice record counts only with both endorsements."""
    return {name: NOT_ACKNOWLEDGED for name in ACKNOWLEDGERS if values.get(name, "yes") != "yes"}


PRACTICE_RECORDS = (
    ("agenda", _("Counsellor's work agenda")),
    ("counselees", _("List of counselees (students)")),
    ("needs", _("Counselees' needs and problems")),
    ("monthly", _("Monthly report")),
    ("semester", _("Semester or annual report")),
    ("activities", _("Guidance and counselling activities")),
    ("evaluation", _("Programme evaluation report and follow-up")),
)
"""The records the seed lists for a counsellor's 4b (Buku II, 4.b counsellor variant)."""


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
    Section(
        key="counselor_practice",
        component=4,
        number="4.b",
        title=_("Delivering the guidance and counselling programme"),
        instruction=_(
            "Upload the records of your guidance and counselling service (work agenda, list of "
            "counselees, needs data, monthly and semester reports, service activities, "
            "evaluation report). The assessors score them on the practice form."
        ),
        fields=(
            Field("record", _("Service record"), "choice", choices=PRACTICE_RECORDS),
            Field("school_year", _("School year or period"), required=False, max_length=40),
            Field(
                "coordinator_acknowledged",
                _("Acknowledged by the BK coordinator"),
                "choice",
                choices=YES_NO,
            ),
            Field(
                "principal_acknowledged",
                _("Acknowledged by the principal"),
                "choice",
                choices=YES_NO,
            ),
        ),
        code_prefix="4.b",
        label_style="number",
        to_schema=_counselor_practice,
        roles=("counselor",),
        note=_(
            "Attach copies of the records, acknowledged by the BK coordinator and the principal."
        ),
        check=_check_acknowledged,
    ),
)
