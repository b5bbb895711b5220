"""The workflow's table: every move it holds, who may make it, and why others are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from sergur.rules import steps
from sergur.rules.steps import Who
from sergur.rules.workflow import (
    STATE_NAMES,
    TRANSITIONS,
    Actor,
    State,
    before_any_decision,
    next_step,
    sources_of,
    transition_check,
)


def test_the_teacher_submits_a_draft() -> None:
    check = transition_check("draft", "submitted", "teacher")

    assert check.allowed and check.reasons == ()
    assert check.transition is not None and check.transition.kind == "submitted"


def test_a_move_the_table_does_not_hold_is_refused_with_both_states() -> None:
    check = transition_check(State.DRAFT, State.DECIDED, Actor.SYSTEM)

    assert not check.allowed and check.transition is None
    assert [reason.text("en") for reason in check.reasons] == [
        "A case in the state “Filling the portfolio” cannot move to "
        "“Decided, awaiting publication”."
    ]
    assert check.reasons[0].text("id") == (
        "Berkas peserta dengan status “Mengisi portofolio” tidak dapat berpindah ke "
        "“Sudah diputuskan, menunggu pengumuman”."
    )


def test_a_value_that_is_no_state_is_named_as_it_is() -> None:
    check = transition_check("draft", "certified", "teacher")

    assert check.reasons[0].text("en") == (
        "A case in the state “Filling the portfolio” cannot move to “certified”."
    )


def test_the_wrong_role_is_told_who_moves_the_case() -> None:
    check = transition_check(State.SUBMITTED, State.DISTRICT_VERIFIED, Actor.TEACHER)

    assert not check.allowed
    assert [reason.text("en") for reason in check.reasons] == [
        "Only the district committee verifies this portfolio now."
    ]


def test_each_row_that_leads_there_gives_its_reason() -> None:
    # Two rows lead from a decision back to DECIDED (an appeal, a re-score); a teacher may
    # make neither.
    check = transition_check(State.PUBLISHED, State.DECIDED, Actor.TEACHER)

    assert [reason.text("id") for reason in check.reasons] == [
        "Hanya peninjau keberatan yang mengubah keputusan yang sudah diumumkan.",
        "Hanya penilaian ulang setelah perubahan parameter yang memutuskan ulang berkas "
        "peserta ini.",
    ]


@pytest.mark.parametrize(
    ("role", "kind"),
    [(Actor.ASSESSOR, "decided"), (Actor.SYSTEM, "rescored")],
)
def test_the_row_that_allows_the_move_says_its_event(role: Actor, kind: str) -> None:
    check = transition_check(State.PUBLISHED, State.DECIDED, role)

    assert check.transition is not None and check.transition.kind == kind


@pytest.mark.parametrize("target", ["published", "reopened", "clarification", "disqualified"])
def test_a_decision_is_published_to_the_state_of_its_code(target: str) -> None:
    assert transition_check("decided", target, "rayon_admin").allowed
    assert transition_check("decided", target, "system").allowed


def test_publication_leaves_only_a_decided_case() -> None:
    assert sources_of("published") == {State.DECIDED}
    assert sources_of("no such event") == frozenset()


def test_every_row_names_known_states_and_reasons_in_both_languages() -> None:
    for row in TRANSITIONS:
        assert row.sources and row.actors and row.kind
        assert row.refused.text("id") and row.refused.text("en")
        assert row.sources <= set(State) and row.target in State
    assert set(STATE_NAMES) == set(State)


def test_one_row_per_move_and_role() -> None:
    moves = [
        (source, row.target, actor)
        for row in TRANSITIONS
        for source in row.sources
        for actor in row.actors
    ]
    assert len(moves) == len(set(moves))


def workflow_table_rows() -> list[str]:
    """The table's rows as docs/architecture.md shows them (one Markdown row per move)."""

    def names(items: frozenset[State] | frozenset[Actor]) -> str:
        return ", ".join(f"`{item.value}`" for item in sorted(items))

    return [
        f"| {names(row.sources)} | `{row.target.value}` | {names(row.actors)} | `{row.kind}` |"
        for row in TRANSITIONS
    ]


def test_the_architecture_doc_shows_the_table_as_it_is() -> None:
    doc = (Path(__file__).resolve().parents[3] / "docs" / "architecture.md").read_text("utf-8")

    missing = [row for row in workflow_table_rows() if row not in doc]

    assert missing == [], "docs/architecture.md's workflow table is out of date"


def test_before_any_decision_are_the_states_no_decided_case_returns_to() -> None:
    assert before_any_decision() == {
        State.DRAFT,
        State.SUBMITTED,
        State.RETURNED,
        State.DISTRICT_VERIFIED,
        State.QUALITY_VERIFIED,
    }
    # A re-opened case comes back through the rayon's states, so they may hold a decision.
    assert State.RECEIVED not in before_any_decision()
    assert State.RECONCILIATION not in before_any_decision()


# -- who acts next (issue 14) ------------------------------------------------------------------

PUBLISHED_CODES = {State.PUBLISHED: ("L", "MPLPG")}
"""The codes a published case may hold (docs/assessment.md: MA/MS reopen, K asks for a
clarification, D disqualifies); every other state has one next step whatever the code."""


def _cases() -> list[tuple[State, str | None]]:
    return [(state, code) for state in State for code in PUBLISHED_CODES.get(state, (None,))]


@pytest.mark.parametrize(("state", "code"), _cases())
def test_every_state_has_exactly_one_next_step(state: State, code: str | None) -> None:
    rows = [
        row.step
        for row in TRANSITIONS
        if state in row.sources and row.step is not None and row.code in (None, code)
    ]
    step = next_step(state, code=code)

    assert step is not None
    assert len(set(rows)) <= 1  # the forward rows leaving a state agree on one step
    assert step.text("en") and step.text("id") and step.text("en") != step.text("id")


def test_who_acts_is_the_role_of_the_rows_leaving_the_state() -> None:
    # Where a person's role moves the case out, the step names that role.
    for row in TRANSITIONS:
        if row.step is None or row.actors & {Actor.SYSTEM}:
            continue
        if row.step.who in {Who.TEACHER, Who.INSTRUCTORS}:
            continue  # the teacher clarifies for the rayon; instructors score with the rayon
        assert {str(row.step.who)} <= {str(actor) for actor in row.actors}, row


def test_a_published_case_waits_on_the_rayon_only_after_mplpg() -> None:
    mplpg = next_step(State.PUBLISHED, code="MPLPG")
    passed = next_step(State.PUBLISHED, code="L")

    assert mplpg is not None and mplpg.who == Who.RAYON_ADMIN and "PLPG" in mplpg.text("en")
    assert passed is not None and passed.who == Who.RAYON_LPTK
    assert "certificate" in passed.text("en") and "PLPG" not in passed.text("en")
    assert next_step(State.PUBLISHED) is None  # the code decides: never a guess


def test_a_pass_waits_on_the_certificate_until_it_is_issued() -> None:
    for state, code in ((State.PUBLISHED, "L"), (State.PLPG_PASSED, "MPLPG")):
        assert next_step(state, code=code) == steps.LPTK_CERTIFIES
        assert next_step(state, code=code, certified=True) == steps.CERTIFIED


def test_the_decisions_after_publication_say_their_own_next_step() -> None:
    # MA/MS reopen for the teacher, K asks the teacher to clarify, D is final.
    assert next_step(State.REOPENED) == steps.TEACHER_COMPLETES
    assert next_step(State.CLARIFICATION) == steps.TEACHER_CLARIFIES
    assert next_step(State.DISQUALIFIED) == steps.STRUCK_OFF
    assert next_step(State.PLPG_RETURNED) == steps.DISTRICT_COACHES
    assert next_step("certified") is None  # no such state


def test_an_appeal_or_a_rescoring_is_never_the_next_step() -> None:
    appeal = frozenset({Actor.ASSESSOR})  # the appeal's reviewer, an assessor
    exceptional = [row for row in TRANSITIONS if row.kind == "rescored" or row.actors == appeal]
    assert len(exceptional) == 3 and all(row.step is None for row in exceptional)


def test_once_the_teacher_clarified_the_rayon_decides() -> None:
    assert next_step(State.CLARIFICATION, answered=True) == steps.RAYON_DECIDES_CLARIFICATION
    assert next_step(State.DRAFT, answered=True) == steps.TEACHER_SUBMITS  # nothing after it
