from __future__ import annotations

import pytest

from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_event_record, case_open, case_transition
from sergur.registry.tests.factories import ProgrammeYearFactory, TeacherFactory

pytestmark = pytest.mark.django_db


def test_case_open_creates_one_case_a_year_and_logs_it():
    teacher, year = TeacherFactory(), ProgrammeYearFactory()
    first = case_open(teacher=teacher, programme_year=year, actor=None, participant_number="1")
    again = case_open(teacher=teacher, programme_year=year, actor=None)

    assert first.pk == again.pk
    assert first.state == Case.State.DRAFT
    assert list(first.events.values_list("kind", "to_state")) == [("created", "draft")]


def test_case_transition_logs_who_from_and_to(cast):
    case = case_transition(
        case=cast.sri_case,
        to_state=Case.State.SUBMITTED,
        actor=cast.sri,
        kind=CaseEvent.Kind.SUBMITTED,
        reason="on time",
    )
    event = case.events.latest("at")
    assert (event.actor, event.from_state, event.to_state, event.reason) == (
        cast.sri,
        "draft",
        "submitted",
        "on time",
    )
    assert not case.is_editable_by_teacher


def test_events_are_append_only(cast):
    event = case_event_record(case=cast.sri_case, actor=cast.sri, kind=CaseEvent.Kind.SUBMITTED)
    event.reason = "rewritten"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()
    assert "Portfolio submitted" in str(event) or "diserahkan" in str(event).lower()
