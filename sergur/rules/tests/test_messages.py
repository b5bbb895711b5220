"""The id/en message catalogue: complete, consistent, and rendered the way people write."""

from __future__ import annotations

import re
import string
from decimal import Decimal
from pathlib import Path

import pytest

from sergur.rules import CODES, COMPONENT_KEYS, Message
from sergur.rules.decisions import GROUP_A_PARTS
from sergur.rules.messages import (
    COMPONENTS,
    DECISIONS,
    GROUPS,
    INTERPRETATIONS,
    LANGS,
    TEMPLATES,
    TERMS,
    TYPE_NAMES,
    Term,
    exact,
    msg,
    number,
    render,
    term,
)

RULES_DIR = Path(__file__).resolve().parent.parent


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_template_reads_in_both_languages_with_the_same_parameters(code):
    entry = TEMPLATES[code]
    assert set(entry) == set(LANGS)
    assert entry["id"].strip() and entry["en"].strip()
    assert fields(entry["id"]) == fields(entry["en"])


@pytest.mark.parametrize(
    "table",
    [COMPONENTS, DECISIONS, GROUPS, INTERPRETATIONS, TERMS, TYPE_NAMES],
    ids=["components", "decisions", "groups", "interpretations", "terms", "types"],
)
def test_every_vocabulary_entry_reads_in_both_languages(table):
    for key, entry in table.items():
        assert set(entry) == set(LANGS), key
        assert entry["id"].strip() and entry["en"].strip(), key


def test_every_message_code_used_in_the_rules_core_is_in_the_catalogue():
    used: set[str] = set()
    for path in RULES_DIR.glob("*.py"):
        used |= set(re.findall(r"\bmsg\(\s*\"([a-z_.0-9]+)\"", path.read_text(encoding="utf-8")))
    assert used
    assert used - set(TEMPLATES) == set()


@pytest.mark.parametrize("code", CODES)
def test_every_decision_code_has_a_name(code):
    assert msg(f"decision.{code}").text("id") == DECISIONS[code]["id"]
    assert msg(f"decision.{code}").text("en") == DECISIONS[code]["en"]


def test_the_six_decision_codes_of_decisions_md():
    assert set(CODES) == {"L", "MA", "MS", "MPLPG", "K", "D"}
    assert DECISIONS["MPLPG"]["id"] == "Mengikuti PLPG"
    assert DECISIONS["L"]["id"] == "Lulus"


@pytest.mark.parametrize("key", [*COMPONENT_KEYS, *GROUP_A_PARTS])
def test_every_component_and_group_a_part_has_a_name(key):
    for lang in LANGS:
        assert msg(f"component.{key}").text(lang)


# Vocabulary the trace renders as a Term (portfolio.schema.json enums).
TRACE_VOCABULARY = (
    "international",
    "national",
    "province",
    "district",
    "subdistrict",
    "village",
    "subject",
    "subject_family",
    "none",
    "match",
    "education",
    "non_education",
    "licence",
    "no_licence",
    "relevant",
    "not_relevant",
    "competition",
    "monumental_education",
    "monumental_other",
    "instructor",
    "core_teacher",
    "speaker",
    "participant",
    "social",
    "principal",
    "vice_principal",
    "extracurricular_advisor",
    "review",
    "module",
    "learning_media",
    "research",
    "artwork",
    "accredited_journal",
    "unaccredited_journal",
    "national_media",
    "local_media",
    "solo",
    "lead",
    "member",
)


@pytest.mark.parametrize("value", TRACE_VOCABULARY)
def test_every_traced_vocabulary_value_is_translated(value):
    assert value in TERMS
    assert term(value, "id") == TERMS[value]["id"]


def test_an_unknown_term_stays_as_it_is():
    assert term("S2", "id") == "S2"
    assert render("trace.monumental", {"kind": Term("S2"), "points": 1}, "en") == "S2: 1"


def test_msg_refuses_an_unknown_code():
    with pytest.raises(KeyError):
        msg("reason.no_such_rule")


def test_a_message_keeps_its_code_and_parameters():
    message = msg("reason.group_b_min", value=199, minimum=200)
    assert message == Message("reason.group_b_min", (("value", 199), ("minimum", 200)))
    assert message.text("en") == "Group B 199 is below the minimum 200."
    assert message.text("id") == "Kelompok B 199 di bawah minimum 200."


@pytest.mark.parametrize(
    ("value", "id_text", "en_text"),
    [
        (Decimal("849.99"), "849,99", "849.99"),
        (Decimal("37.50"), "37,5", "37.5"),
        (Decimal("0.125"), "0,13", "0.13"),
        (Decimal("2.675"), "2,68", "2.68"),
        (Decimal("850.00"), "850", "850"),
        (100, "100", "100"),
        (1000, "1000", "1000"),
        (0, "0", "0"),
    ],
)
def test_numbers_read_as_people_write_them(value, id_text, en_text):
    assert number(value, "id") == id_text
    assert number(value, "en") == en_text


def test_a_number_is_written_by_its_value_alone_and_a_negative_zero_stays_negative():
    # Written numbers are remembered by value: equal values must read alike, again and again.
    for value in (Decimal("37.5"), Decimal("37.50"), Decimal("37.500"), Decimal("37.5")):
        assert (number(value, "en"), number(value, "id")) == ("37.5", "37,5")
    assert (number(850, "en"), number(Decimal("850.00"), "en")) == ("850", "850")
    # -0 equals 0 but is written "-0", as before (zero is not remembered).
    assert [number(v, "en") for v in (0, Decimal("-0"), Decimal("0"), Decimal("-0"))] == [
        "0",
        "-0",
        "0",
        "-0",
    ]


def test_exact_rounds_half_up_to_2_places():
    assert exact(Decimal("0.005")) == Decimal("0.01")
    assert exact(Decimal("0.004")) == Decimal("0.00")
    assert exact(7) == Decimal("7.00")


def test_render_translates_terms_nested_messages_numbers_and_text():
    nested = msg("trace.qualification_further", base=msg("reason.fraud"), points=Decimal("27.5"))
    assert nested.text("en") == (
        "Fraud found: a forged or falsified document.; a further degree of the same level: "
        "25 % = 27.5"
    )
    assert nested.text("id").endswith("25 % = 27,5")
    forum = msg("trace.forum", level=Term("district"), role=Term("speaker"), points=20)
    assert forum.text("id") == "Forum ilmiah tingkat kabupaten/kota sebagai pemakalah: 20"
    assert forum.text("en") == "Scientific forum at district level as speaker: 20"
    assert msg("reason.defect", text=True).text("en") == "Administrative defect: True"
    assert msg("error.invalid", detail="x").text("id") == "Tidak sah: x."
