"""Quality-assurance reads: the place each role may see (with another district and province),
the yearly figures per component, the below-standard list and the monitors' worklist, each in
a bounded number of queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import cast as typed

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sergur.accounts.models import User
from sergur.appraisal.models import Appraisal
from sergur.conftest import Cast
from sergur.development.models import Activity, Plan
from sergur.kkg.models import Group as KkgGroup
from sergur.quality.selectors import (
    ADDITIONAL,
    CORE,
    kkg_effect,
    monitor_not_done,
    monitor_not_done_count,
    monitor_plans_overdue,
    quality_below_list,
    quality_development,
    quality_place_for_user,
    quality_summary,
    quality_years,
)
from sergur.quality.tests.support import final_appraisal, kkg_attended
from sergur.registry.models import School, Teacher
from sergur.registry.tests.factories import (
    DistrictFactory,
    ProvinceFactory,
    SchoolFactory,
    SubdistrictFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
    UserFactory,
)
from sergur.rules.quality import HIGHER, TOO_FEW

pytestmark = pytest.mark.django_db


def _school(cast: Cast, number: int) -> School:
    return School.objects.get(name=f"SMP Negeri {number} Bantul")


def _certify(cast: Cast) -> None:
    for user in (cast.sri, cast.budi):
        user.teacher.certified = True
        user.teacher.save(update_fields=["certified"])


def test_each_role_sees_its_place(cast: Cast) -> None:
    one, two = _school(cast, 1), _school(cast, 2)
    assert quality_place_for_user(user=cast.pak_kepala).kind == "school"
    assert quality_place_for_user(user=cast.pengawas).kind == "supervised"
    assert quality_place_for_user(user=cast.dinas).kind == "district"
    assert quality_place_for_user(user=cast.lpmp).kind == "province"
    ministry = UserFactory(username="kemdikbud", role=User.Role.MINISTRY)
    assert quality_place_for_user(user=ministry).kind == "all"
    # Narrowing within the place.
    assert quality_place_for_user(user=cast.pengawas, school=one.pk).kind == "school"
    assert quality_place_for_user(user=cast.dinas, school=two.pk).label == str(two)
    district = one.subdistrict.district
    assert quality_place_for_user(user=cast.lpmp, district=district.pk).kind == "district"


def test_wrong_role_is_refused_and_other_places_are_hidden(cast: Cast) -> None:
    one, two = _school(cast, 1), _school(cast, 2)
    for user in (cast.sri, cast.asesor, cast.rayon_admin):
        with pytest.raises(PermissionDenied):
            quality_place_for_user(user=user)
    # Another school, another district, another province: 404.
    with pytest.raises(Http404):
        quality_place_for_user(user=cast.pengawas, school=two.pk)
    with pytest.raises(Http404):
        quality_place_for_user(user=cast.pak_kepala, school=two.pk)
    with pytest.raises(Http404):
        quality_place_for_user(user=cast.dinas_other, school=one.pk)
    elsewhere = DistrictFactory(province=ProvinceFactory(code="99", name="Papua"), code="01")
    with pytest.raises(Http404):
        quality_place_for_user(user=cast.lpmp, district=elsewhere.pk)
    far = SchoolFactory(subdistrict=SubdistrictFactory(district=elsewhere))
    with pytest.raises(Http404):
        quality_place_for_user(user=cast.lpmp, school=far.pk)


def test_summary_counts_below_standard_and_trend(cast: Cast) -> None:
    _certify(cast)
    one, two = _school(cast, 1), _school(cast, 2)
    sri, budi = cast.sri.teacher, cast.budi.teacher
    final_appraisal(teacher=sri, school=one, year=2029, appraiser=cast.pak_kepala, low=("01",))
    final_appraisal(teacher=sri, school=one, year=2030, appraiser=cast.pak_kepala)
    final_appraisal(teacher=budi, school=two, year=2029, appraiser=cast.bu_kepala)
    final_appraisal(teacher=budi, school=two, year=2030, appraiser=cast.bu_kepala, points=1)
    final_appraisal(
        teacher=budi, school=two, year=2030, appraiser=cast.bu_kepala, key="pkg-principal"
    )
    place = quality_place_for_user(user=cast.dinas)
    assert quality_years(place) == [2029, 2030]
    with CaptureQueriesContext(connection) as queries:
        figures = quality_summary(place, CORE, [2029, 2030])
    assert len(queries) == 2
    first, second = figures
    assert (first.year, first.appraised, first.below, first.compared) == (2029, 2, 1, 0)
    # 0 points convert to 1 (zero_value): (53/56 + 56/56) / 2 × 100.
    assert first.mean == Decimal("97.32")
    assert first.categories == {"AB": 2}
    # Sri rose from 94.64 to 100; Budi fell from 100 to 50 (every competency below).
    assert (second.compared, second.improved, second.unchanged, second.declined) == (2, 1, 0, 1)
    assert second.below == 1
    extra = quality_summary(place, ADDITIONAL, quality_years(place, ADDITIONAL))
    assert [(f.year, f.appraised) for f in extra] == [(2030, 1)]
    assert quality_summary(place, CORE, []) == []
    # The principal of school one sees only Sri.
    own = quality_summary(quality_place_for_user(user=cast.pak_kepala), CORE, [2029, 2030])
    assert [f.appraised for f in own] == [1, 1]


def test_below_list_and_worklist(cast: Cast) -> None:
    _certify(cast)
    one = _school(cast, 1)
    sri = cast.sri.teacher
    final_appraisal(teacher=sri, school=one, year=2029, appraiser=cast.pak_kepala)
    final_appraisal(teacher=sri, school=one, year=2030, appraiser=cast.pak_kepala, low=("03",))
    colleague = TeacherFactory(certified=True)
    TeachingAssignmentFactory(teacher=colleague, school=one)
    final_appraisal(
        teacher=colleague,
        school=one,
        year=2030,
        appraiser=cast.pak_kepala,
        state=Appraisal.State.SUBMITTED,
    )
    uncertified = TeacherFactory(certified=False)
    TeachingAssignmentFactory(teacher=uncertified, school=one)
    place = quality_place_for_user(user=cast.pengawas)
    with CaptureQueriesContext(connection) as queries:
        below = quality_below_list(place, 2030)
        todo = monitor_not_done(place, 2030)
    assert len(queries) == 2
    assert [(r.name, r.previous) for r in below] == [(sri.name, Decimal("100.00"))]
    assert [(r.teacher_pk, r.state) for r in todo] == [
        (colleague.pk, str(Appraisal.State.SUBMITTED.label))
    ]
    assert monitor_not_done_count(place, 2030) == 1
    assert monitor_not_done_count(place, 2031) == 2
    # Another district sees none of it.
    other = quality_place_for_user(user=cast.dinas_other)
    assert quality_below_list(other, 2030) == []
    assert monitor_not_done(other, 2030) == []


def _teachers(cast: Cast, count: int, school: School) -> list[Teacher]:
    made: list[Teacher] = []
    for _ in range(count):
        teacher = typed(Teacher, TeacherFactory(certified=True))
        TeachingAssignmentFactory(teacher=teacher, school=school)
        made.append(teacher)
    return made


def test_kkg_effect_compares_participants_with_others(cast: Cast) -> None:
    one, two = _school(cast, 1), _school(cast, 2)
    district = one.subdistrict.district
    group = KkgGroup.objects.create(
        kind=KkgGroup.Kind.KKG, name="KKG Gugus Melati", district=district, core_school=one
    )
    joined, stayed_away, outside = (
        _teachers(cast, 5, one),
        _teachers(cast, 2, one),
        _teachers(cast, 4, two),
    )
    for teacher in joined:
        final_appraisal(teacher=teacher, school=one, year=2029, appraiser=cast.pak_kepala, points=1)
        final_appraisal(teacher=teacher, school=one, year=2030, appraiser=cast.pak_kepala)
    for teacher in stayed_away + outside:
        school = teacher.assignments.get().school
        final_appraisal(teacher=teacher, school=school, year=2029, appraiser=cast.pak_kepala)
        final_appraisal(teacher=teacher, school=school, year=2030, appraiser=cast.pak_kepala)
    kkg_attended(group=group, teachers=joined, year=2030)
    # Two members joined but attended too few meetings to count as taking part.
    kkg_attended(group=group, teachers=stayed_away, year=2030, meetings=2)
    place = quality_place_for_user(user=cast.dinas)
    with CaptureQueriesContext(connection) as queries:
        effect = kkg_effect(place, 2030)
    assert len(queries) == 2
    assert (effect.participants.size, effect.participants.change) == (5, Decimal("50.00"))
    assert (effect.others.size, effect.others.change) == (6, Decimal("0.00"))
    assert effect.comparison.code == HIGHER
    assert "quality.kkg.association" in effect.comparison.reasons
    (row,) = effect.clusters
    assert (row.name, row.participants.size, row.others.size) == ("KKG Gugus Melati", 5, 2)
    # The year before nobody took part; another district has no teachers at all.
    assert kkg_effect(place, 2029).comparison.code == TOO_FEW
    assert kkg_effect(quality_place_for_user(user=cast.dinas_other), 2030).clusters == []


def test_plans_and_development(cast: Cast) -> None:
    _certify(cast)
    one = _school(cast, 1)
    sri = cast.sri.teacher
    low = final_appraisal(
        teacher=sri, school=one, year=2030, appraiser=cast.pak_kepala, low=("04",)
    )
    plan = Plan.objects.create(
        teacher=sri,
        year=2030,
        kind=Plan.Kind.REMEDIAL,
        appraisal=low,
        competencies=["04"],
        goal="Pelatihan",
        deadline=timezone.localdate() - dt.timedelta(days=1),
        created_by=cast.pak_kepala,
    )
    Activity.objects.create(
        teacher=sri,
        plan=plan,
        kind="training",
        title="Diklat",
        done_on=dt.date(2030, 9, 1),
        hours=100,
        state=Activity.State.VERIFIED,
        credit=Decimal(2),
    )
    place = quality_place_for_user(user=cast.pengawas)
    (row,) = quality_below_list(place, 2030)
    assert (row.plan_deadline, row.plan_completed, row.plan_overdue) == (
        plan.deadline,
        False,
        True,
    )
    assert [(p.teacher_pk, p.year) for p in monitor_plans_overdue(place)] == [(sri.pk, 2030)]
    (year,) = quality_development(place)
    assert (year.year, year.teachers, year.credit, year.plans, year.completed) == (
        2030,
        1,
        Decimal("2.000"),
        1,
        0,
    )
    plan.completed_at = timezone.now()
    plan.save(update_fields=["completed_at"])
    assert quality_below_list(place, 2030)[0].plan_completed
    assert monitor_plans_overdue(place) == []
    assert monitor_plans_overdue(quality_place_for_user(user=cast.dinas_other)) == []
    assert quality_development(quality_place_for_user(user=cast.dinas_other)) == []
