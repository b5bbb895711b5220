"""The 2007 FAQ rules (seed 003, quoted in each test) where the registry and a run meet them:
religion teachers leave the list and the quota, hours add up over every school, TK is a level."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from sergur.registry.models import School
from sergur.registry.tests.factories import (
    SchoolFactory,
    SubjectFactory,
    TeachingAssignmentFactory,
)
from sergur.rules.tests.selection import seed003
from sergur.selection.models import QuotaAllocation, SelectionEntry
from sergur.selection.selectors import candidate_for, district_teachers, eligible_counts
from sergur.selection.services import quota_allocate, selection_run
from sergur.selection.tests.factories import eligible_teacher

pytestmark = pytest.mark.django_db


def test_a_religion_teacher_leaves_the_list_and_the_quota(pool, cast):
    """Seed 003: "Sertifikasi guru agama baik yang diangkat Depdiknas, Depag, maupun Pemda
    dilakukan oleh Depag." """
    assert seed003.RELIGION
    religion = SubjectFactory(code="127", name="Pendidikan Agama Islam")
    ustadz = eligible_teacher(pool.school, name="Guru Agama", subject=religion)

    run = selection_run(programme_year=pool.year, district=pool.district, quota=8, actor=None)

    entry = SelectionEntry.objects.get(run=run, teacher=ustadz)
    assert not entry.eligible
    assert [m.code for m in entry.reason_messages] == ["selection.depag"]
    assert run.eligible == 26  # the pool's eligible teachers, without the religion teacher
    assert eligible_counts(programme_year=pool.year) == {("34", "02", "SMP"): 26}


def test_teaching_hours_add_up_over_every_school(pool):
    """Seed 003: "mengajar di sekolah lain yang memiliki ijin operasional": the hours at the
    other school count towards the teaching load that ranks the teacher."""
    assert seed003.OTHER_SCHOOL
    teacher = eligible_teacher(pool.school, name="Guru Dua Sekolah", hours=18)
    other = SchoolFactory(subdistrict=pool.school.subdistrict)
    TeachingAssignmentFactory(teacher=teacher, school=other, weekly_hours=8, is_main=False)

    assert candidate_for(teacher).teaching_hours == 26
    loaded = district_teachers(district=pool.district).get(pk=teacher.pk)
    assert candidate_for(loaded).teaching_hours == 26
    assert candidate_for(loaded).school_level == "SMP"  # the main school's level


def test_kindergarten_is_a_school_level_of_the_registry_and_the_quota(pool):
    """Seed 003, the identity page, item 10: "Mata Pelajaran/Guru Kelas TK/TKLB/SD/SDLB"."""
    assert "TK/TKLB" in seed003.KINDERGARTEN
    for level in ("TK", "TKLB"):
        school = SchoolFactory(level=level, subdistrict=pool.school.subdistrict)
        school.full_clean()
    assert School.Level.TKLB.label == "TKLB"
    quota_allocate(
        programme_year=pool.year,
        national_target=10,
        counts={("34", "02", "TK"): 4, ("34", "02", "TKLB"): 1, ("34", "02", "SD"): 5},
        actor=None,
    )
    quotas = dict(QuotaAllocation.objects.values_list("school_level", "quota"))
    assert quotas == {"TK": 4, "TKLB": 1, "SD": 5}


def test_an_unknown_level_is_still_refused(pool):
    with pytest.raises(ValidationError):
        quota_allocate(
            programme_year=pool.year,
            national_target=1,
            counts={("34", "02", "PAUD"): 1},
            actor=None,
        )
