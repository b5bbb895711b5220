"""Transfer services: request, answer, dispute, the province's decision; the teacher and their
case move only on approval; every step on the teacher's history and the case log."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from sergur.cases.models import Case, CaseEvent
from sergur.cases.selectors import case_list_for_user
from sergur.cases.tests.support import state_set
from sergur.conftest import Cast
from sergur.registry.models import School
from sergur.transfers.models import Transfer, TransferStep
from sergur.transfers.selectors import ANSWER_WITHIN
from sergur.transfers.services import (
    ALREADY_OPEN,
    ALREADY_YOURS,
    CASE_IN_PROGRESS,
    NOT_ALLOWED,
    NOT_FOUND,
    NOT_YOUR_SCHOOL,
    transfer_answer,
    transfer_decide,
    transfer_escalate,
    transfer_request,
)
from sergur.transfers.tests.conftest import Outsiders

pytestmark = pytest.mark.django_db


def request(cast: Cast, school: School, *, now: dt.datetime | None = None) -> Transfer:
    return transfer_request(
        actor=cast.dinas_other,
        nuptk=cast.sri_case.teacher.nuptk,
        school=school,
        reason="Ikut suami pindah tugas",
        now=now or timezone.now(),
    )


def messages(caught: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [str(m) for m in caught.value.messages]


def main_school(cast: Cast) -> School:
    return cast.sri_case.teacher.assignments.get(is_main=True).school


def test_approval_moves_the_teacher_and_the_case_and_logs_every_step(
    cast: Cast, sleman_school: School
) -> None:
    old = main_school(cast)
    transfer = request(cast, sleman_school)
    assert transfer.state == "requested" and transfer.origin == cast.dinas.district
    assert main_school(cast) == old  # nothing moves on a request

    done = transfer_answer(
        transfer=transfer, actor=cast.dinas, approve=True, reason="Setuju", now=timezone.now()
    )

    assert done.state == "approved"
    assert main_school(cast) == sleman_school
    assert cast.sri_case in case_list_for_user(user=cast.dinas_other)
    assert cast.sri_case not in case_list_for_user(user=cast.dinas)
    steps = list(cast.sri_case.teacher.transfer_steps.values_list("kind", "actor", "reason"))
    assert steps == [
        ("requested", cast.dinas_other.pk, "Ikut suami pindah tugas"),
        ("approved", cast.dinas.pk, "Setuju"),
    ]
    kinds = list(cast.sri_case.events.values_list("kind", flat=True))
    assert kinds[-2:] == [CaseEvent.Kind.TRANSFER_REQUESTED, CaseEvent.Kind.TRANSFER_APPROVED]
    event = cast.sri_case.events.get(kind=CaseEvent.Kind.TRANSFER_APPROVED)
    assert event.data["from"].endswith("Bantul") and event.data["to"].endswith("Sleman")


def test_a_refusal_disputed_before_the_province_is_decided_by_it(
    cast: Cast, sleman_school: School
) -> None:
    transfer = request(cast, sleman_school)
    now = timezone.now()
    refused = transfer_answer(
        transfer=transfer, actor=cast.dinas, approve=False, reason="Kurang guru", now=now
    )
    assert refused.state == "refused"
    escalated = transfer_escalate(
        transfer=refused, actor=cast.dinas_other, reason="Alasan keluarga", now=now
    )
    assert escalated.state == "escalated"
    with pytest.raises(ValidationError):  # the origin has answered; the province decides
        transfer_answer(transfer=escalated, actor=cast.dinas, approve=True, reason="x", now=now)

    decided = transfer_decide(
        transfer=escalated, actor=cast.lpmp, approve=True, reason="Disetujui", now=now
    )

    assert decided.state == "approved" and main_school(cast) == sleman_school
    last = decided.steps.last()
    assert last is not None and last.by_province and last.actor == cast.lpmp
    assert cast.sri_case.events.filter(kind=CaseEvent.Kind.TRANSFER_ESCALATED).count() == 1


def test_the_province_may_refuse_and_nothing_moves(cast: Cast, sleman_school: School) -> None:
    now = timezone.now()
    transfer = request(cast, sleman_school)
    transfer = transfer_answer(
        transfer=transfer, actor=cast.dinas, approve=False, reason="Tidak", now=now
    )
    transfer = transfer_escalate(transfer=transfer, actor=cast.dinas_other, reason="Ya", now=now)
    old = main_school(cast)

    decided = transfer_decide(
        transfer=transfer, actor=cast.lpmp, approve=False, reason="Tetap", now=now
    )

    assert decided.state == "rejected" and main_school(cast) == old
    with pytest.raises(ValidationError):
        transfer_escalate(transfer=decided, actor=cast.dinas_other, reason="lagi", now=now)


def test_an_unanswered_request_may_be_disputed_only_once_it_is_stale(
    cast: Cast, sleman_school: School
) -> None:
    asked = timezone.now()
    transfer = request(cast, sleman_school, now=asked)
    with pytest.raises(ValidationError) as caught:
        transfer_escalate(transfer=transfer, actor=cast.dinas_other, reason="x", now=asked)
    assert messages(caught) == [str(NOT_ALLOWED)]

    later = asked + ANSWER_WITHIN + dt.timedelta(minutes=1)
    escalated = transfer_escalate(transfer=transfer, actor=cast.dinas_other, reason="x", now=later)
    assert escalated.state == "escalated"


@pytest.mark.parametrize("who", ["dinas_other", "lpmp", "sri", "operator", "third"])
def test_only_the_district_of_origin_answers(
    cast: Cast, sleman_school: School, outsiders: Outsiders, who: str
) -> None:
    transfer = request(cast, sleman_school)
    actor = outsiders.third if who == "third" else getattr(cast, who)
    with pytest.raises(ValidationError):
        transfer_answer(
            transfer=transfer, actor=actor, approve=True, reason="x", now=timezone.now()
        )
    assert main_school(cast) != sleman_school


@pytest.mark.parametrize("who", ["dinas", "dinas_other", "lpmp_other", "third"])
def test_only_the_province_of_origin_decides_a_dispute(
    cast: Cast, sleman_school: School, outsiders: Outsiders, who: str
) -> None:
    now = timezone.now()
    transfer = request(cast, sleman_school)
    transfer = transfer_answer(
        transfer=transfer, actor=cast.dinas, approve=False, reason="x", now=now
    )
    transfer = transfer_escalate(transfer=transfer, actor=cast.dinas_other, reason="y", now=now)
    actor = getattr(outsiders, who) if who in ("third", "lpmp_other") else getattr(cast, who)
    with pytest.raises(ValidationError):
        transfer_decide(transfer=transfer, actor=actor, approve=True, reason="z", now=now)


def test_a_request_is_refused_with_a_reason_that_says_why(
    cast: Cast, sleman_school: School
) -> None:
    now = timezone.now()
    cases = [
        (cast.dinas_other, "9999999999999999", sleman_school, NOT_FOUND),
        (cast.dinas, cast.sri_case.teacher.nuptk, main_school(cast), ALREADY_YOURS),
        (cast.dinas_other, cast.sri_case.teacher.nuptk, main_school(cast), NOT_YOUR_SCHOOL),
    ]
    for actor, nuptk, school, expected in cases:
        with pytest.raises(ValidationError) as caught:
            transfer_request(actor=actor, nuptk=nuptk, school=school, reason="x", now=now)
        assert messages(caught) == [str(expected)]
    request(cast, sleman_school)
    with pytest.raises(ValidationError) as caught:
        request(cast, sleman_school)
    assert messages(caught) == [str(ALREADY_OPEN)]
    with pytest.raises(ValidationError):
        transfer_request(
            actor=cast.lpmp,
            nuptk=cast.sri_case.teacher.nuptk,
            school=sleman_school,
            reason="x",
            now=now,
        )


def test_a_case_past_the_districts_verification_blocks_the_move(
    cast: Cast, sleman_school: School
) -> None:
    transfer = request(cast, sleman_school)
    state_set(case=cast.sri_case, to_state=Case.State.IN_ASSESSMENT, kind=CaseEvent.Kind.ALLOCATED)
    old = main_school(cast)

    with pytest.raises(ValidationError) as caught:
        transfer_answer(
            transfer=transfer, actor=cast.dinas, approve=True, reason="Setuju", now=timezone.now()
        )

    assert messages(caught) == [str(CASE_IN_PROGRESS)]
    transfer.refresh_from_db()
    assert transfer.state == "requested" and main_school(cast) == old
    assert not TransferStep.objects.filter(kind="approved").exists()
