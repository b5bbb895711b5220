"""The PLPG services: forming classes, the instructor's conflicts of interest, the timetable,
the training, exams, retakes, the return to the district and remedial activities; each with
its forbidden path."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sergur.assessments.tests.decisions_support import extra_case
from sergur.cases.models import Case, CaseEvent
from sergur.plpg.models import InstructorRelation, Participant, RemedialActivity, Score
from sergur.plpg.services import (
    attendance_record,
    instructor_obstacles,
    peer_teaching_score,
    plpg_class_update,
    plpg_classes_propose,
    plpg_score_enter,
    plpg_scores_import,
    plpg_session_add,
    remedial_record,
    subject_merge_set,
)
from sergur.plpg.tests.support import (
    DAY,
    attend_all,
    instructor,
    peer_teach,
    publish_mplpg,
    world,
)
from sergur.registry.tests.factories import SubjectFactory

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture(autouse=True)
def _english():
    """Messages in English (the rules core's and the services' alike)."""
    with translation.override("en"):
        yield


def kinds(case: Case) -> list[str]:
    return list(case.events.values_list("kind", flat=True))


def test_published_mplpg_cases_are_placed_in_one_class(cast):
    w = world(cast)
    assert w.plpg_class.participants.count() == 2
    cast.sri_case.refresh_from_db()
    assert cast.sri_case.state == Case.State.PLPG
    assert CaseEvent.Kind.PLPG_PLACED in kinds(cast.sri_case)


def test_a_case_without_an_mplpg_decision_is_not_placed(cast):
    publish_mplpg(cast.sri_case, "071234560001")
    other = extra_case(cast)  # never decided
    created = plpg_classes_propose(
        rayon=cast.rayon_admin.rayon,
        programme_year=cast.sri_case.programme_year,
        actor=cast.rayon_admin,
    )
    assert [p.case for p in created[0].participants.all()] == [cast.sri_case]
    assert not Participant.objects.filter(case=other).exists()


def test_another_rayon_cannot_form_the_classes(cast):
    publish_mplpg(cast.sri_case, "071234560001")
    with pytest.raises(ValidationError, match="Only the rayon admin"):
        plpg_classes_propose(
            rayon=cast.rayon_admin.rayon,
            programme_year=cast.sri_case.programme_year,
            actor=cast.rayon_other,
        )


def test_a_merged_subject_is_taught_with_its_target(cast):
    physics = SubjectFactory(code="181", name="Fisika")
    teacher = cast.budi_case.teacher
    teacher.subject = physics
    teacher.save()
    subject_merge_set(
        rayon=cast.rayon_admin.rayon,
        subject=physics,
        into=cast.sri_case.teacher.subject,
        actor=cast.rayon_admin,
    )
    with pytest.raises(ValidationError, match="not merged into itself"):
        subject_merge_set(
            rayon=cast.rayon_admin.rayon, subject=physics, into=physics, actor=cast.rayon_admin
        )
    w = world(cast)
    assert w.plpg_class.participants.count() == 2


def test_an_instructor_related_to_a_participant_or_from_their_school_is_refused(cast):
    w = world(cast)
    InstructorRelation.objects.create(
        instructor=w.other, teacher=cast.sri_case.teacher, relation="saudara"
    )
    school = cast.budi_case.teacher.assignments.get(is_main=True).school
    w.other.home_school = school
    w.other.save()
    reasons = instructor_obstacles(plpg_class=w.plpg_class, instructor=w.other)
    assert len(reasons) == 2
    assert "declared a relationship" in reasons[0]
    assert "teaches at the school" in reasons[1]
    with pytest.raises(ValidationError):
        plpg_class_update(
            plpg_class=w.plpg_class,
            instructor=w.other,
            venue="",
            starts_on=None,
            ends_on=None,
            actor=cast.rayon_admin,
        )


def test_an_inactive_instructor_of_another_rayon_is_refused(cast):
    w = world(cast)
    from sergur.registry.models import Rayon

    outsider = instructor("luar", Rayon.objects.get(code="901"))
    assert instructor_obstacles(plpg_class=w.plpg_class, instructor=outsider) == [
        "The chosen instructor is not in this rayon's register."
    ]
    idle = instructor("idle", w.plpg_class.rayon, active=False)
    idle.subjects.clear()
    assert len(instructor_obstacles(plpg_class=w.plpg_class, instructor=idle)) == 2


def test_the_timetable_holds_at_most_the_years_jp_within_the_dates(cast):
    w = world(cast)
    with pytest.raises(ValidationError, match="more than the training's 90"):
        plpg_session_add(
            plpg_class=w.plpg_class,
            day=DAY,
            starts_at=dt.time(13),
            topic="Extra",
            jp=1,
            actor=cast.rayon_admin,
        )
    with pytest.raises(ValidationError, match="outside the class's dates"):
        plpg_session_add(
            plpg_class=w.plpg_class,
            day=DAY - dt.timedelta(days=1),
            starts_at=dt.time(13),
            topic="Early",
            jp=1,
            actor=cast.rayon_admin,
        )
    with pytest.raises(ValidationError, match="Only the rayon admin"):
        plpg_session_add(
            plpg_class=w.plpg_class,
            day=DAY,
            starts_at=dt.time(13),
            topic="x",
            jp=1,
            actor=w.teacher.user,
        )


def enter(w, participant, part, score, actor=None):
    return plpg_score_enter(
        participant=participant, part=part, score=D(score), actor=actor or w.teacher.user
    )


def first_round(w, participant, written="80"):
    for part, score in (("HW", "80"), ("SP", "80"), ("SS", "80")):
        enter(w, participant, part, score)
    return enter(w, participant, "SUT", written)


def test_failed_written_test_then_a_retake_of_that_part_alone_passes(cast):
    w = world(cast)
    attend_all(w)
    peer_teach(w, w.sri)
    assert Score.objects.get(participant=w.sri, part="SUP").score == 80
    outcome = first_round(w, w.sri, written="60")
    assert outcome is not None and outcome.retake_parts == ("SUT",)
    w.sri.refresh_from_db()
    assert (w.sri.status, w.sri.round, w.sri.retake_parts) == ("retake", 1, ["SUT"])
    with pytest.raises(ValidationError, match="Only the failed parts are retaken"):
        enter(w, w.sri, "SUP", "90")
    with pytest.raises(ValidationError, match="is no exam"):
        enter(w, w.sri, "HW", "90")
    outcome = enter(w, w.sri, "SUT", "75")
    assert outcome is not None and outcome.passed
    cast.sri_case.refresh_from_db()
    assert cast.sri_case.state == Case.State.PLPG_PASSED
    assert [k for k in kinds(cast.sri_case) if k.startswith("plpg_")][-2:] == [
        "plpg_scored",
        "plpg_passed",
    ]
    assert CaseEvent.Kind.PLPG_RETAKE in kinds(cast.sri_case)
    with pytest.raises(ValidationError, match="closed"):
        enter(w, w.sri, "SUT", "90")


def test_after_the_last_failed_retake_the_case_returns_to_the_district(cast):
    w = world(cast)
    attend_all(w)
    peer_teach(w, w.budi)
    first_round(w, w.budi, written="50")
    enter(w, w.budi, "SUT", "55")
    outcome = enter(w, w.budi, "SUT", "60")
    assert outcome is not None and outcome.status == "returned"
    cast.budi_case.refresh_from_db()
    assert cast.budi_case.state == Case.State.PLPG_RETURNED
    event = cast.budi_case.events.get(kind=CaseEvent.Kind.PLPG_RETURNED)
    assert "2 retake" in event.data["reasons"]["en"][-1]


def test_without_enough_attendance_the_teacher_is_not_admitted(cast):
    w = world(cast)
    peer_teach(w, w.budi)
    outcome = first_round(w, w.budi)
    assert outcome is not None and outcome.status == "not_admitted"
    cast.budi_case.refresh_from_db()
    assert cast.budi_case.state == Case.State.PLPG_RETURNED


def test_scores_are_entered_only_by_the_class_instructor_once_a_round(cast):
    w = world(cast)
    with pytest.raises(ValidationError, match="Only the class's instructor"):
        enter(w, w.sri, "HW", "80", actor=w.other.user)
    with pytest.raises(ValidationError, match="Only the class's instructor"):
        enter(w, w.sri, "HW", "80", actor=cast.sri)
    with pytest.raises(ValidationError, match="not a part"):
        enter(w, w.sri, "SAK", "80")
    assert enter(w, w.sri, "HW", "80") is None
    with pytest.raises(ValidationError, match="already has a score"):
        enter(w, w.sri, "HW", "81")
    with pytest.raises(ValidationError, match="Only the class's instructor"):
        attendance_record(session=w.sessions[0], present=set(), actor=w.other.user)


def test_peer_teaching_goes_in_order_and_the_practical_needs_the_plan(cast):
    w = world(cast)

    def appear(number: int, discussed: bool = True):
        return peer_teaching_score(
            participant=w.sri,
            number=number,
            plan_discussed=discussed,
            plan_score=D(70),
            teaching_score=D(70),
            actor=w.teacher.user,
        )

    with pytest.raises(ValidationError, match="comes after"):
        appear(2)
    appear(1, discussed=False)
    with pytest.raises(ValidationError, match="already scored"):
        appear(1)
    appear(2)
    with pytest.raises(ValidationError, match="lesson plan is discussed"):
        appear(3, discussed=False)
    appear(3)
    assert CaseEvent.Kind.PLPG_PEER_TEACHING in kinds(cast.sri_case)


def test_the_district_records_remedial_activities_between_failure_and_retake(cast):
    w = world(cast)
    attend_all(w)
    peer_teach(w, w.sri)

    def record(actor):
        return remedial_record(
            participant=w.sri,
            kind=RemedialActivity.Kind.MGMP,
            description="MGMP Matematika Bantul",
            starts_on=DAY + dt.timedelta(days=20),
            ends_on=DAY + dt.timedelta(days=21),
            actor=actor,
        )

    with pytest.raises(ValidationError, match="between a failed exam"):
        record(cast.dinas)
    first_round(w, w.sri, written="60")
    w.sri.refresh_from_db()
    entry = record(cast.dinas)
    assert entry.recorded_by == cast.dinas
    assert CaseEvent.Kind.PLPG_REMEDIAL in kinds(cast.sri_case)
    for outsider in (cast.dinas_other, cast.rayon_admin, cast.sri):
        with pytest.raises(ValidationError, match="Only the district committee"):
            record(outsider)


def csv(text: str) -> io.BytesIO:
    return io.BytesIO(text.encode())


def test_an_import_with_bad_rows_names_them_and_enters_nothing(cast):
    w = world(cast)
    report = plpg_scores_import(
        plpg_class=w.plpg_class,
        stream=csv("participant,SUT\n071234560001,abc\n999,70\n071234560002,70\n071234560002,71\n"),
        actor=w.teacher.user,
    )
    assert report.entered == 0
    assert report.problems == [
        (2, "SUT", "“abc” is not a score from 0 to 100."),
        (3, "PARTICIPANT", "No participant of this class has the number 999."),
        (5, "PARTICIPANT", "The participant 071234560002 is on line 4 already."),
    ]
    assert not Score.objects.exists()


def test_an_import_without_the_written_column_or_rows_is_refused(cast):
    w = world(cast)
    report = plpg_scores_import(
        plpg_class=w.plpg_class, stream=csv("participant,UTN\n1,2\n"), actor=w.teacher.user
    )
    assert report.problems == [(1, "SUT", "The column SUT is missing from the header row.")]
    report = plpg_scores_import(
        plpg_class=w.plpg_class, stream=csv("participant,SUT\n"), actor=w.teacher.user
    )
    assert report.problems[0][0] == 1
    report = plpg_scores_import(
        plpg_class=w.plpg_class,
        stream=io.BytesIO(b"participant,SUT\n\xff,1\n"),
        actor=w.teacher.user,
    )
    assert "not UTF-8" in report.problems[0][2]
    with pytest.raises(ValidationError, match="Only the class's instructor"):
        plpg_scores_import(plpg_class=w.plpg_class, stream=csv(""), actor=w.other.user)


def test_a_clean_import_enters_every_written_score(cast):
    w = world(cast)
    report = plpg_scores_import(
        plpg_class=w.plpg_class,
        stream=csv("participant,SUT\n071234560001,82\n071234560002,\n"),
        actor=w.teacher.user,
    )
    assert (report.problems, report.entered) == ([], 1)
    assert Score.objects.get(participant=w.sri, part="SUT").score == 82
    again = plpg_scores_import(
        plpg_class=w.plpg_class,
        stream=csv("participant,SUT\n071234560001,90\n"),
        actor=w.teacher.user,
    )
    assert again.problems == [(2, "SUT", "SUT already has a score in this round.")]


def test_a_case_with_an_open_appeal_waits_for_its_outcome(cast):
    from django.utils import timezone

    from sergur.appeals.services import appeal_file

    publish_mplpg(cast.sri_case, "071234560001")
    appeal_file(
        case=cast.sri_case, actor=cast.sri, grounds="Keberatan.", upload=None, now=timezone.now()
    )
    created = plpg_classes_propose(
        rayon=cast.rayon_admin.rayon,
        programme_year=cast.sri_case.programme_year,
        actor=cast.rayon_admin,
    )
    assert created == []


def test_a_declared_relationship_is_recorded_once_by_the_rayon(cast):
    from sergur.plpg.services import instructor_relation_declare

    w = world(cast)
    teacher = cast.sri_case.teacher
    entry = instructor_relation_declare(
        instructor=w.other, teacher=teacher, relation=" ipar ", actor=cast.rayon_admin
    )
    assert entry.relation == "ipar"
    with pytest.raises(ValidationError, match="already declared"):
        instructor_relation_declare(
            instructor=w.other, teacher=teacher, relation="ipar", actor=cast.rayon_admin
        )
    with pytest.raises(ValidationError, match="Only the rayon admin"):
        instructor_relation_declare(
            instructor=w.other, teacher=teacher, relation="ipar", actor=cast.rayon_other
        )
