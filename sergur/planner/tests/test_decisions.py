"""Accepting, accepting in part and rejecting a run's proposal per teacher (docs/allowance.md,
"Accepting a proposal"): the load written through the allowance, the decision on the run,
the audit, the eligibility recomputed, the teacher, the giver and the school told; a stale
proposal and the wrong person refused with nothing written."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sergur.accounts.models import User
from sergur.allowance.models import (
    LoadConfirmation,
    OpenHours,
    SemesterEligibility,
    TeachingLoad,
)
from sergur.allowance.services import load_confirm, load_line_delete, open_hours_add
from sergur.allowance.services.assign import GIVER_SHORT, LINE_GONE, OPEN_GONE
from sergur.allowance.tests.support import NOW
from sergur.common.models import AuditRecord
from sergur.notifications.models import Kind, Notification
from sergur.planner.models import PlanDecision, PlanRun
from sergur.planner.services import proposal_accept, proposal_reject
from sergur.planner.services.decisions import (
    ACCEPTED_SINCE,
    NOT_COMMITTEE,
    NOT_IN_PROPOSAL,
    NOT_PROPOSED,
)
from sergur.planner.tests.support import Scene, computed, scene
from sergur.registry.models import Subject, TeachingAssignment

pytestmark = pytest.mark.django_db

SEMESTER = "2009-1"


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def proposed(run: PlanRun, s: Scene) -> list[str]:
    (mine,) = [t for t in run.result["teachers"] if t["teacher"] == s.short.pk]
    return [a["slot"] for a in mine["assignments"]]


def away_operator(s: Scene) -> User:
    return User.objects.get(username="operator_away")


def messages_of(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return error.value.messages


def test_accepting_moves_the_overloaded_teachers_line_and_makes_the_teacher_eligible(
    cast, django_capture_on_commit_callbacks
) -> None:
    s = scene(cast)
    load_confirm(school=s.away, semester=SEMESTER, actor=away_operator(s), now=NOW)
    run = computed(cast)
    (slot,) = proposed(run, s)
    assert slot.startswith("L")

    with django_capture_on_commit_callbacks(execute=True):
        decision = proposal_accept(
            run=run, teacher=s.short, slots=[slot], actor=cast.dinas, now=NOW
        )

    moved = TeachingLoad.objects.get(pk=int(slot[1:]))
    assert (moved.teacher, moved.school, moved.hours) == (s.short, s.away, 6)
    assert TeachingAssignment.objects.get(teacher=s.short, school=s.away).is_main is False
    assert (decision.outcome, decision.slots, decision.decided_by) == (
        PlanDecision.Outcome.ACCEPTED,
        [slot],
        cast.dinas,
    )
    row = SemesterEligibility.objects.get(teacher=s.short, semester=SEMESTER)
    assert row.eligible and row.hours == 24
    # The teacher who gave the line is recomputed too.
    assert SemesterEligibility.objects.get(teacher=s.busy, semester=SEMESTER).computed_at == NOW
    # The school where the line now is confirms its part again.
    assert not LoadConfirmation.objects.filter(school=s.away).exists()
    assert AuditRecord.objects.filter(action="planner.accepted").count() == 1
    # The line came from the busy teacher: they and the school that lost it hear of the move.
    told = {(n.recipient_id, n.kind, n.link) for n in Notification.objects.all()}
    assert told == {
        (s.short.user_id, Kind.PLAN_HOURS, "/allowance/"),
        (s.busy.user_id, Kind.PLAN_GIVER, f"/allowance/?semester={SEMESTER}"),
        (
            away_operator(s).pk,
            Kind.PLAN_GIVER,
            f"/allowance/schools/{s.away.pk}/?semester={SEMESTER}",
        ),
    }


def test_accepting_untaught_hours_gives_the_teacher_a_line_and_fills_them(cast) -> None:
    s = scene(cast)
    operator = away_operator(s)
    for extra in TeachingLoad.objects.filter(teacher=s.busy).order_by("pk")[:2]:
        load_line_delete(line=extra, actor=operator)  # 36 JP: nothing over the cap
    subject = Subject.objects.get(code="180")
    untaught = open_hours_add(
        school=s.away,
        semester=SEMESTER,
        class_label="8C",
        subject=subject,
        hours=6,
        pupils=28,
        actor=operator,
        now=NOW,
    )
    run = computed(cast)
    assert proposed(run, s) == [f"U{untaught.pk}"]

    proposal_accept(run=run, teacher=s.short, slots=[f"U{untaught.pk}"], actor=cast.dinas)

    untaught.refresh_from_db()
    assert untaught.filled and untaught.filled_by == s.short
    given = TeachingLoad.objects.get(teacher=s.short, school=s.away)
    assert (given.class_label, given.hours, given.pupils) == ("8C", 6, 28)
    assert TeachingAssignment.objects.filter(teacher=s.short, school=s.away).exists()
    assert SemesterEligibility.objects.get(teacher=s.short, semester=SEMESTER).eligible
    # A run computed now knows the teacher reached the minimum and the hours are taken.
    assert computed(cast).result["teachers"] == []


def test_accepting_in_part_takes_only_the_ticked_hours(cast) -> None:
    s = scene(cast)
    TeachingLoad.objects.filter(teacher=s.short).update(hours=14)
    run = computed(cast)
    first, second = proposed(run, s)

    decision = proposal_accept(run=run, teacher=s.short, slots=[second], actor=cast.dinas)

    assert decision.slots == [second]
    assert TeachingLoad.objects.filter(teacher=s.short, school=s.away).count() == 1
    assert TeachingLoad.objects.get(pk=int(first[1:])).teacher == s.busy
    assert not SemesterEligibility.objects.get(teacher=s.short, semester=SEMESTER).eligible


def test_rejecting_writes_nothing_but_the_decision_and_the_decision_is_final(cast) -> None:
    s = scene(cast)
    run = computed(cast)
    slots = proposed(run, s)

    decision = proposal_reject(run=run, teacher=s.short, actor=cast.dinas, now=NOW)

    assert (decision.outcome, decision.slots) == (PlanDecision.Outcome.REJECTED, [])
    assert not TeachingLoad.objects.filter(teacher=s.short, school=s.away).exists()
    assert AuditRecord.objects.filter(action="planner.rejected").count() == 1
    with pytest.raises(ValidationError) as again:
        proposal_accept(run=run, teacher=s.short, slots=slots, actor=cast.dinas)
    assert "already rejected" in messages_of(again)[0]


def test_only_the_committee_of_the_runs_district_decides(cast) -> None:
    s = scene(cast)
    run = computed(cast)
    slots = proposed(run, s)

    for person in (cast.dinas_other, cast.sri, away_operator(s), cast.lpmp):
        with pytest.raises(ValidationError) as refused:
            proposal_accept(run=run, teacher=s.short, slots=slots, actor=person)
        assert messages_of(refused) == [str(NOT_COMMITTEE)]
        with pytest.raises(ValidationError):
            proposal_reject(run=run, teacher=s.short, actor=person)
    assert not PlanDecision.objects.exists()
    assert not TeachingLoad.objects.filter(teacher=s.short, school=s.away).exists()


def test_hours_the_run_did_not_propose_are_refused(cast) -> None:
    s = scene(cast)
    run = computed(cast)
    other = TeachingLoad.objects.filter(teacher=s.busy).exclude(
        pk__in=[int(k[1:]) for k in proposed(run, s)]
    )[0]

    with pytest.raises(ValidationError) as refused:
        proposal_accept(run=run, teacher=s.short, slots=[f"L{other.pk}"], actor=cast.dinas)
    assert messages_of(refused) == [str(NOT_IN_PROPOSAL)]
    with pytest.raises(ValidationError) as nobody:
        proposal_accept(run=run, teacher=s.busy, slots=[], actor=cast.dinas)
    assert messages_of(nobody) == [str(NOT_PROPOSED)]


def test_a_line_changed_since_the_run_is_a_stale_proposal(cast) -> None:
    s = scene(cast)
    run = computed(cast)
    (slot,) = proposed(run, s)
    TeachingLoad.objects.filter(pk=int(slot[1:])).update(hours=5)

    with pytest.raises(ValidationError) as stale:
        proposal_accept(run=run, teacher=s.short, slots=[slot], actor=cast.dinas)

    expected = str(LINE_GONE) % {"klass": "9A", "subject": "180", "school": s.away.name}
    assert messages_of(stale) in ([expected], [expected.replace("9A", "9B")])
    assert not PlanDecision.objects.exists()
    assert not TeachingAssignment.objects.filter(teacher=s.short, school=s.away).exists()


def test_open_hours_filled_since_the_run_are_a_stale_proposal(cast) -> None:
    s = scene(cast)
    operator = away_operator(s)
    for extra in TeachingLoad.objects.filter(teacher=s.busy).order_by("pk")[:2]:
        load_line_delete(line=extra, actor=operator)
    untaught = open_hours_add(
        school=s.away,
        semester=SEMESTER,
        class_label="8C",
        subject=Subject.objects.get(code="180"),
        hours=6,
        actor=operator,
        now=NOW,
    )
    run = computed(cast)
    OpenHours.objects.filter(pk=untaught.pk).update(filled_at=NOW, filled_by=s.busy)

    with pytest.raises(ValidationError) as stale:
        proposal_accept(run=run, teacher=s.short, slots=[f"U{untaught.pk}"], actor=cast.dinas)

    assert messages_of(stale) == [
        str(OPEN_GONE) % {"klass": "8C", "subject": "180", "school": s.away.name}
    ]
    assert not TeachingLoad.objects.filter(teacher=s.short, school=s.away).exists()


def test_a_giver_who_would_fall_below_the_minimum_refuses_the_proposal(cast) -> None:
    s = scene(cast)
    run = computed(cast)
    (slot,) = proposed(run, s)
    operator = away_operator(s)
    for extra in TeachingLoad.objects.filter(teacher=s.busy).exclude(pk=int(slot[1:]))[:4]:
        load_line_delete(line=extra, actor=operator)  # 24 JP left, the proposed line among them

    with pytest.raises(ValidationError) as stale:
        proposal_accept(run=run, teacher=s.short, slots=[slot], actor=cast.dinas)

    line = TeachingLoad.objects.get(pk=int(slot[1:]))
    assert messages_of(stale) == [
        str(GIVER_SHORT)
        % {"klass": line.class_label, "subject": "180", "school": s.away.name, "minimum": 24}
    ]
    assert line.teacher == s.busy


def test_a_run_older_than_an_acceptance_for_the_teacher_is_refused(cast) -> None:
    s = scene(cast)
    TeachingLoad.objects.filter(teacher=s.short).update(hours=14)
    older = computed(cast)
    newer = computed(cast)
    first, _second = proposed(newer, s)
    proposal_accept(run=newer, teacher=s.short, slots=[first], actor=cast.dinas)

    with pytest.raises(ValidationError) as stale:
        proposal_accept(run=older, teacher=s.short, slots=proposed(older, s), actor=cast.dinas)

    assert messages_of(stale) == [str(ACCEPTED_SINCE)]
