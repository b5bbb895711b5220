"""The fast path of the national batch decides exactly as the per-case path (the web's code)
on a varied set of portfolios, before and after a parameter change."""

from __future__ import annotations

import pytest
from django.test import override_settings

from sergur.assessments.selectors.batch import (
    batch_cases,
    batch_params,
    case_rescore_read,
    chunk_rescore_read,
)
from sergur.assessments.tests.batch_support import changed_year, current, decided_cases


def _both_paths(cases, year):
    params, rules = batch_params(year)
    ids = sorted(c.pk for c in cases)
    fast, _ = chunk_rescore_read(case_ids=ids, programme_year=year, params=params, year=rules)
    slow = [
        case_rescore_read(case=case, params=params, year=rules, result=current(case))
        for case in sorted(cases, key=lambda c: c.pk)
    ]
    return fast, slow


@pytest.fixture
def decided(cast):
    decided_cases(cast)
    year = cast.sri_case.programme_year
    cases = list(batch_cases(programme_year=year, rayon=None).order_by("pk"))
    assert len(cases) >= 5  # most variants agree and are decided on the mean
    return year, cases


def test_unchanged_parameters_change_nothing(decided):
    year, cases = decided
    fast, slow = _both_paths(cases, year)

    assert fast == slow
    assert [d.case_id for d in fast] == [c.pk for c in cases]
    assert not any(d.error for d in fast)
    assert not any(d.changed for d in fast)


@pytest.mark.parametrize(
    "values",
    [
        {"pass_mark": "300", "near_miss_floor": "290", "group_a_min": "100", "group_b_min": "20"},  # nosec B105 # a pass mark
        {"pass_mark": "500", "near_miss_floor": "480"},  # nosec B105 # a pass mark, not a password
        {"tolerance": "0"},
        {"group_c_cap": "5", "group_b_min_special_area": "0"},
    ],
)
def test_both_paths_agree_after_a_change(decided, tmp_path, values):
    year, cases = decided
    with override_settings(SERGUR_YEARS_DIRS=(changed_year(tmp_path / "years", **values),)):
        fast, slow = _both_paths(cases, year)

    assert fast == slow
    assert not any(d.error for d in fast)
    assert any(d.changed for d in fast)
    # A changed final carries every reason (it is stored); an unchanged one only its tally.
    for d in fast:
        if d.reconcile:
            assert d.final is None and d.tally is None
        else:
            assert (d.final is not None) == d.changed
            assert d.tally is not None
            if d.final is not None:
                assert (d.final.total, d.final.decision.code) == (d.tally.total, d.tally.code)


def test_stored_values_are_typed_as_the_entry_form_types_them():
    from sergur.portfolios.forms import clean_values
    from sergur.portfolios.sections import BY_KEY
    from sergur.portfolios.tests.teacher_support import COMPLETE

    for key, raw in COMPLETE.items():
        variants = [raw]  # stored as entry_save stores them: text, stripped
        if key == "teaching_period":
            variants.append({**raw, "start": "1990-7-1", "end": "2001-06-30"})
        for values in variants:
            typed, errors = clean_values(BY_KEY[key], values)
            assert errors is None, (key, errors)
            assert BY_KEY[key].typed(values) == typed, key


def test_the_fast_read_builds_the_document_the_portfolio_pages_build(decided):
    """Entries (with and without evidence, complete or not), the teaching periods and the
    envelope become the same `sergur.portfolio/1` file as `portfolio_document` writes."""
    from sergur.assessments.selectors.batch.read import case_document, read_chunk
    from sergur.portfolios.selectors import portfolio_document, portfolio_read

    year, cases = decided
    _, rules = batch_params(year)
    read = read_chunk(sorted(c.pk for c in cases), year)

    for case in cases:
        expected = portfolio_document(portfolio_read(case=case), include_envelope=True)
        assert case_document(read[case.pk], rules) == expected, case.pk


def _sheets_of(case):
    from sergur.assessments.models import Sheet

    return Sheet.objects.filter(allocation__case=case, allocation__active=True).order_by(
        "allocation__slot"
    )


@pytest.mark.parametrize(
    ("broken", "slot"),
    [
        pytest.param({"plan_items": [[7] * 8] * 5}, 2, id="plan-item-out-of-range"),
        pytest.param({"plan_items": [[True] * 8] * 5}, 1, id="plan-items-not-numbers"),
        pytest.param(
            {"overrides": {"lesson_plans[0]": {"points": "1", "reason": "x"}}},
            1,
            id="override-of-an-instrument-line",
        ),
        pytest.param(
            {"overrides": {"trainings[9]": {"points": "1", "reason": "x"}}},
            2,
            id="override-of-an-unknown-line",
        ),
        pytest.param(
            {"overrides": {"qualifications[0]": {"points": "-1", "reason": "x"}}},
            1,
            id="negative-override",
        ),
    ],
)
def test_a_sheet_the_rules_core_refuses_is_reported_as_the_per_case_path_does(
    decided, broken, slot
):
    year, cases = decided
    case = cases[0]
    _sheets_of(case).filter(allocation__slot=slot).update(**broken)

    fast, slow = _both_paths(cases, year)

    assert fast == slow
    failed = [d for d in fast if d.error]
    assert [d.case_id for d in failed] == [case.pk]
    assert failed[0].error.startswith(f"sheet {slot}: ")
    assert failed[0].final is None and not failed[0].changed


def test_an_envelope_the_rules_core_refuses_fails_on_the_first_sheet_in_both_paths(decided):
    from sergur.portfolios.models import EnvelopeInstrument

    year, cases = decided
    case = cases[1]
    EnvelopeInstrument.objects.filter(case=case).update(observation_items=[9] * 24)

    fast, slow = _both_paths(cases, year)

    assert fast == slow
    assert [d.error.split(":")[0] for d in fast if d.error] == ["sheet 1"]


def test_plans_of_each_sheet_are_scored_on_the_shared_portfolio(decided):
    """Sheets with different plan scores, one with no complete plan at all, decide as the
    per-case path (4a is each sheet's own, the rest is shared)."""
    year, cases = decided
    first, second = _sheets_of(cases[2])
    first.plan_items = [[5, 4, 3, 2, 1, 2, 3, 4]] * 5
    first.save(update_fields=["plan_items"])
    second.plan_items = [[5] * 7 + [None]] * 5  # no plan scored completely: 4a is 0
    second.save(update_fields=["plan_items"])

    fast, slow = _both_paths(cases, year)

    assert fast == slow
    assert not any(d.error for d in fast)


@pytest.mark.parametrize(
    "plan_items",
    [
        pytest.param([[4] * 9 + ["x"]] * 5, id="rows-longer-than-8-are-cut"),
        pytest.param([[4] * 8, [4] * 7, [5] * 8], id="a-short-row-is-not-scored"),
        pytest.param([[4] * 8] * 5 + [[9] * 8], id="a-row-past-the-fifth-is-ignored"),
        pytest.param([[4.0] * 8, [3] * 8], id="a-row-of-fractions-is-not-scored"),
        pytest.param([], id="nothing-scored"),
        pytest.param({"a": 1}, id="not-a-list"),
    ],
)
def test_stored_plan_scores_of_every_shape_are_read_as_the_sheet_page_reads_them(
    decided, plan_items
):
    year, cases = decided
    _sheets_of(cases[3]).filter(allocation__slot=1).update(plan_items=plan_items)

    fast, slow = _both_paths(cases, year)

    assert fast == slow
    assert not any(d.error for d in fast)


@pytest.mark.parametrize("unconfirmed", ["principal_confirmed_at", "supervisor_confirmed_at"])
def test_an_envelope_one_of_them_has_not_confirmed_is_absent_in_both_paths(decided, unconfirmed):
    """Seed 003, FAQ 23: the envelope "harus diisi oleh keduanya dalam satu format
    instrumen"; a draft confirmed by one of them is not scored, on either path."""
    from sergur.assessments.selectors.batch.read import case_document, read_chunk
    from sergur.portfolios.models import EnvelopeInstrument
    from sergur.portfolios.selectors import portfolio_document, portfolio_read

    year, cases = decided
    case = cases[0]
    EnvelopeInstrument.objects.filter(case=case).update(**{unconfirmed: None})
    _, rules = batch_params(year)

    document = case_document(read_chunk([case.pk], year)[case.pk], rules)
    assert "teaching_observation" not in document and "superior_assessment" not in document
    assert document == portfolio_document(portfolio_read(case=case), include_envelope=True)
    fast, slow = _both_paths(cases, year)
    assert fast == slow
    (decision,) = [d for d in fast if d.case_id == case.pk]
    assert decision.final is not None and decision.final.decision.code == "MPLPG"


def test_a_counsellors_4b_comes_from_each_assessors_sheet_on_both_paths(decided, tmp_path):
    """A counsellor's 4b is each sheet's own practice form (seed 003, Buku II pp. 33-35), not
    the envelope's: the fast read leaves it out of the shared document and both paths score it
    per sheet."""
    from sergur.assessments.selectors.batch.read import case_document, read_chunk

    year, cases = decided
    _, rules = batch_params(year)
    # The three agreeing counsellors (the one far apart is in reconciliation).
    counsellors = [case for case in cases if case.teacher.subject.is_counseling]
    assert len(counsellors) == 3
    read = read_chunk(sorted(case.pk for case in counsellors), year)
    for case in counsellors:
        assert read[case.pk].role == "counselor"
        assert "teaching_observation" not in case_document(read[case.pk], rules)
        assert "superior_assessment" in case_document(read[case.pk], rules)

    with override_settings(SERGUR_YEARS_DIRS=(changed_year(tmp_path / "years", tolerance="0"),)):
        fast, slow = _both_paths(counsellors, year)

    assert fast == slow
    # Items 4, 3 (overridden by both) and 2 on all 24; the envelope said 4 (96) for all.
    observed = [d.tally.parts["teaching_observation"] for d in fast if d.tally is not None]
    assert observed == [96, 72, 48]
