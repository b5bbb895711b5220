"""The teacher's page never contradicts itself (issue 14, item 1): every part of the case page
and the submit page follows the case's state as the workflow table gives it, in every state;
a returned portfolio says why; a decided appeal is final, and a corrected score that keeps the
decision is not called a changed decision."""

from __future__ import annotations

import datetime as dt
import html
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
from sergur.rules import steps
from sergur.rules.assessment import SheetReview
from sergur.rules.steps import Step, Who
from sergur.rules.workflow import State, next_step, teacher_fills

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


# -- who acts next (issue 14): one sentence per state, from the workflow table ------------------

NEXT_STEP = 'class="next-step"'


def next_step_shown(body: str) -> str:
    """The text of the page's one "who acts next" sentence."""
    assert body.count(NEXT_STEP) == 1, "exactly one who-acts-next sentence"
    return body.split(NEXT_STEP, 1)[1].split(">", 1)[1].split("</dd>", 1)[0]


def either(step: Step | None) -> tuple[str, str]:
    assert step is not None
    return html.escape(step.text("en")), html.escape(step.text("id"))


@pytest.mark.parametrize("state", [s for s in State if s != State.PUBLISHED])
def test_every_state_says_once_who_acts_next_as_the_table_does(
    cast: Cast, client: Client, state: State
) -> None:
    Case.objects.filter(pk=cast.sri_case.pk).update(state=state.value)
    case = Case.objects.get(pk=cast.sri_case.pk)
    client.force_login(cast.sri)

    body = page(client, case)
    shown = next_step_shown(body)
    step = next_step(state)
    assert shown in either(step)
    # The teacher is told to act only where the page gives the teacher a way to act.
    assert step is not None
    teacher_acts = step.who == Who.TEACHER
    assert teacher_acts is (state in teacher_fills() or state == State.CLARIFICATION)
    if state in teacher_fills():
        assert f"/cases/{case.pk}{SUBMIT_LINK}" in body


@pytest.mark.parametrize(
    ("code", "state", "who"),
    [
        ("L", State.PUBLISHED, Who.RAYON_LPTK),
        ("MPLPG", State.PUBLISHED, Who.RAYON_ADMIN),
        ("MA", State.REOPENED, Who.TEACHER),
        ("MS", State.REOPENED, Who.TEACHER),
        ("K", State.CLARIFICATION, Who.TEACHER),
        ("D", State.DISQUALIFIED, Who.NOBODY),
    ],
)
def test_a_published_decision_and_the_next_step_agree(
    cast: Cast, client: Client, code: str, state: State, who: Who
) -> None:
    published(cast.sri_case, code)
    case = Case.objects.get(pk=cast.sri_case.pk)
    assert case.state == state
    client.force_login(cast.sri)

    with time_machine.travel(LATER, tick=False):  # within every deadline
        body = page(client, case)
    shown = next_step_shown(body)
    step = next_step(state, code=code)
    assert step is not None and step.who == who and shown in either(step)
    result_panel = body.split('id="result-heading"', 1)[1].split("</section>", 1)[0]
    plpg = "PLPG" in shown
    # Only MPLPG leads to the PLPG, in both the decision's panel and the next step.
    assert plpg is (code == "MPLPG")
    assert ("daftar PLPG" in result_panel or "PLPG list" in result_panel) is plpg
    if code == "L":
        assert "sertifikat" in shown or "certificate" in shown
        assert "sertifikat pendidik" in result_panel or "educator certificate" in result_panel
    if code == "D":
        assert "final" in shown and "final" in result_panel
    if code in ("MA", "MS"):
        assert reverse("portfolios:submit", args=[case.pk]) in result_panel
    if code == "K":
        assert reverse("assessments:clarify", args=[case.pk]) in result_panel


def test_a_pass_waits_on_the_lptk_until_the_certificate_is_logged(
    cast: Cast, client: Client
) -> None:
    published(cast.sri_case, "L")
    client.force_login(cast.sri)
    assert next_step_shown(page(client, cast.sri_case)) in either(steps.LPTK_CERTIFIES)

    CaseEvent(case=cast.sri_case, kind=CaseEvent.Kind.CERTIFIED, data={}).save()
    assert next_step_shown(page(client, cast.sri_case)) in either(steps.CERTIFIED)


def test_staff_reading_the_case_see_the_same_next_step(cast: Cast, client: Client) -> None:
    Case.objects.filter(pk=cast.sri_case.pk).update(state=State.SUBMITTED.value)
    client.force_login(cast.dinas)

    assert next_step_shown(page(client, cast.sri_case)) in either(steps.DISTRICT_VERIFIES)


def test_after_a_clarification_or_its_deadline_the_rayon_decides(
    cast: Cast, client: Client
) -> None:
    result = published(cast.sri_case, "K")
    client.force_login(cast.sri)
    assert result.respond_until is not None
    with time_machine.travel(LATER, tick=False):
        assert next_step_shown(page(client, cast.sri_case)) in either(steps.TEACHER_CLARIFIES)
    with time_machine.travel(result.respond_until + dt.timedelta(minutes=1), tick=False):
        body = page(client, cast.sri_case)
    assert next_step_shown(body) in either(steps.RAYON_DECIDES_CLARIFICATION)
    assert reverse("assessments:clarify", args=[cast.sri_case.pk]) not in body
