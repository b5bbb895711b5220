"""envelope_save and envelope_confirm: the principal and the supervisor fill one form and both
confirm the same scores; the log records who confirmed, never the item scores."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from sergur.cases.models import CaseEvent
from sergur.cases.services import case_open
from sergur.portfolios.models import EnvelopeInstrument
from sergur.portfolios.services import (
    ENVELOPE_CLOSED,
    ENVELOPE_NOT_AUTHOR,
    ENVELOPE_NOT_FILLED,
    envelope_confirm,
    envelope_save,
    local_time,
)
from sergur.registry.tests.factories import (
    SubjectFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
    UserFactory,
)
from sergur.rules.instruments import COUNSELOR_PRACTICE, OBSERVATION, SUPERIOR

# A pattern no default could produce, to search for in logs and pages.
OBSERVATION_SCORES: list[int | None] = [5, 4, 3, 2, 1, 2, 3, 4, 5, 4, 3, 2] * 2
SUPERIOR_SCORES: list[int | None] = [4, 5, 3, 5, 4, 2, 5, 3, 4, 1]


def now() -> dt.datetime:
    return timezone.now()


def fill(
    case,
    actor,
    author="principal",
    observation: list[int | None] | None = None,
    superior: list[int | None] | None = None,
    at=None,
):
    return envelope_save(
        case=case,
        actor=actor,
        author=author,
        observation=OBSERVATION_SCORES if observation is None else observation,
        superior=SUPERIOR_SCORES if superior is None else superior,
        now=at or now(),
    )


def messages_of(exc: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [str(message) for message in exc.value.messages]


def test_principal_then_supervisor_complete_the_envelope(cast):
    case = cast.sri_case

    saved = fill(case, cast.pak_kepala)
    assert saved.variant == EnvelopeInstrument.Variant.SUBJECT_TEACHER
    assert saved.observation_items == OBSERVATION_SCORES
    assert saved.superior_items == SUPERIOR_SCORES
    assert saved.filled and not saved.complete

    first = envelope_confirm(case=case, actor=cast.pak_kepala, author="principal", now=now())
    assert first.principal == cast.pak_kepala
    assert first.principal_confirmed_at is not None
    assert first.supervisor_confirmed_at is None
    assert not first.complete

    second = envelope_confirm(case=case, actor=cast.pengawas, author="supervisor", now=now())
    assert second.supervisor == cast.pengawas
    assert second.complete

    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds[-2:] == [
        CaseEvent.Kind.INSTRUMENT_CONFIRMED,
        CaseEvent.Kind.INSTRUMENT_COMPLETED,
    ]


def test_confirming_again_logs_once_and_keeps_the_first_confirmation(cast):
    case = cast.sri_case
    fill(case, cast.pak_kepala)
    first_at = now()
    envelope_confirm(case=case, actor=cast.pak_kepala, author="principal", now=first_at)
    envelope_confirm(case=case, actor=cast.pengawas, author="supervisor", now=first_at)
    logged = case.events.count()

    for author, actor in (("principal", cast.pak_kepala), ("supervisor", cast.pengawas)):
        again = envelope_confirm(
            case=case, actor=actor, author=author, now=first_at + dt.timedelta(minutes=5)
        )
        assert getattr(again, f"{author}_confirmed_at") == first_at

    assert again.complete
    assert case.events.count() == logged
    assert case.events.filter(kind=CaseEvent.Kind.INSTRUMENT_COMPLETED).count() == 1
    assert case.events.filter(kind=CaseEvent.Kind.INSTRUMENT_CONFIRMED).count() == 1


def test_the_log_never_holds_the_item_scores(cast):
    case = cast.sri_case
    fill(case, cast.pak_kepala)
    envelope_confirm(case=case, actor=cast.pak_kepala, author="principal", now=now())
    envelope_confirm(case=case, actor=cast.pengawas, author="supervisor", now=now())

    completed = case.events.get(kind=CaseEvent.Kind.INSTRUMENT_COMPLETED)
    assert completed.actor == cast.pengawas
    assert completed.data == {"by": "supervisor"}
    for event in case.events.all():
        logged = json.dumps(event.data) + event.reason
        assert json.dumps(OBSERVATION_SCORES)[1:-1] not in logged
        assert json.dumps(SUPERIOR_SCORES)[1:-1] not in logged
        assert not any(isinstance(value, list) for value in event.data.values())


def test_a_change_after_confirmation_withdraws_both_confirmations(cast):
    case = cast.sri_case
    fill(case, cast.pak_kepala)
    envelope_confirm(case=case, actor=cast.pak_kepala, author="principal", now=now())
    envelope_confirm(case=case, actor=cast.pengawas, author="supervisor", now=now())

    changed = [1, *OBSERVATION_SCORES[1:]]
    saved = fill(case, cast.pengawas, author="supervisor", observation=changed)

    assert saved.observation_items == changed
    assert saved.principal_confirmed_at is None
    assert saved.supervisor_confirmed_at is None
    assert not saved.complete


def test_saving_the_same_scores_keeps_the_confirmations(cast):
    case = cast.sri_case
    fill(case, cast.pak_kepala)
    envelope_confirm(case=case, actor=cast.pak_kepala, author="principal", now=now())

    saved = fill(case, cast.pengawas, author="supervisor")

    assert saved.principal_confirmed_at is not None


def test_a_draft_may_leave_items_empty(cast):
    saved = fill(cast.sri_case, cast.pak_kepala, observation=[3, None, 4], superior=[])

    assert saved.observation_items == [3, None, 4, *[None] * 21]
    assert saved.superior_items == [None] * 10
    assert not saved.filled


@pytest.mark.parametrize("value", [0, 6])
def test_a_score_outside_one_to_five_is_refused(cast, value):
    with pytest.raises(ValidationError):
        fill(cast.sri_case, cast.pak_kepala, observation=[value])

    assert not EnvelopeInstrument.objects.exists()


def test_confirming_before_every_item_is_scored_is_refused(cast):
    case = cast.sri_case
    with pytest.raises(ValidationError) as nothing:
        envelope_confirm(case=case, actor=cast.pak_kepala, author="principal", now=now())
    assert messages_of(nothing) == [str(ENVELOPE_NOT_FILLED)]

    fill(case, cast.pak_kepala, observation=OBSERVATION_SCORES[:-1])
    with pytest.raises(ValidationError) as partial:
        envelope_confirm(case=case, actor=cast.pak_kepala, author="principal", now=now())
    assert messages_of(partial) == [str(ENVELOPE_NOT_FILLED)]
    envelope = EnvelopeInstrument.objects.get(case=case)
    assert envelope.principal_confirmed_at is None
    assert not case.events.filter(kind=CaseEvent.Kind.INSTRUMENT_CONFIRMED).exists()


def test_after_the_deadline_saving_and_confirming_are_refused(cast):
    case = cast.sri_case
    fill(case, cast.pak_kepala)
    deadline = case.programme_year.envelope_deadline
    late = deadline + dt.timedelta(seconds=1)
    expected = str(ENVELOPE_CLOSED % {"deadline": local_time(deadline)})

    with pytest.raises(ValidationError) as saving:
        fill(case, cast.pak_kepala, observation=[1] * 24, at=late)
    with pytest.raises(ValidationError) as confirming:
        envelope_confirm(case=case, actor=cast.pak_kepala, author="principal", now=late)

    assert messages_of(saving) == [expected]
    assert messages_of(confirming) == [expected]
    envelope = EnvelopeInstrument.objects.get(case=case)
    assert envelope.observation_items == OBSERVATION_SCORES
    assert envelope.principal_confirmed_at is None


def test_the_deadline_itself_is_still_open(cast):
    case = cast.sri_case
    saved = fill(case, cast.pak_kepala, at=case.programme_year.envelope_deadline)

    assert saved.filled


@pytest.mark.parametrize("author", ["teacher", "district_committee", "", "Principal"])
def test_an_author_other_than_principal_or_supervisor_is_refused(cast, author):
    case = cast.sri_case
    with pytest.raises(ValidationError) as saving:
        fill(case, cast.sri, author=author)
    fill(case, cast.pak_kepala)
    with pytest.raises(ValidationError) as confirming:
        envelope_confirm(case=case, actor=cast.sri, author=author, now=now())

    assert messages_of(saving) == [str(ENVELOPE_NOT_AUTHOR)]
    assert messages_of(confirming) == [str(ENVELOPE_NOT_AUTHOR)]
    assert not case.events.filter(kind=CaseEvent.Kind.INSTRUMENT_CONFIRMED).exists()


def test_a_counsellors_envelope_holds_the_10_superior_items_only(cast):
    subject = SubjectFactory(code="850", name="Bimbingan dan Konseling", is_counseling=True)
    user = UserFactory(username="konselor")
    teacher = TeacherFactory(user=user, subject=subject)
    school = cast.sri.teacher.assignments.get().school
    TeachingAssignmentFactory(teacher=teacher, school=school)
    case = case_open(teacher=teacher, programme_year=cast.sri_case.programme_year, actor=None)

    saved = fill(case, cast.pak_kepala, observation=[4] * 30, superior=[5] * 12)

    assert COUNSELOR_PRACTICE.size == OBSERVATION.size == 24
    assert SUPERIOR.size == 10
    assert saved.variant == EnvelopeInstrument.Variant.COUNSELOR
    # The assessor scores a counsellor's 4b (seed 003, Buku II pp. 33-35): the principal's
    # practice scores are not kept, and the envelope is filled by component 5 alone.
    assert saved.observation_items == []
    assert saved.superior_items == [5] * 10
    assert not saved.holds_practice
    confirmed = envelope_confirm(case=case, actor=cast.pak_kepala, author="principal", now=now())
    assert confirmed.filled
