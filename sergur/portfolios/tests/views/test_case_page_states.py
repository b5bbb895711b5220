"""The teacher's page never contradicts itself (issue 14, item 1): every part of the case page
and the submit page follows the case's state as the workflow table gives it, in every state;
a returned portfolio says why; a decided appeal is final, and a corrected score that keeps the
decision is not called a changed decision."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from sergur.appeals.services import appeal_decide
from sergur.appeals.tests.support import (
    LATER,
    assessed_and_published,
    assigned,
    filed,
    published,
)
from sergur.assessments.models import Result
from sergur.assessments.selectors import parts_from_json, review_from_json
from sergur.cases.models import EDITABLE_STATES, Case, CaseEvent
from sergur.conftest import Cast
from sergur.rules.assessment import SheetReview
from sergur.rules.workflow import State, teacher_fills

pytestmark = pytest.mark.django_db

MISSING = 'id="missing-heading"'
SUBMIT_LINK = "/submit/"
CHECKLIST = 'id="checklist-heading"'


def page(client: Client, case: Case, name: str = "portfolios:case") -> str:
    return client.get(reverse(name, args=[case.pk])).content.decode()


def test_the_states_the_teacher_fills_in_come_from_the_workflow_table() -> None:
    assert teacher_fills() == {State.DRAFT, State.RETURNED, State.REOPENED}
    assert {str(state) for state in EDITABLE_STATES} == {str(s) for s in teacher_fills()}


@pytest.mark.parametrize("state", list(State))
def test_every_part_about_filling_shows_only_while_the_teacher_fills(
    cast: Cast, client: Client, state: State
) -> None:
    Case.objects.filter(pk=cast.sri_case.pk).update(state=state.value)
    case = Case.objects.get(pk=cast.sri_case.pk)
    client.force_login(cast.sri)
    fills = state in teacher_fills()

    case_page = page(client, case)
    assert (MISSING in case_page) is fills
    assert (f"/cases/{case.pk}{SUBMIT_LINK}" in case_page) is fills
    submit_page = page(client, case, "portfolios:submit")
    assert (CHECKLIST in submit_page) is fills
    if not fills:
        assert "Go to" not in case_page and "Buka" not in submit_page


def test_a_returned_portfolio_says_why_where_the_teacher_looks(cast: Cast, client: Client) -> None:
    case = cast.sri_case
    Case.objects.filter(pk=case.pk).update(state=Case.State.RETURNED)
    CaseEvent(
        case=case,
        kind=CaseEvent.Kind.RETURNED,
        from_state=Case.State.SUBMITTED,
        to_state=Case.State.RETURNED,
        reason="Ijazah S1 tidak terbaca; unggah ulang hasil pindaian yang jelas.",
    ).save()
    client.force_login(cast.sri)

    body = page(client, case)
    missing = body[body.index(MISSING) :]
    assert "Ijazah S1 tidak terbaca" in missing.split("</section>")[0]
    assert "Nothing is missing" not in body and "Tidak ada yang kurang" not in body


def _unchanged(result: Result) -> tuple[dict[str, object], SheetReview]:
    return dict(parts_from_json(result.parts)), review_from_json(result.review)


def test_a_decided_appeal_is_final_and_offers_no_window(cast: Cast, client: Client) -> None:
    result = published(cast.sri_case, "MS")
    appeal = assigned(filed(cast.sri_case), cast.asesor3, cast.rayon_admin)
    parts, review = _unchanged(result)
    appeal_decide(
        appeal=appeal,
        actor=cast.asesor3,
        parts=parts,
        review=review,
        reasons="Nilai sudah sesuai bukti.",
        now=LATER,
    )
    client.force_login(cast.sri)
    with time_machine.travel(LATER + dt.timedelta(hours=1), tick=False):
        body = page(client, cast.sri_case)

    assert result.appeal_until is not None and result.appeal_until > LATER  # window still open
    assert "may be appealed until" not in body and "dapat diajukan keberatan" not in body
    assert "mengajukan keberatan atas keputusan ini sampai" not in body  # the result panel's
    assert reverse("appeals:file", args=[cast.sri_case.pk]) not in body


def test_a_corrected_total_with_the_same_code_is_not_a_changed_decision(
    cast: Cast, client: Client
) -> None:
    result = assessed_and_published(cast.sri_case, cast)
    appeal = assigned(filed(cast.sri_case), cast.asesor3, cast.rayon_admin)
    parts, review = _unchanged(result)
    parts["training"] = Decimal(str(parts["training"])) + 1
    decided = appeal_decide(
        appeal=appeal,
        actor=cast.asesor3,
        parts=parts,
        review=review,
        reasons="Satu sertifikat belum dihitung.",
        now=LATER,
    )
    assert decided.new_result is not None and decided.new_result.code == result.code
    assert not decided.code_changed
    client.force_login(cast.sri)

    body = page(client, cast.sri_case)
    assert f"{result.code} → {result.code}" not in body
    assert "Score corrected" in body or "Skor dikoreksi" in body


def test_a_teacher_in_the_plpg_is_not_told_to_wait_for_the_plpg_list(
    cast: Cast, client: Client
) -> None:
    published(cast.sri_case, "MPLPG")
    client.force_login(cast.sri)
    waiting = "The rayon puts you on the PLPG list"
    assert waiting in page(client, cast.sri_case) or "daftar PLPG" in page(client, cast.sri_case)

    Case.objects.filter(pk=cast.sri_case.pk).update(state=Case.State.PLPG)
    body = page(client, cast.sri_case)
    assert waiting not in body and "daftar PLPG" not in body
