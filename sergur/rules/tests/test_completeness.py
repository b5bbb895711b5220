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


COUNSELLOR_FULL = {**FULL, "lesson_plan": 4, "counselor_practice": 3}


def test_a_counsellor_needs_four_programmes():
    entries = {**COUNSELLOR_FULL, "lesson_plan": 3}
    (gap,) = gaps(holdings(role="counselor", entries=entries))
    assert gap.blocking and "3 of 4" in gap.message.text("en")
    assert gaps(holdings(role="counselor", entries=COUNSELLOR_FULL)) == []


def test_a_counsellors_4b_asks_for_the_acknowledged_records_not_the_envelope():
    entries = {**COUNSELLOR_FULL, "counselor_practice": 0}
    (gap,) = gaps(holdings(role="counselor", entries=entries, obs=False))
    assert (gap.component, gap.blocking) == (4, False)
    assert "koordinator BK dan kepala sekolah" in gap.message.text("id")
    assert "assessor scores them" in gap.message.text("en")
    # The envelope's observation is not a counsellor's: a missing one is no gap for them.
    assert gaps(holdings(role="counselor", entries=COUNSELLOR_FULL, obs=False)) == []


def test_a_counsellors_evidence_gap_names_the_table_in_the_counsellors_words():
    found = gaps(holdings(role="counselor", entries=COUNSELLOR_FULL, without={"lesson_plan": 1}))
    (gap,) = found
    assert "Perencanaan Program Pelayanan Bimbingan dan Konseling (PPBK)" in gap.message.text("id")
    subject = gaps(holdings(entries=FULL, without={"lesson_plan": 1}))
    assert "Perencanaan pembelajaran (RPP/PPBK)" in subject[0].message.text("id")


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
