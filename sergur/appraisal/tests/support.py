"""Helpers of the PKG tests: an appraisal of Sri (school one) by her principal, scored and
carried through its signatures."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from sergur.accounts.models import User
from sergur.appraisal.models import Appraisal
from sergur.appraisal.services import (
    appraisal_countersign,
    appraisal_open,
    appraisal_scores_save,
    appraisal_sign,
    appraisal_submit,
    appraiser_assign,
)
from sergur.conftest import Cast
from sergur.rules.appraisal import instrument

YEAR = 2030


def scored(
    cast: Cast, *, points: int = 2, low: tuple[str, ...] = (), year: int = YEAR
) -> Appraisal:
    """Sri's appraisal by her principal with every indicator at `points` (0 for the
    competencies in `low`), submitted."""
    teacher = cast.sri.teacher
    assignment = appraiser_assign(
        teacher=teacher, year=year, appraiser=cast.pak_kepala, actor=cast.pak_kepala
    )
    appraisal = appraisal_open(
        assignment=assignment, instrument_key="pkg-teacher", actor=cast.pak_kepala
    )
    used = instrument("pkg-teacher")
    given = {
        (c.key, n): 0 if c.key in low else points
        for c in used.competencies
        for n in range(1, c.indicators + 1)
    }
    appraisal_scores_save(
        appraisal=appraisal,
        points=given,
        evidence={},
        monitoring_notes="",
        teaching_hours=24,
        actor=cast.pak_kepala,
    )
    return appraisal_submit(appraisal=appraisal, actor=cast.pak_kepala)


def finalised(cast: Cast, appraisal: Appraisal, *, at: dt.datetime | None = None) -> Appraisal:
    """The teacher signs, the principal and the supervisor countersign."""
    moment = at or timezone.now()
    teacher_user: User = cast.sri
    appraisal_sign(appraisal=appraisal, actor=teacher_user, now=moment)
    appraisal_countersign(appraisal=appraisal, actor=cast.pak_kepala, now=moment)
    return appraisal_countersign(appraisal=appraisal, actor=cast.pengawas, now=moment)
