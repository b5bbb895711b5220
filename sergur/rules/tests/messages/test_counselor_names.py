"""A counsellor's pages use the seed's own words: seed 003's Buku III,
docs/sources/seeds/003_358fe984fbae11df.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from sergur.rules.messages import (
    COMPONENTS,
    SECTIONS,
    component_msg,
    component_names,
    section_msg,
    section_names,
)

SEED = Path(__file__).parents[4] / "docs" / "sources" / "seeds" / "003_358fe984fbae11df.txt"

PLANNING = "Khusus untuk Guru Bimbingan dan Konselinga. Perencanaan Program Pelayanan Bimbingan dan"
DELIVERY = "Khusus untuk Guru Bimbingan dan konselingb. Pelaksanaan Program Pelayanan Bimbingan dan"
SERVICE = "LAMA MEMBERIKAN PELAYANAN BIMBINGAN DAN KONSELING"


@pytest.mark.parametrize("quote", [PLANNING, DELIVERY, SERVICE])
def test_the_quotes_are_in_the_seed(quote: str) -> None:
    assert quote in SEED.read_text(encoding="utf-8")


def test_a_counsellor_plans_and_delivers_a_guidance_programme() -> None:
    names = component_names("counselor")
    assert names["lesson_plans"]["id"] == (
        "4a Perencanaan Program Pelayanan Bimbingan dan Konseling"
    )
    assert names["teaching_observation"]["id"] == (
        "4b Pelaksanaan Program Pelayanan Bimbingan dan Konseling"
    )
    assert names["teaching_experience"]["id"] == "Lama memberikan pelayanan BK"
    assert names["teaching_observation"]["en"] == (
        "4b Delivering the guidance and counselling programme"
    )


def test_a_counsellor_shares_every_other_name_with_the_subject_teacher() -> None:
    names = component_names("counselor")
    assert names.keys() == COMPONENTS.keys()
    assert names["training"] == COMPONENTS["training"]


def test_a_subject_teachers_names_are_unchanged() -> None:
    assert component_names("subject_teacher") is COMPONENTS
    assert component_names("subject_teacher")["lesson_plans"]["id"] == (
        "4a Perencanaan pembelajaran"
    )
    assert section_names("subject_teacher") is SECTIONS


def test_a_counsellors_sections_use_the_seeds_words() -> None:
    sections = section_names("counselor")
    assert sections["teaching_period"]["id"] == "Lama memberikan pelayanan BK"
    assert sections["lesson_plan"]["id"] == (
        "Perencanaan Program Pelayanan Bimbingan dan Konseling (PPBK)"
    )
    assert sections["training"] == SECTIONS["training"]


def test_a_counsellors_part_and_table_messages_use_the_counsellors_words() -> None:
    assert component_msg("teaching_observation", "counselor").text("id") == (
        "4b Pelaksanaan Program Pelayanan Bimbingan dan Konseling"
    )
    assert component_msg("teaching_observation", "subject_teacher").text("id") == (
        "4b Pelaksanaan pembelajaran"
    )
    assert component_msg("training", "counselor") == component_msg("training", "subject_teacher")
    assert section_msg("teaching_period", "counselor").text("en") == (
        "Years of guidance and counselling service"
    )
    assert section_msg("teaching_period", "subject_teacher").code == "section.teaching_period"
    assert section_msg("forum", "counselor").code == "section.forum"
