"""Helpers of the quality-assurance tests and benchmark: final PKG appraisals written straight
to the tables (the appraisal app's own tests cover how they get there), scored by the rules
core so the stored figures agree with the points."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from sergur.accounts.models import User
from sergur.appraisal.models import Appraisal, IndicatorScore
from sergur.registry.models import School, Teacher
from sergur.rules.appraisal import appraisal_params, decimal, evaluate, instrument


def final_appraisal(
    *,
    teacher: Teacher,
    school: School,
    year: int,
    appraiser: User,
    points: int = 2,
    low: tuple[str, ...] = (),
    key: str = "pkg-teacher",
    state: str = Appraisal.State.FINAL,
) -> Appraisal:
    """A final appraisal with every indicator at `points` (0 for the competencies in `low`)."""
    used = instrument(key)
    given = {c.key: [0 if c.key in low else points] * c.indicators for c in used.competencies}
    result = evaluate(used, given, appraisal_params(year), rank="III/a", hours=24)
    appraisal = Appraisal.objects.create(
        teacher=teacher,
        school=school,
        year=year,
        instrument_key=key,
        instrument_version=used.version,
        appraiser=appraiser,
        state=state,
        rank="III/a",
        teaching_hours=24,
        total=result.total,
        score=decimal(result.score),
        category=result.category.code,
        npk=result.category.npk,
        credit=Decimal(0),
        final_at=timezone.now() if state == Appraisal.State.FINAL else None,
    )
    IndicatorScore.objects.bulk_create(
        IndicatorScore(appraisal=appraisal, competency=c, indicator=n + 1, points=p)
        for c, row in given.items()
        for n, p in enumerate(row)
    )
    return appraisal
