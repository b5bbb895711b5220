from __future__ import annotations

from sergur.rules.instruments import (
    COUNSELOR_PRACTICE,
    OBSERVATION,
    RPP,
    SCALE,
    SUPERIOR,
    practice_instrument,
)


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
