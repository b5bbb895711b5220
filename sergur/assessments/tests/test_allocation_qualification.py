"""The assessor register against the FAQ (docs/sources/seeds/003_358fe984fbae11df.txt, the FAQ
on assessors): *"Apa kriteria asesor? a. WNI yang berstatus sebagai dosen, widyaiswara,
instruktur/guru senior, atau pengawas di lingkungan Dinas Pendidikan yang bersertifikat
pendidik. … d. Berpendidikan minimal S2 (ada unsur kependidikan). e. Berpengalaman mengajar,
melatih, atau membimbing guru atau calon guru dalam rentang 5 (lima) tahun terakhir"* and
*"Guru muatan lokal, guru TIK, guru Kelautan, dan Pariwisata disertifikasi oleh LPTK dalam
rayon setempat bekerjasama dengan perguruan tinggi lain baik dari dalam rayon maupun di luar
rayon"*: the automatic allocation and a reassignment by hand both refuse an assessor who lacks
a criterion, with the reason, and only those subjects take assessors from another rayon."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from sergur.accounts.models import User
from sergur.assessments.models import Allocation, Assessor
from sergur.assessments.services.allocation import (
    OTHER_RAYON,
    allocation_reassign,
    allocation_run,
)
from sergur.assessments.tests.support import QUALIFIED, allocate, at_rayon
from sergur.cases.services import case_open
from sergur.registry.models import Rayon
from sergur.registry.tests.factories import (
    SubjectFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
    UserFactory,
)
from sergur.rules.assessment.qualification import STATUSES

pytestmark = pytest.mark.django_db


def entry(rayon: Rayon, number: str, subject: Any, **fields: Any) -> Assessor:
    user = UserFactory(role=User.Role.ASSESSOR, rayon=rayon)
    values = {**QUALIFIED, **fields}
    made = Assessor.objects.create(
        user=user, rayon=rayon, number=number, degree="S2", institution="U", **values
    )
    made.subjects.add(subject)
    return made


def test_the_registers_statuses_are_the_faqs():
    assert set(Assessor.Status.values) == STATUSES


def test_the_allocation_leaves_out_an_assessor_without_an_educator_certificate(cast):
    at_rayon(cast.sri_case)
    Assessor.objects.filter(user=cast.asesor).update(educator_certificate=False)
    allocation_run(programme_year=cast.sri_case.programme_year, actor=cast.rayon_admin)
    chosen = set(
        Allocation.objects.filter(case=cast.sri_case, active=True).values_list(
            "assessor__user", flat=True
        )
    )
    assert chosen == {cast.asesor2.pk, cast.asesor3.pk}


def test_with_too_few_qualified_assessors_the_portfolio_waits_with_the_reason(cast):
    at_rayon(cast.sri_case)
    Assessor.objects.filter(user__in=[cast.asesor, cast.asesor2]).update(experience_last_year=2001)
    with translation.override("en"):
        summary = allocation_run(
            programme_year=cast.sri_case.programme_year, actor=cast.rayon_admin
        )
    assert summary.placed == 0
    assert "not meeting the assessor criteria" in summary.unplaced[0].reasons[0]


def test_a_reassignment_to_an_unqualified_assessor_is_refused_with_the_criterion(cast):
    at_rayon(cast.sri_case)
    allocate(cast.sri_case, cast.asesor, cast.asesor2)
    Assessor.objects.filter(user=cast.asesor3).update(degree_in_education=False, status="")
    slot = Allocation.objects.get(case=cast.sri_case, slot=1, active=True)
    with translation.override("id"), pytest.raises(ValidationError) as refused:
        allocation_reassign(
            allocation=slot, assessor=cast.asesor3.assessor, reason="sakit", actor=cast.rayon_admin
        )
    text = refused.value.messages[0]
    assert "Asesor harus berstatus dosen, widyaiswara, instruktur/guru senior" in text
    assert "Asesor harus berpendidikan minimal S2 (ada unsur kependidikan)." in text


def test_an_ict_portfolio_may_take_an_assessor_from_another_rayon(cast):
    ict = SubjectFactory(code="224", name="Teknologi Informasi dan Komunikasi (TIK)")
    teacher = TeacherFactory(subject=ict)
    school = cast.sri_case.teacher.assignments.get().school
    TeachingAssignmentFactory(teacher=teacher, school=school)
    case = at_rayon(
        case_open(teacher=teacher, programme_year=cast.sri_case.programme_year, actor=None)
    )
    home = entry(Rayon.objects.get(code="900"), "T-1", ict)
    away = entry(Rayon.objects.get(code="901"), "T-2", ict)
    summary = allocation_run(programme_year=case.programme_year, actor=cast.rayon_admin)
    assert case not in {u.case for u in summary.unplaced}
    chosen = set(
        Allocation.objects.filter(case=case, active=True).values_list("assessor", flat=True)
    )
    assert chosen == {home.pk, away.pk}


def test_a_maths_portfolio_never_takes_an_assessor_from_another_rayon(cast):
    at_rayon(cast.sri_case)
    allocate(cast.sri_case, cast.asesor, cast.asesor2)
    away = entry(Rayon.objects.get(code="901"), "M-9", cast.sri_case.teacher.subject)
    slot = Allocation.objects.get(case=cast.sri_case, slot=1, active=True)
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            allocation_reassign(allocation=slot, assessor=away, reason="x", actor=cast.rayon_admin)
        assert refused.value.messages == [
            f"The chosen assessor cannot take this portfolio: {OTHER_RAYON}"
        ]


def test_the_register_page_names_what_an_entry_lacks(client, cast):
    Assessor.objects.filter(user=cast.asesor3).update(educator_certificate=False)
    client.force_login(cast.rayon_admin)
    with translation.override("id"):
        response = client.get(reverse("assessments:register"), HTTP_ACCEPT_LANGUAGE="id")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("Asesor harus bersertifikat pendidik.") == 1


@pytest.mark.parametrize("who", ["asesor", "dinas", "pak_kepala"])
def test_the_register_page_is_the_rayon_admins_only(client, cast, who):
    client.force_login(getattr(cast, who))
    assert client.get(reverse("assessments:register")).status_code == 403


def test_another_rayons_admin_sees_none_of_this_register(client, cast):
    client.force_login(cast.rayon_other)
    response = client.get(reverse("assessments:register"))
    assert response.status_code == 200
    assert response.context["rows"] == []
