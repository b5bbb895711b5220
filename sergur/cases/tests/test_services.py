from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from sergur.accounts.models import User
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import (
    case_event_record,
    case_open,
    case_transition,
    case_transition_many,
)
from sergur.registry.tests.factories import ProgrammeYearFactory, TeacherFactory
from sergur.rules.workflow import Actor, State

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


def test_case_transition_refuses_a_move_the_workflow_does_not_hold(cast):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        case_transition(
            case=cast.sri_case,
            to_state=Case.State.DECIDED,
            actor=cast.sri,
            kind=CaseEvent.Kind.DECIDED,
        )

    assert refused.value.messages == [
        "A case in the state “Filling the portfolio” cannot move to "
        "“Decided, awaiting publication”."
    ]
    cast.sri_case.refresh_from_db()
    assert cast.sri_case.state == Case.State.DRAFT
    assert list(cast.sri_case.events.values_list("kind", flat=True)) == ["created"]


def test_case_transition_refuses_a_role_the_workflow_does_not_name(cast):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        case_transition(
            case=cast.sri_case,
            to_state=Case.State.SUBMITTED,
            actor=cast.rayon_admin,
            kind=CaseEvent.Kind.SUBMITTED,
        )

    assert refused.value.messages == ["Only the teacher whose portfolio it is can submit it."]
    cast.sri_case.refresh_from_db()
    assert cast.sri_case.state == Case.State.DRAFT


def test_many_cases_move_in_one_update_each_checked(cast, django_assert_num_queries):
    states = {cast.sri_case.pk: Case.State.DRAFT, cast.budi_case.pk: Case.State.DRAFT}

    with django_assert_num_queries(1):
        moved = case_transition_many(
            states=states, to_state=Case.State.SUBMITTED, actor=cast.sri, now=timezone.now()
        )

    assert moved == list(states)
    assert set(Case.objects.values_list("state", flat=True)) == {Case.State.SUBMITTED}


def test_many_cases_move_all_or_none(cast):
    states = {cast.sri_case.pk: Case.State.DRAFT, cast.budi_case.pk: Case.State.DRAFT}

    with pytest.raises(ValidationError, match="cannot move|tidak dapat"):
        case_transition_many(
            states=states, to_state=Case.State.RECEIVED, actor=None, now=timezone.now()
        )

    assert set(Case.objects.values_list("state", flat=True)) == {Case.State.DRAFT}


def test_the_workflow_knows_every_state_and_role_by_the_models_values():
    assert set(Case.State.values) == {state.value for state in State}
    assert {actor.value for actor in Actor} - set(User.Role.values) == {"system"}
