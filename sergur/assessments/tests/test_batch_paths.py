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
        {"pass_mark": "300", "near_miss_floor": "290", "group_a_min": "100", "group_b_min": "20"},
        {"pass_mark": "500", "near_miss_floor": "480"},
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


def test_stored_values_are_typed_as_the_entry_form_types_them():
    from sergur.assessments.selectors.batch import _typed
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
            assert _typed(BY_KEY[key], values) == typed, key
