from __future__ import annotations

from sergur.rules.instruments import (
    COUNSELOR_PRACTICE,
    ITEM_SCORES,
    OBSERVATION,
    PRACTICE_SCORED_BY,
    RPP,
    SCALE,
    SUPERIOR,
    envelope_instruments,
    practice_instrument,
    sheet_practice,
)
from sergur.rules.tests.helpers import seed_says


def test_the_instruments_have_the_sizes_of_the_rubric():
    # docs/sources/rubric-2007.md: 8 RPP items (max 40), 24 practice items (max 120), 10 superior
    # items (50).
    assert (RPP.size, OBSERVATION.size, COUNSELOR_PRACTICE.size, SUPERIOR.size) == (8, 24, 24, 10)


def test_observation_items_are_numbered_straight_through():
    assert [item.number for item in OBSERVATION.items] == [str(n) for n in range(1, 25)]


def test_counsellors_get_their_own_practice_form():
    assert practice_instrument("counselor") is COUNSELOR_PRACTICE
    assert practice_instrument("subject_teacher") is OBSERVATION


def test_texts_come_in_both_languages():
    for instrument in (RPP, OBSERVATION, COUNSELOR_PRACTICE, SUPERIOR):
        assert instrument.text("id") and instrument.text("en")
        for part in instrument.parts:
            assert part.text("id") and part.text("en")
        for item in instrument.items:
            assert item.text("id") != "" and item.text("en") != ""
    assert SUPERIOR.items[0].text("id") == "Ketaatan dalam menjalankan ajaran agama"
    assert SUPERIOR.items[0].text("en") == "Religious observance"
    assert set(SCALE) == {"id", "en"}


SEED_BK_PRACTICE = (
    "PenilaianPelaksanaan Program Pelayanan Bimbingan dan KonselingOleh Penilai (Asesor)"
)
"""Seed 003, Buku II pp. 33-35: the counsellor's 4b form is the assessor's."""


def test_a_counsellors_practice_is_scored_by_the_assessor_as_the_seed_prints() -> None:
    assert seed_says(SEED_BK_PRACTICE)
    assert PRACTICE_SCORED_BY == {"subject_teacher": "envelope", "counselor": "assessor"}
    assert sheet_practice("counselor") is COUNSELOR_PRACTICE
    assert sheet_practice("subject_teacher") is None


def test_a_counsellors_envelope_holds_component_5_only() -> None:
    assert envelope_instruments("subject_teacher") == (OBSERVATION, SUPERIOR)
    assert envelope_instruments("counselor") == (SUPERIOR,)


def test_the_counsellors_form_has_the_24_items_of_the_seed_totalling_120() -> None:
    numbers = [item.number for item in COUNSELOR_PRACTICE.items]
    assert numbers[:6] == ["1", "2", "3.a", "3.b", "4", "5"]
    assert numbers[-3:] == ["7.a", "7.b", "7.c"]
    assert COUNSELOR_PRACTICE.size * max(ITEM_SCORES) == 120  # "Total Skor 120"
