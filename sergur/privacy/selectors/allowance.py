"""The allowance's teaching load and eligibility in the teacher's copy (export.py lists every
section): the load lines, duties, counselling loads, the minister's approvals, the semester
facts, the computed eligibility and the district's decisions on the planner's proposals
(docs/allowance.md; docs/privacy.md, "Your own copy").
Who changed a line appears by role, as everywhere in the copy."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sergur.allowance.models import (
    AdditionalDuty,
    CounsellingLoad,
    MinisterApproval,
    SemesterEligibility,
    TeacherSemester,
    TeachingLoad,
)
from sergur.planner.models import PlanDecision
from sergur.privacy.selectors.section import Section

ALLOWANCE_SECTIONS: tuple[Section, ...] = (
    Section(
        "allowance_load",
        _("Teaching load by semester"),
        TeachingLoad,
        lambda t: TeachingLoad.objects.filter(teacher=t),
    ),
    Section(
        "allowance_duties",
        _("Additional duties by semester"),
        AdditionalDuty,
        lambda t: AdditionalDuty.objects.filter(teacher=t),
    ),
    Section(
        "allowance_counselling",
        _("Pupils served in counselling by semester"),
        CounsellingLoad,
        lambda t: CounsellingLoad.objects.filter(teacher=t),
    ),
    Section(
        "allowance_approvals",
        _("Minister's approvals of the teaching load"),
        MinisterApproval,
        lambda t: MinisterApproval.objects.filter(teacher=t),
    ),
    Section(
        "allowance_semester_facts",
        _("Allowance facts by semester"),
        TeacherSemester,
        lambda t: TeacherSemester.objects.filter(teacher=t),
    ),
    Section(
        "allowance_eligibility",
        _("Allowance eligibility by semester"),
        SemesterEligibility,
        lambda t: SemesterEligibility.objects.filter(teacher=t),
    ),
    Section(
        "allowance_plan_decisions",
        _("The district's decisions on planner proposals of hours"),
        PlanDecision,
        lambda t: PlanDecision.objects.filter(teacher=t),
    ),
)
