"""The read API of the PKG and its access helpers (docs/pkg.md)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import Http404

from sergur.appraisal.selectors import (
    appraisal_competencies_below,
    appraisal_get_for_user,
    appraisal_latest_categories,
    appraisal_list_for_user,
    appraisal_rights,
    appraiser_worklist,
)
from sergur.appraisal.services import appraiser_assign
from sergur.appraisal.tests.support import YEAR, finalised, scored
from sergur.conftest import Cast

pytestmark = pytest.mark.django_db
WHEN = dt.datetime(2030, 12, 1, 10, tzinfo=dt.UTC)


def test_latest_category_of_final_appraisals_before_the_date(cast: Cast) -> None:
    appraisal = finalised(cast, scored(cast), at=WHEN)
    teacher = cast.sri.teacher.pk
    assert appraisal.category == "AB"
    assert appraisal_latest_categories([teacher], before=dt.date(2031, 1, 1)) == {teacher: "AB"}
    assert appraisal_latest_categories([teacher], before=dt.date(2030, 12, 1)) == {}


def test_a_later_final_appraisal_replaces_the_earlier(cast: Cast) -> None:
    finalised(cast, scored(cast, year=2029), at=WHEN - dt.timedelta(days=365))
    finalised(cast, scored(cast, low=("01", "02", "03", "04", "05")), at=WHEN)
    teacher = cast.sri.teacher.pk
    # 9 × 4 + 5 × 1 = 41 of 56 → 73 → Cukup.
    assert appraisal_latest_categories([teacher], before=dt.date(2031, 1, 1)) == {teacher: "C"}


def test_an_appraisal_not_final_gives_no_category(cast: Cast) -> None:
    scored(cast)
    assert appraisal_latest_categories([cast.sri.teacher.pk], before=dt.date(2031, 1, 1)) == {}


def test_competencies_below_standard(cast: Cast) -> None:
    appraisal = scored(cast, low=("03", "13"))
    below = appraisal_competencies_below(appraisal)
    assert [(c.key, c.value, c.standard) for c in below] == [("03", 1, 3), ("13", 1, 3)]
    assert below[0].name("en") == "Curriculum development"
    assert below[0].name("id") == "Pengembangan kurikulum"
    assert appraisal_competencies_below(scored(cast, year=YEAR + 1)) == []


def test_who_sees_the_appraisal(cast: Cast) -> None:
    appraisal = scored(cast)
    for user in (cast.sri, cast.pak_kepala, cast.pengawas, cast.dinas, cast.operator):
        assert appraisal_get_for_user(user=user, pk=appraisal.pk) == appraisal
    for user in (cast.budi, cast.bu_kepala, cast.dinas_other, cast.lpmp, cast.asesor):
        with pytest.raises(Http404):
            appraisal_get_for_user(user=user, pk=appraisal.pk)


def test_an_assigned_senior_teacher_sees_only_the_teachers_assigned(cast: Cast) -> None:
    from sergur.appraisal.services import appraisal_open
    from sergur.registry.tests.factories import (
        TeacherFactory,
        TeachingAssignmentFactory,
        UserFactory,
    )

    school = cast.sri.teacher.assignments.get().school
    senior = UserFactory(username="senior", role="teacher")
    TeachingAssignmentFactory(teacher=TeacherFactory(user=senior), school=school)
    other = TeacherFactory(user=UserFactory(username="other", role="teacher"))
    TeachingAssignmentFactory(teacher=other, school=school)
    assignment = appraiser_assign(
        teacher=cast.sri.teacher, year=YEAR, appraiser=senior, actor=cast.pak_kepala
    )
    appraiser_assign(teacher=other, year=YEAR, appraiser=cast.pak_kepala, actor=cast.pak_kepala)
    mine = appraisal_open(assignment=assignment, instrument_key="pkg-teacher", actor=senior)
    assert [a.teacher for a in appraiser_worklist(user=senior, year=YEAR)] == [cast.sri.teacher]
    assert list(appraisal_list_for_user(user=senior)) == [mine]
    assert appraisal_rights(user=senior, appraisal=mine).edit
    assert list(appraiser_worklist(user=cast.bu_kepala, year=YEAR)) == []
    assert list(appraisal_list_for_user(user=cast.budi)) == []


def test_rights_follow_the_state(cast: Cast) -> None:
    appraisal = scored(cast)
    assert appraisal_rights(user=cast.sri, appraisal=appraisal).sign
    assert not appraisal_rights(user=cast.pak_kepala, appraisal=appraisal).edit
    assert not appraisal_rights(user=cast.budi, appraisal=appraisal).sign
    assert not appraisal_rights(user=cast.pengawas, appraisal=appraisal).countersign_supervisor


def test_the_principal_of_another_school_cannot_assign(cast: Cast) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        appraiser_assign(
            teacher=cast.sri.teacher, year=YEAR, appraiser=cast.bu_kepala, actor=cast.bu_kepala
        )
