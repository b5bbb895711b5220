"""The 2007 FAQ rules (seed 003, quoted in each test) where the registry and a run meet them:
religion teachers leave the list and the quota, hours add up over every school, TK is a level,
the mismatch choice sets the certified subject."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sergur.conftest import PASSWORD
from sergur.registry.models import School, Teacher
from sergur.registry.tests.factories import (
    SchoolFactory,
    SubjectFactory,
    TeachingAssignmentFactory,
)
from sergur.rules.tests.selection import seed003
from sergur.selection.models import QuotaAllocation, SelectionEntry
from sergur.selection.selectors import (
    candidate_for,
    certified_subject_for,
    district_teachers,
    eligible_counts,
)
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


def test_a_mismatched_teachers_choice_sets_the_certified_subject_on_their_page(client, pool):
    """Seed 003: "dapat memilih proses sertifikasi berbasis pada ijazah S1/D4 yang dimiliki, atau
    memilih proses sertifikasi berbasis bidang studi yang diajarkan ... sepenuhnya diserahkan
    guru yang bersangkutan" (a biology graduate teaching mathematics)."""
    assert seed003.MISMATCH
    teacher = pool.pns[1]  # teaches 180 Matematika
    teacher.degree_subject = SubjectFactory(code="190", name="Biologi")
    teacher.mismatch_choice = Teacher.MismatchChoice.DEGREE
    teacher.full_clean()
    teacher.save()
    assert certified_subject_for(teacher).code == "190"
    selection_run(programme_year=pool.year, district=pool.district, quota=8, actor=None)
    teacher.user.set_password(PASSWORD)
    teacher.user.save()
    assert client.login(username=teacher.user.username, password=PASSWORD)

    response = client.get(reverse("selection:me"))

    [result] = response.context["results"]
    assert result.subject == (
        "Mengajar di luar bidang ijazah; guru memilih sertifikasi berbasis ijazah S1/D4: "
        "bidang studi 190."
    )
    assert result.subject in response.content.decode()
    teacher.mismatch_choice = Teacher.MismatchChoice.TAUGHT
    teacher.save()
    assert certified_subject_for(teacher).code == "180"


def test_another_teachers_page_shows_only_their_own_subject(client, pool):
    other = pool.pns[2]
    other.user.set_password(PASSWORD)
    other.user.save()
    selection_run(programme_year=pool.year, district=pool.district, quota=8, actor=None)
    assert client.login(username=other.user.username, password=PASSWORD)
    [result] = client.get(reverse("selection:me")).context["results"]
    assert result.entry.teacher == other
    assert result.subject.startswith("Mengajar sesuai bidang ijazah")
