"""A principal who is a participant: *"Untuk Kepala Sekolah berkas portofolio disahkan oleh
Kepala Dinas Pendidikan Kabupaten/Kota atau pejabat lain yang ditunjuk"*
(docs/sources/seeds/003_358fe984fbae11df.txt, the FAQ on the portfolio, question 4).

The head of the district office (or the official they designate) sees the principals' cases of
their district only and fills the principal's part of the closed envelope for them; the school's
principal does not, and no principal acts on their own portfolio."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from sergur.accounts.models import User
from sergur.cases.selectors import (
    PRINCIPAL_DUTY,
    case_get_for_user,
    case_list_for_user,
    case_list_rows,
    case_rights,
    envelope_scope,
)
from sergur.cases.services import case_open
from sergur.portfolios.models import EnvelopeInstrument
from sergur.portfolios.services import ENVELOPE_NOT_AUTHOR, envelope_confirm, envelope_save
from sergur.portfolios.tests.test_envelope_services import OBSERVATION_SCORES, SUPERIOR_SCORES
from sergur.portfolios.views.envelope import DISTRICT_HEAD_NAME
from sergur.registry.models import District
from sergur.registry.tests.factories import (
    DistrictFactory,
    SchoolFactory,
    SubdistrictFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def heads(cast):
    """The head of the cast's district office, the head of another district's office, and a
    principal-participant case: the principal of school one (pak_kepala) as a teacher."""
    district = District.objects.get(committee_members=cast.dinas)
    other = District.objects.get(committee_members=cast.dinas_other)
    school = cast.pak_kepala.school
    teacher = TeacherFactory(user=cast.pak_kepala, additional_duty=PRINCIPAL_DUTY)
    TeachingAssignmentFactory(teacher=teacher, school=school)
    case = case_open(teacher=teacher, programme_year=cast.sri_case.programme_year, actor=None)
    head = UserFactory(username="kadinas", role=User.Role.DISTRICT_HEAD, district=district)
    head_other = UserFactory(username="kadinas2", role=User.Role.DISTRICT_HEAD, district=other)
    return head, head_other, case


def save(case, actor, author="principal"):
    return envelope_save(
        case=case,
        actor=actor,
        author=author,
        observation=OBSERVATION_SCORES,
        superior=SUPERIOR_SCORES,
        now=timezone.now(),
    )


def test_the_role_needs_its_district():
    head = User(username="kadinas", role=User.Role.DISTRICT_HEAD)
    with pytest.raises(ValidationError) as refused:
        head.full_clean()
    assert "district" in refused.value.message_dict


def test_the_head_sees_only_the_principals_of_their_district(cast, heads):
    head, head_other, case = heads
    assert list(case_list_for_user(user=head)) == [case]
    assert case_get_for_user(user=head, pk=case.pk) == case
    assert list(case_list_for_user(user=head_other)) == []
    for pk in (case.pk, cast.sri_case.pk, cast.budi_case.pk):
        with pytest.raises(Exception) as hidden:
            case_get_for_user(user=head_other, pk=pk)
        assert hidden.typename == "Http404"
    with pytest.raises(Exception) as hidden:
        case_get_for_user(user=head, pk=cast.sri_case.pk)  # not a principal
    assert hidden.typename == "Http404"


def test_a_principal_in_another_district_is_not_the_heads(cast, heads):
    head, _other, _case = heads
    elsewhere = SchoolFactory(
        subdistrict=SubdistrictFactory(district=DistrictFactory(code="09", name="Gunungkidul"))
    )
    teacher = TeacherFactory(additional_duty=PRINCIPAL_DUTY)
    TeachingAssignmentFactory(teacher=teacher, school=elsewhere)
    far = case_open(teacher=teacher, programme_year=cast.sri_case.programme_year, actor=None)
    assert far not in case_list_for_user(user=head)


def test_the_head_takes_the_principals_part_and_the_principal_does_not(cast, heads):
    head, _other, case = heads
    assert case_rights(user=head, case=case).envelope_role == "principal"
    # The principal on their own portfolio: sees it as its owner, never fills the envelope.
    own = case_rights(user=cast.pak_kepala, case=case)
    assert own.is_owner and own.envelope_role is None and not own.fill_envelope
    # The supervisor of the school still fills the supervisor's part.
    assert case_rights(user=cast.pengawas, case=case).envelope_role == "supervisor"
    # The head has nothing to do on an ordinary teacher's envelope.
    assert case_rights(user=head, case=cast.sri_case).envelope_role is None


def test_a_principal_does_not_endorse_another_principal_of_their_school(cast, heads):
    _head, _other, _case = heads
    colleague = TeacherFactory(additional_duty=PRINCIPAL_DUTY)
    TeachingAssignmentFactory(teacher=colleague, school=cast.pak_kepala.school)
    case = case_open(teacher=colleague, programme_year=cast.sri_case.programme_year, actor=None)
    assert case_rights(user=cast.pak_kepala, case=case).envelope_role is None


def test_the_head_and_the_supervisor_complete_the_envelope(cast, heads):
    head, _other, case = heads
    save(case, head)
    envelope_confirm(case=case, actor=head, author="principal", now=timezone.now())
    done = envelope_confirm(case=case, actor=cast.pengawas, author="supervisor", now=timezone.now())
    assert done.complete
    assert EnvelopeInstrument.objects.get(case=case).principal == head


@pytest.mark.parametrize("who", ["pak_kepala", "dinas", "lpmp", "head_other"])
def test_nobody_else_fills_the_principals_part(cast, heads, who):
    head, head_other, case = heads
    actor = head_other if who == "head_other" else getattr(cast, who)
    with pytest.raises(ValidationError) as refused:
        save(case, actor)
    assert refused.value.messages == [str(ENVELOPE_NOT_AUTHOR)]


def test_the_heads_list_offers_the_envelope_of_principals_only(cast, heads):
    head, _other, case = heads
    scope = envelope_scope(user=head)
    rows = list(case_list_rows(user=head))
    assert [(row.pk, scope.role_for(row)) for row in rows] == [(case.pk, "principal")]
    principal_scope = envelope_scope(user=cast.pak_kepala)
    by_pk = {row.pk: principal_scope.role_for(row) for row in case_list_rows(user=cast.pak_kepala)}
    assert by_pk == {case.pk: None, cast.sri_case.pk: "principal"}


def url(case) -> str:
    return reverse("portfolios:envelope", args=[case.pk])


def test_the_head_opens_and_saves_the_envelope_page(client, cast, heads):
    head, _other, case = heads
    client.force_login(head)
    response = client.get(url(case))
    assert response.status_code == 200
    assert response.context["author"] == "principal"
    assert response.context["author_name"] == str(DISTRICT_HEAD_NAME)
    data = {"action": "save"}
    for index, value in enumerate(OBSERVATION_SCORES):
        data[f"o{index}"] = str(value)
    for index, value in enumerate(SUPERIOR_SCORES):
        data[f"s{index}"] = str(value)
    assert client.post(url(case), data).status_code == 302
    assert EnvelopeInstrument.objects.get(case=case).principal == head


@pytest.mark.parametrize(
    ("who", "status"),
    [("head_other", 404), ("pak_kepala", 403), ("dinas", 403), ("bu_kepala", 404)],
)
def test_the_envelope_page_refuses_everyone_else(client, cast, heads, who, status):
    head, head_other, case = heads
    client.force_login(head_other if who == "head_other" else getattr(cast, who))
    assert client.get(url(case)).status_code == status


def test_the_head_has_no_envelope_page_for_an_ordinary_teacher(client, cast, heads):
    head, _other, _case = heads
    client.force_login(head)
    assert client.get(url(cast.sri_case)).status_code == 404
