"""The demo's PKG (docs/pkg.md): the last two years' appraisals of teachers of the demo schools
by their principals, carried through every signature, with varied categories and some
competencies below standard, and this year's appraisers assigned, so that `make run` shows
the worklists, results and the read API of the allowance and PKB. Idempotent: a teacher's
appraisal of a year is made once."""

from __future__ import annotations

import datetime as dt
import random

from sergur.accounts.models import User
from sergur.appraisal.models import Appraisal
from sergur.appraisal.services import (
    appraisal_countersign,
    appraisal_open,
    appraisal_scores_save,
    appraisal_sign,
    appraisal_submit,
    appraiser_assign,
    observation_add,
)
from sergur.demo.people import People
from sergur.registry.models import Teacher
from sergur.rules.appraisal import instrument

SEED = "sergur-demo-pkg"
APPRAISED = 40
"""How many demo teachers are appraised (the first by NUPTK with a principal and a user)."""
PROFILES = (
    (2, 2, 2, 2, 1),  # mostly full points: Amat Baik or Baik
    (2, 2, 1, 1, 1),  # Baik or Cukup
    (1, 1, 1, 2, 0),  # Cukup or Sedang
    (1, 0, 1, 0, 1),  # Sedang or Kurang, several competencies below standard
)
"""Points an indicator draws from, per profile (a teacher keeps their profile, and improves by
one step the second year if below standard)."""


def _teachers(people: People) -> list[tuple[Teacher, str]]:
    rows = (
        Teacher.objects.filter(
            nuptk__in=list(people.teachers),
            user__isnull=False,
            assignments__is_main=True,
        )
        .select_related("user")
        .prefetch_related("assignments__school")
        .order_by("nuptk")
    )
    found: list[tuple[Teacher, str]] = []
    for teacher in rows:
        school = next(a.school for a in teacher.assignments.all() if a.is_main)
        if school.npsn in people.principals and school.npsn in people.supervisors:
            found.append((teacher, school.npsn))
        if len(found) == APPRAISED:
            break
    return found


def appraise_final(
    *,
    teacher: Teacher,
    principal: User,
    supervisor: User,
    year: int,
    points: dict[tuple[str, int], int],
    teaching_hours: int,
    day: int,
) -> Appraisal:
    """One year's PKG of a teacher by their principal, as the appraisal pages make it: an
    observation with its discussions, the points, then every signature up to final."""
    assert teacher.user is not None  # nosec B101 # the teacher signs: callers pick users
    assignment = appraiser_assign(teacher=teacher, year=year, appraiser=principal, actor=principal)
    appraisal = appraisal_open(assignment=assignment, instrument_key="pkg-teacher", actor=principal)
    observation_add(
        appraisal=appraisal,
        observed_on=dt.date(year, 8, day),
        pre_discussion="Rencana pelaksanaan pembelajaran dan tujuan dibahas bersama.",
        notes="Pembelajaran kelompok; guru memantau setiap kelompok.",
        post_discussion="Umpan balik: variasi penilaian proses perlu ditambah.",
        actor=principal,
    )
    appraisal_scores_save(
        appraisal=appraisal,
        points=points,
        evidence={(key, 1): "RPP dan catatan pengamatan" for key, _n in points},
        monitoring_notes="Dokumen perangkat pembelajaran diperiksa.",
        teaching_hours=teaching_hours,
        actor=principal,
    )
    moment = dt.datetime(year, 11, 20, 9, tzinfo=dt.UTC)
    appraisal_submit(appraisal=appraisal, actor=principal, now=moment)
    appraisal_sign(appraisal=appraisal, actor=teacher.user, now=moment)
    appraisal_countersign(appraisal=appraisal, actor=principal, now=moment)
    return appraisal_countersign(appraisal=appraisal, actor=supervisor, now=moment)


def load_appraisals(*, people: People, now: dt.datetime) -> int:
    """Appraise the first demo teachers for the two years before `now`; returns how many
    appraisals were made."""
    used = instrument("pkg-teacher")
    made = 0
    for index, (teacher, npsn) in enumerate(_teachers(people)):
        principal, supervisor = people.principals[npsn], people.supervisors[npsn]
        assert teacher.user is not None  # nosec B101 # filtered above, for mypy
        for step, year in enumerate((now.year - 2, now.year - 1)):
            if Appraisal.objects.filter(teacher=teacher, year=year).exists():
                continue
            rng = random.Random(f"{SEED}-{teacher.nuptk}-{year}")  # nosec B311 # seeded demo data
            profile = PROFILES[max(0, index % len(PROFILES) - step)]
            points = {
                (c.key, n): rng.choice(profile)
                for c in used.competencies
                for n in range(1, c.indicators + 1)
            }
            appraise_final(
                teacher=teacher,
                principal=principal,
                supervisor=supervisor,
                year=year,
                points=points,
                teaching_hours=24 if index % 5 else 18,
                day=10 + index % 15,
            )
            made += 1
        if not teacher.appraiser_assignments.filter(year=now.year).exists():
            appraiser_assign(teacher=teacher, year=now.year, appraiser=principal, actor=principal)
    return made
