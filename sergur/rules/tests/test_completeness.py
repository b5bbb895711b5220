from __future__ import annotations

import pytest

from sergur.rules.completeness import SECTIONS, Holdings, component_of, gaps


def holdings(role="subject_teacher", entries=None, without=None, obs=True, sup=True):
    return Holdings(
        role=role,
        entries=entries or {},
        without_evidence=without or {},
        observation_done=obs,
        superior_done=sup,
    )


FULL = {
    "qualification": 1,
    "training": 2,
    "teaching_period": 1,
    "lesson_plan": 5,
    "forum": 1,
}


def test_a_complete_portfolio_has_no_gaps():
    assert gaps(holdings(entries=FULL)) == []


def test_an_empty_portfolio_lists_every_gap_in_component_order():
    found = gaps(holdings(obs=False, sup=False))
    assert [g.component for g in found] == [1, 2, 3, 4, 4, 5, 8]
    assert [g.blocking for g in found] == [True, False, True, True, False, False, False]
    assert "0 of 5" in found[3].message.text("en")
    assert "0 dari 5" in found[3].message.text("id")


def test_a_counsellor_needs_four_programmes():
    entries = {**FULL, "lesson_plan": 3}
    (gap,) = gaps(holdings(role="counselor", entries=entries))
    assert gap.blocking and "3 of 4" in gap.message.text("en")
    assert gaps(holdings(role="counselor", entries={**FULL, "lesson_plan": 4})) == []


@pytest.mark.parametrize("section", ["organization", "additional_duty", "award"])
def test_any_entry_of_group_c_fills_it(section):
    entries = {key: value for key, value in FULL.items() if key != "forum"}
    assert gaps(holdings(entries={**entries, section: 1})) == []


def test_rows_without_evidence_are_gaps_blocking_only_for_vital_tables():
    found = gaps(holdings(entries=FULL, without={"forum": 2, "qualification": 1, "award": 0}))
    assert [(g.component, g.blocking) for g in found] == [(1, True), (8, False)]
    assert "2 entries have no evidence" in found[1].message.text("en")
    assert "Keikutsertaan dalam forum ilmiah" in found[1].message.text("id")


def test_every_section_belongs_to_a_component():
    assert [component_of(s) for s in SECTIONS] == sorted(component_of(s) for s in SECTIONS)
    assert component_of("special_area_service") == 10
