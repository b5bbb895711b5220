"""Helpers of the decision tests: a case decided with a given code without running a whole
assessment (the rounds' own tests cover that)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from sergur.assessments.models import Result
from sergur.cases.models import Case, CaseEvent
from sergur.cases.tests.support import state_set
from sergur.rules.assessment.sheet import PARTS

REASONS: dict[str, tuple[dict[str, list[str]], dict[str, Any]]] = {
    "L": ({"id": ["Semua ketentuan terpenuhi."], "en": ["Every rule holds."]}, {}),
    "MA": (
        {
            "id": ["Cacat administrasi: pernyataan tanpa meterai."],
            "en": ["Administrative defect: declaration has no duty stamp."],
        },
        {"administrative_defects": ["declaration has no duty stamp"]},
    ),
    "MS": (
        {
            "id": ["Nilai 830 kurang 20 dari batas lulus 850."],
            "en": ["Total 830 is 20 below the pass mark 850."],
        },
        {},
    ),
    "MPLPG": (
        {"id": ["Nilai jauh di bawah batas lulus."], "en": ["Total far below the pass mark."]},
        {},
    ),
    "K": (
        {"id": ["Bukti diragukan: 2.c."], "en": ["Doubtful evidence: 2.c."]},
        {"doubtful_evidence": ["2.c"]},
    ),
    "D": (
        {"id": ["Ditemukan pemalsuan dokumen."], "en": ["Forged document found."]},
        {"fraud_found": True},
    ),
}

PARTS_900 = {part: "0" for part in PARTS}


def decided(
    case: Case, code: str, *, total: str = "900", now: dt.datetime | None = None, **extra: Any
) -> Result:
    """Store a current result with `code` and move the case to DECIDED."""
    reasons, review = REASONS[code]
    case.results.filter(current=True).update(current=False)
    result = Result.objects.create(
        case=case,
        round=1,
        source=Result.Source.MEAN,
        parts=extra.pop("parts", PARTS_900),
        review={
            "administrative_defects": [],
            "doubtful_evidence": [],
            "fraud_found": False,
            **review,
        },
        total=Decimal(total),
        code=code,
        reasons=reasons,
        decided_at=now or timezone.now(),
        **extra,
    )
    if case.state != Case.State.DECIDED:
        state_set(case=case, to_state=Case.State.DECIDED, actor=None, kind=CaseEvent.Kind.DECIDED)
    return result


def extra_case(cast: Any) -> Case:
    """Another teacher of Sri's school (the cast's district and rayon), with a case."""
    from sergur.cases.services import case_open
    from sergur.registry.tests.factories import TeacherFactory, TeachingAssignmentFactory

    school = cast.sri_case.teacher.assignments.get(is_main=True).school
    person = TeacherFactory()
    TeachingAssignmentFactory(teacher=person, school=school)
    return case_open(teacher=person, programme_year=cast.sri_case.programme_year, actor=None)
