"""Reading a portfolio: rows with their printed labels and evidence codes, the
`sergur.portfolio/1` document, the checklist and the estimate, in a fixed number of queries."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sergur.portfolios.selectors import (
    portfolio_document,
    portfolio_estimate,
    portfolio_gaps,
    portfolio_read,
    teaching_service,
)
from sergur.portfolios.services import envelope_confirm, envelope_save
from sergur.portfolios.tests.teacher_support import add_row, attach, fill_rows, fill_submittable
from sergur.rules import decode
from sergur.rules.validation import problems_of

OBSERVATION: list[int | None] = [4] * 24
SUPERIOR: list[int | None] = [3] * 10


def complete_envelope(case, cast) -> None:
    now = timezone.now()
    envelope_save(
        case=case,
        actor=cast.pak_kepala,
        author="principal",
        observation=OBSERVATION,
        superior=SUPERIOR,
        now=now,
    )
    envelope_confirm(case=case, actor=cast.pak_kepala, author="principal", now=now)
    envelope_confirm(case=case, actor=cast.pengawas, author="supervisor", now=now)


@pytest.mark.parametrize("rows", [3, 30])
def test_portfolio_read_takes_three_queries_however_many_rows(cast, rows):
    fill_rows(cast.sri_case, cast.sri, rows)

    with CaptureQueriesContext(connection) as queries:
        portfolio = portfolio_read(case=cast.sri_case)
        for section_rows in portfolio.rows.values():
            for row in section_rows:
                assert row.evidence[0].original_name

    assert len(queries) == 3
    assert sum(len(r) for r in portfolio.rows.values()) == rows


def test_rows_carry_the_printed_labels_and_codes(cast):
    for _ in range(2):
        add_row(cast.sri_case, cast.sri, "training")
        add_row(cast.sri_case, cast.sri, "lesson_plan")
        add_row(cast.sri_case, cast.sri, "award")

    portfolio = portfolio_read(case=cast.sri_case)

    labels = {
        key: [(row.label, row.code) for row in portfolio.section_rows(key)]
        for key in ("training", "lesson_plan", "award")
    }
    assert labels == {
        "training": [("a", "2.a"), ("b", "2.b")],
        "lesson_plan": [("1)", "4.a.1)"), ("2)", "4.a.2)")],
        "award": [("1)", "10.a.1)"), ("2)", "10.a.2)")],
    }


def test_qualification_codes_follow_the_level_not_the_position(cast):
    add_row(cast.sri_case, cast.sri, "qualification", level="S2")
    add_row(cast.sri_case, cast.sri, "qualification", level="S1")
    add_row(cast.sri_case, cast.sri, "qualification", level="S1", institution="UT")

    portfolio = portfolio_read(case=cast.sri_case)

    assert [row.code for row in portfolio.section_rows("qualification")] == [
        "1.d",
        "1.b",
        "1.b.2)",
    ]


def test_an_incomplete_row_has_no_typed_values_and_says_what_is_missing(cast):
    add_row(cast.sri_case, cast.sri, "training", hours="", level="planet")

    row = portfolio_read(case=cast.sri_case).section_rows("training")[0]

    assert row.typed is None
    assert not row.complete
    assert set(row.errors) == {"hours", "level"}


def test_the_document_holds_complete_rows_with_their_evidence_codes(cast):
    training = add_row(cast.sri_case, cast.sri, "training")
    attach(training, cast.sri)
    add_row(cast.sri_case, cast.sri, "training", name="Diklat tanpa bukti")
    add_row(cast.sri_case, cast.sri, "training", hours="")  # incomplete: left out
    add_row(cast.sri_case, cast.sri, "lesson_plan")  # scored by the assessors: left out

    document = portfolio_document(portfolio_read(case=cast.sri_case))

    assert document["schema"] == "sergur.portfolio/1"
    assert [t.get("evidence") for t in document["trainings"]] == [["2.a"], None]
    assert "lesson_plans" not in document
    assert problems_of(json.dumps(document).encode()) == []
    decode(json.dumps(document))


def test_teaching_experience_counts_overlaps_once_and_study_leave(cast):
    add_row(cast.sri_case, cast.sri, "teaching_period", start="1995-07-01", end="2001-07-01")
    add_row(
        cast.sri_case,
        cast.sri,
        "teaching_period",
        start="2000-07-01",
        end="2003-07-01",
        study_leave="yes",
    )
    portfolio = portfolio_read(case=cast.sri_case)

    document = portfolio_document(portfolio)

    assert teaching_service(portfolio).years == 8
    assert document["teaching_experience"] == {"years": 8}


def test_the_document_holds_envelope_items_only_when_asked(cast):
    fill_submittable(cast.sri_case, cast.sri)
    complete_envelope(cast.sri_case, cast)
    portfolio = portfolio_read(case=cast.sri_case)

    plain = portfolio_document(portfolio)
    full = portfolio_document(portfolio, include_envelope=True)

    assert "teaching_observation" not in plain and "superior_assessment" not in plain
    assert full["teaching_observation"] == {"items": OBSERVATION}
    assert full["superior_assessment"] == {"items": SUPERIOR}


def test_an_empty_portfolio_lacks_the_vital_components(cast):
    found = portfolio_gaps(portfolio_read(case=cast.sri_case))

    blocking = sorted(gap.component for gap in found if gap.blocking)
    assert blocking == [1, 3, 4]
    assert {gap.message.code for gap in found if not gap.blocking} == {
        "gap.training",
        "gap.observation",
        "gap.superior",
        "gap.group_c",
    }


def test_a_row_without_evidence_is_a_gap_of_its_table(cast):
    fill_submittable(cast.sri_case, cast.sri)
    add_row(cast.sri_case, cast.sri, "qualification", level="S2")

    found = portfolio_gaps(portfolio_read(case=cast.sri_case))

    evidence = [gap for gap in found if gap.message.code == "gap.evidence"]
    assert len(evidence) == 1
    assert evidence[0].blocking and evidence[0].component == 1


def test_a_submittable_portfolio_has_no_blocking_gap(cast):
    fill_submittable(cast.sri_case, cast.sri)

    found = portfolio_gaps(portfolio_read(case=cast.sri_case))

    assert not [gap for gap in found if gap.blocking]


def test_the_estimate_scores_the_declared_parts_and_the_gaps(cast):
    fill_submittable(cast.sri_case, cast.sri)

    result, estimate = portfolio_estimate(portfolio_read(case=cast.sri_case))

    assert result.components["learning_plans_and_practice"] == 0
    assert result.components["superior_assessment"] == 0
    assert estimate.declared_total == result.total
    group_a = estimate.groups[0]
    assert group_a.declared == result.group_a
    assert group_a.gap == max(group_a.minimum - result.group_a, 0)
    assert estimate.gap_to_pass == max(estimate.pass_mark - result.total, 0)
    assert estimate.still_possible == 210


def test_an_envelope_only_the_principal_confirmed_is_not_scored(cast):
    """Seed 003, FAQ 23: "Instrumen penilaian dari atasan dan pengawas harus diisi oleh
    keduanya dalam satu format instrumen": a draft confirmed by one is absent."""
    fill_submittable(cast.sri_case, cast.sri)
    now = timezone.now()
    envelope_save(
        case=cast.sri_case,
        actor=cast.pak_kepala,
        author="principal",
        observation=OBSERVATION,
        superior=SUPERIOR,
        now=now,
    )
    envelope_confirm(case=cast.sri_case, actor=cast.pak_kepala, author="principal", now=now)

    full = portfolio_document(portfolio_read(case=cast.sri_case), include_envelope=True)

    assert "teaching_observation" not in full and "superior_assessment" not in full
