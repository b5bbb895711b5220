"""Allocation through the services: two balanced, subject-matched, conflict-free assessors per
received portfolio; no names in the log; manual reassignment rules; a re-assessment keeps its
assessors; the third assessor."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sergur.accounts.models import User
from sergur.assessments.models import Allocation, Assessor, DeclaredRelation, Sheet
from sergur.assessments.services.allocation import (
    REASON_REQUIRED,
    RELATION_EXISTS,
    SAME_ASSESSOR,
    SHEET_SUBMITTED,
    allocation_reassign,
    allocation_run,
    relation_declare,
    third_assessor_allocate,
)
from sergur.assessments.tests.support import allocate, at_rayon
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_transition
from sergur.cases.tests.support import state_set
from sergur.registry.models import Subject
from sergur.registry.tests.factories import (
    SchoolFactory,
    SubjectFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
    UserFactory,
)


def run(cast: Any) -> Any:
    return allocation_run(programme_year=cast.sri_case.programme_year, actor=cast.rayon_admin)


def active(case: Case) -> list[Allocation]:
    return list(
        Allocation.objects.filter(case=case, active=True)
        .select_related("assessor__user")
        .order_by("round", "slot")
    )


def users_of(case: Case) -> set[User]:
    return {allocation.assessor.user for allocation in active(case)}


def extra_case(cast: Any, *, subject: Subject | None = None, school: Any = None) -> Case:
    """Another teacher of the cast's province, received by the rayon."""
    from sergur.cases.services import case_open

    teacher = TeacherFactory(subject=subject or cast.sri_case.teacher.subject)
    where = school or cast.sri_case.teacher.assignments.get().school
    TeachingAssignmentFactory(teacher=teacher, school=where)
    case = case_open(teacher=teacher, programme_year=cast.sri_case.programme_year, actor=None)
    return at_rayon(case)


@pytest.fixture
def received(cast: Any) -> Any:
    at_rayon(cast.sri_case)
    at_rayon(cast.budi_case)
    return cast


def test_every_received_portfolio_gets_two_assessors_sheets_and_one_event(received):
    summary = run(received)

    assert summary.placed == 2 and summary.unplaced == []
    for case in (received.sri_case, received.budi_case):
        allocations = active(case)
        assert [(a.round, a.slot) for a in allocations] == [(1, 1), (1, 2)]
        assert allocations[0].assessor != allocations[1].assessor
        assert Sheet.objects.filter(allocation__in=allocations).count() == 2
        case.refresh_from_db()
        assert case.state == Case.State.IN_ASSESSMENT
        events = CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.ALLOCATED)
        assert [(e.reason, e.data) for e in events] == [("", {"round": 1})]


def test_the_load_is_balanced_across_the_register(received):
    for _ in range(4):
        extra_case(received)

    assert run(received).placed == 6
    loads = [
        Allocation.objects.filter(assessor__user=user, active=True).count()
        for user in (received.asesor, received.asesor2, received.asesor3)
    ]
    assert sorted(loads) == [4, 4, 4]


def test_a_full_assessor_is_left_out_and_an_exhausted_register_is_explained(received):
    Assessor.objects.filter(user=received.asesor3).update(max_load=0)
    Assessor.objects.filter(user=received.asesor2).update(max_load=1)

    summary = run(received)

    assert summary.placed == 1
    (unplaced,) = summary.unplaced
    assert unplaced.case.state == Case.State.RECEIVED
    assert unplaced.reasons and "maksimal" in unplaced.reasons[0]
    placed = received.sri_case if active(received.sri_case) else received.budi_case
    assert users_of(placed) == {received.asesor, received.asesor2}


def test_only_assessors_of_the_subject_are_allocated(received):
    other = SubjectFactory(code="190", name="Biologi")
    case = extra_case(received, subject=other)
    biologist = UserFactory(role=User.Role.ASSESSOR, rayon=received.rayon_admin.rayon)
    Assessor.objects.create(
        user=biologist, rayon=received.rayon_admin.rayon, number="B-1", degree="S3"
    ).subjects.add(other)

    with translation.override("en"):
        summary = run(received)

    assert {u.case for u in summary.unplaced} == {case}
    assert "190" in summary.unplaced[0].reasons[0]
    assert not active(case)
    assert biologist not in users_of(received.sri_case) | users_of(received.budi_case)


def test_conflicts_of_interest_are_refused(received):
    sri_school = received.sri_case.teacher.assignments.get().school
    Assessor.objects.filter(user=received.asesor).update(home_school=sri_school)
    DeclaredRelation.objects.create(
        assessor=received.asesor2.assessor, teacher=received.sri_case.teacher, relation="adik"
    )

    summary = run(received)

    # Sri's case has only asesor3 left: one short, and the reason says so.
    assert [u.case for u in summary.unplaced] == [received.sri_case]
    assert "konflik" in summary.unplaced[0].reasons[0]
    assert users_of(received.budi_case) == {received.asesor2, received.asesor3}


def test_an_assessor_from_the_teachers_district_is_refused(received):
    district = received.sri_case.teacher.assignments.get().school.subdistrict.district
    Assessor.objects.filter(user=received.asesor).update(home_district=district)

    run(received)

    assert received.asesor not in users_of(received.sri_case) | users_of(received.budi_case)


def test_nothing_received_allocates_nothing(cast):
    summary = run(cast)
    assert summary.placed == 0 and summary.unplaced == []
    assert not Allocation.objects.exists()


def test_a_reassessed_portfolio_keeps_its_assessors_in_the_next_round(received):
    allocate(received.sri_case, received.asesor, received.asesor3)
    state_set(
        case=received.sri_case,
        to_state=Case.State.RECEIVED,
        actor=None,
        kind=CaseEvent.Kind.RECEIVED,
    )

    run(received)

    round_two = [a for a in active(received.sri_case) if a.round == 2]
    assert [(a.slot, a.assessor.user) for a in round_two] == [
        (1, received.asesor),
        (2, received.asesor3),
    ]
    event = CaseEvent.objects.filter(case=received.sri_case, kind=CaseEvent.Kind.ALLOCATED).last()
    assert event is not None and event.data == {"round": 2}


# -- reassignment ------------------------------------------------------------------------------


@pytest.fixture
def allocated(received: Any) -> Any:
    allocate(received.sri_case, received.asesor, received.asesor2)
    return received


def slot_one(cast: Any) -> Allocation:
    return Allocation.objects.get(case=cast.sri_case, slot=1, active=True)


def test_a_reassignment_keeps_the_old_allocation_and_logs_no_name(allocated):
    old = slot_one(allocated)

    new = allocation_reassign(
        allocation=old,
        assessor=allocated.asesor3.assessor,
        reason="Sakit",
        actor=allocated.rayon_admin,
    )

    old.refresh_from_db()
    assert not old.active and Sheet.objects.filter(allocation=old).exists()
    assert (new.slot, new.round, new.active, new.reason) == (1, 1, True, "Sakit")
    assert new.assigned_by == allocated.rayon_admin
    assert Sheet.objects.filter(allocation=new, submitted_at__isnull=True).exists()
    event = CaseEvent.objects.get(case=allocated.sri_case, kind=CaseEvent.Kind.REASSIGNED)
    assert event.reason == "" and event.data == {"round": 1, "slot": 1}


def test_a_reassignment_needs_a_reason(allocated):
    with pytest.raises(ValidationError) as error:
        allocation_reassign(
            allocation=slot_one(allocated),
            assessor=allocated.asesor3.assessor,
            reason="  ",
            actor=allocated.rayon_admin,
        )
    assert error.value.messages == [str(REASON_REQUIRED)]
    assert slot_one(allocated).assessor.user == allocated.asesor


def test_a_submitted_sheet_is_not_reassigned(allocated):
    from django.utils import timezone

    Sheet.objects.filter(allocation=slot_one(allocated)).update(submitted_at=timezone.now())
    with pytest.raises(ValidationError) as error:
        allocation_reassign(
            allocation=slot_one(allocated),
            assessor=allocated.asesor3.assessor,
            reason="x",
            actor=allocated.rayon_admin,
        )
    assert error.value.messages == [str(SHEET_SUBMITTED)]


def test_the_other_assessor_of_the_round_is_refused(allocated):
    with pytest.raises(ValidationError) as error:
        allocation_reassign(
            allocation=slot_one(allocated),
            assessor=allocated.asesor2.assessor,
            reason="x",
            actor=allocated.rayon_admin,
        )
    assert str(SAME_ASSESSOR) in error.value.messages[0]


def test_a_conflicting_or_unmatched_assessor_is_refused_with_every_reason(allocated):
    sri_school = allocated.sri_case.teacher.assignments.get().school
    third = allocated.asesor3.assessor
    third.home_school = sri_school
    third.save()
    third.subjects.clear()

    with translation.override("en"), pytest.raises(ValidationError) as error:
        allocation_reassign(
            allocation=slot_one(allocated), assessor=third, reason="x", actor=allocated.rayon_admin
        )

    text = error.value.messages[0]
    assert "does not assess subject" in text and "teacher's school" in text
    assert slot_one(allocated).assessor.user == allocated.asesor


def test_a_case_not_in_assessment_is_not_reassigned(allocated):
    case_transition(
        case=allocated.sri_case, to_state=Case.State.DECIDED, actor=None, kind="decided"
    )
    with translation.override("en"), pytest.raises(ValidationError, match="being assessed"):
        allocation_reassign(
            allocation=slot_one(allocated),
            assessor=allocated.asesor3.assessor,
            reason="x",
            actor=allocated.rayon_admin,
        )


# -- third assessor ----------------------------------------------------------------------------


def test_the_third_assessor_is_neither_of_the_first_two(allocated):
    third = third_assessor_allocate(case=allocated.sri_case, round=1, actor=None)

    assert third is not None
    assert (third.slot, third.round, third.assessor.user) == (3, 1, allocated.asesor3)
    assert Sheet.objects.filter(allocation=third).exists()
    event = CaseEvent.objects.filter(case=allocated.sri_case).last()
    assert event is not None and event.data == {"round": 1, "slot": 3}
    # Once there is a third, asking again adds none.
    assert third_assessor_allocate(case=allocated.sri_case, round=1, actor=None) is None


def test_no_third_assessor_when_nobody_is_eligible(allocated):
    Assessor.objects.filter(user=allocated.asesor3).update(active=False)
    assert third_assessor_allocate(case=allocated.sri_case, round=1, actor=None) is None
    assert third_assessor_allocate(case=allocated.budi_case, round=1, actor=None) is None


# -- declared relationships --------------------------------------------------------------------


def test_a_relationship_is_declared_once(cast):
    assessor = cast.asesor.assessor
    teacher = cast.sri_case.teacher
    relation = relation_declare(assessor=assessor, teacher=teacher, relation=" suami ")
    assert relation.relation == "suami"
    with pytest.raises(ValidationError) as error:
        relation_declare(assessor=assessor, teacher=teacher, relation="suami")
    assert error.value.messages == [str(RELATION_EXISTS)]
    with pytest.raises(ValidationError):
        relation_declare(assessor=assessor, teacher=cast.budi_case.teacher, relation=" ")


def test_a_home_school_elsewhere_is_no_conflict_but_its_district_counts(received):
    elsewhere = SchoolFactory(subdistrict__district__code="71", subdistrict__district__name="X")
    Assessor.objects.filter(user=received.asesor).update(home_school=elsewhere)
    # The cast's district, reached through the home school alone.
    Assessor.objects.filter(user=received.asesor2).update(home_school=SchoolFactory())

    run(received)

    allocated = users_of(received.sri_case) | users_of(received.budi_case)
    assert received.asesor in allocated and received.asesor2 not in allocated


def test_an_assessor_of_another_rayon_is_refused(allocated):
    from sergur.registry.models import Rayon

    stranger = UserFactory(role=User.Role.ASSESSOR)
    other = Assessor.objects.create(
        user=stranger, rayon=Rayon.objects.get(code="901"), number="Z-1", degree="S2"
    )
    other.subjects.add(allocated.sri_case.teacher.subject)
    with translation.override("en"), pytest.raises(ValidationError, match="register"):
        allocation_reassign(
            allocation=slot_one(allocated), assessor=other, reason="x", actor=allocated.rayon_admin
        )


def test_an_inactive_account_sees_no_rayon_case(cast):
    from sergur.assessments.selectors.allocation import rayon_cases

    cast.rayon_admin.is_active = False
    assert not rayon_cases(user=cast.rayon_admin, programme_year=cast.sri_case.programme_year)


def test_a_third_assessor_by_hand_needs_a_reason_and_an_open_third_reconciliation(allocated):
    from sergur.assessments.models import Reconciliation
    from sergur.assessments.services.allocation import NO_THIRD_WANTED, third_assessor_assign

    def assign(reason: str = "r") -> Allocation:
        return third_assessor_assign(
            case=allocated.sri_case,
            assessor=allocated.asesor3.assessor,
            reason=reason,
            actor=allocated.rayon_admin,
        )

    with pytest.raises(ValidationError) as error:
        assign(" ")
    assert error.value.messages == [str(REASON_REQUIRED)]
    with pytest.raises(ValidationError) as error:
        assign()
    assert error.value.messages == [str(NO_THIRD_WANTED)]
    case_transition(
        case=allocated.sri_case,
        to_state=Case.State.RECONCILIATION,
        actor=None,
        kind=CaseEvent.Kind.RECONCILIATION,
    )
    Reconciliation.objects.create(case=allocated.sri_case, round=1, mode="joint")
    with pytest.raises(ValidationError):
        assign()
    Reconciliation.objects.update(mode="third")
    with pytest.raises(ValidationError, match=str(SAME_ASSESSOR)):
        third_assessor_assign(
            case=allocated.sri_case,
            assessor=allocated.asesor.assessor,
            reason="r",
            actor=allocated.rayon_admin,
        )
    assert assign().slot == Allocation.Slot.THIRD
