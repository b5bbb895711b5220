"""Validation of `sergur.portfolio/1` files: every rule, every place, every error at once."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from sergur.rules import PortfolioFile, PortfolioInvalid, Problem, decode, problems_of, schema_text
from sergur.rules.messages import LANGS
from sergur.rules.tests.helpers import (
    Doc,
    doc,
    doc_with,
    dumps,
    passing_doc,
    plans,
    seed_says,
    teacher,
)


def problems(document: Doc | str | bytes) -> list[Problem]:
    """Every problem, after checking each one reads in both languages."""
    data = document if isinstance(document, str | bytes) else dumps(document)
    found = problems_of(data)
    for problem in found:
        for lang in LANGS:
            assert problem.text(lang).strip()
    return found


def pairs(document: Doc | str | bytes) -> list[tuple[str, str]]:
    """(path, message code) of every problem."""
    return [(p.path, p.message.code) for p in problems(document)]


def only(document: Doc | str | bytes) -> Problem:
    """The single problem of a document that has exactly one."""
    (problem,) = problems(document)
    return problem


def place(path: tuple[str | int, ...]) -> str:
    """('trainings', 0, 'hours') -> 'trainings[0].hours', as problems name places."""
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def with_value(document: Doc, path: tuple[str | int, ...], value: Any) -> Doc:
    """A deep copy of `document` with the value at `path` replaced (or added)."""
    out = copy.deepcopy(document)
    target: Any = out
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return out


def without(document: Doc, path: tuple[str | int, ...]) -> Doc:
    """A deep copy of `document` without the key at `path`."""
    out = copy.deepcopy(document)
    target: Any = out
    for part in path[:-1]:
        target = target[part]
    del target[path[-1]]
    return out


FULL = passing_doc(
    teacher=teacher(nuptk="3456789012345678", participant_number="07050318010012"),
    trainings=[{"hours": 40, "level": "district", "relevant": True, "evidence": ["2.a"]}],
    competitions=[{"kind": "competition", "level": "national"}],
    student_coaching=[{"won": True, "level": "province"}],
    forums=[{"level": "district", "role": "participant", "evidence": ["8.a"]}],
    awards=[{"level": "national", "evidence": ["10.a.1)"]}],
    review={"doubtful_evidence": ["2.a"]},
)


# -- a valid file ----------------------------------------------------------------------------
def test_a_valid_file_decodes_to_a_portfolio_as_text_or_bytes():
    assert problems(FULL) == []
    assert isinstance(decode(dumps(FULL)), PortfolioFile)
    assert decode(dumps(FULL).encode("utf-8")) == decode(dumps(FULL))


def test_the_smallest_valid_file_has_schema_rubric_and_teacher():
    assert problems(doc()) == []


def test_decode_raises_portfolio_invalid_carrying_the_problems():
    with pytest.raises(PortfolioInvalid) as caught:
        decode(dumps(with_value(doc(), ("rubric",), "2008")))
    assert str(caught.value) == "1 problem(s)"
    assert [p.path for p in caught.value.problems] == ["rubric"]


def test_a_problem_prints_as_path_and_message():
    problem = only(with_value(doc(), ("rubric",), "2008"))
    assert problem.as_json("en") == {"path": "rubric", "message": 'Must be "2007".'}
    assert problem.as_json("id") == {"path": "rubric", "message": 'Harus bernilai "2007".'}


def test_the_shipped_schema_is_the_portfolio_schema():
    schema = json.loads(schema_text())
    assert schema["$id"] == "sergur.portfolio/1"
    assert schema["additionalProperties"] is False


# -- the file itself -------------------------------------------------------------------------
def test_a_file_that_is_not_json_names_line_and_column():
    problem = only('{\n  "schema": ')
    assert (problem.path, problem.message.code) == ("", "error.not_json")
    assert "line 2" in problem.text("en") and "baris 2" in problem.text("id")


@pytest.mark.parametrize("data", [b"", "", "   \n\t", b"\n"])
def test_an_empty_file_says_so(data):
    assert pairs(data) == [("", "error.empty")]


@pytest.mark.parametrize("data", [b"\xff\xfe{}", "ä".encode("latin-1"), b'{"a": "\xc3"}'])
def test_a_file_that_is_not_utf8_says_so(data):
    assert pairs(data) == [("", "error.not_utf8")]


def test_invalid_utf8_inside_a_valid_file_is_reported_not_raised():
    data = dumps(doc()).encode("utf-8").replace(b"Sri Wahyuni", b"Sri \xff")
    assert pairs(data) == [("", "error.not_utf8")]


def test_json_nested_too_deeply_is_not_json():
    problem = only("[" * 100_000 + "]" * 100_000)
    assert problem.message.code == "error.not_json"


def test_a_number_of_4400_digits_is_reported_not_raised():
    text = dumps(FULL).replace('"hours": 40', '"hours": ' + "9" * 4_400)
    assert pairs(text) == [("", "error.number_too_long")]
    assert "4,300" in only(text).text("en") and "4.300" in only(text).text("id")


def test_an_evidence_code_of_a_million_characters_is_too_long():
    code = "2" + ".a" * 500_000
    problem = only(with_value(FULL, ("trainings", 0, "evidence"), [code]))
    assert (problem.path, problem.message.code) == ("trainings[0].evidence[0]", "error.too_long")
    assert problems(with_value(FULL, ("trainings", 0, "evidence"), ["2" + ".a" * 19])) == []


def test_a_name_of_a_million_characters_is_too_long():
    problem = only(with_value(FULL, ("trainings", 0, "name"), "x" * 1_000_000))
    assert (problem.path, problem.message.code) == ("trainings[0].name", "error.too_long")


def test_a_json_array_is_not_a_portfolio():
    assert pairs("[1]") == [("", "error.type")]
    assert only("[1]").text("en") == "Must be an object."


def test_a_lone_surrogate_escape_is_reported_with_the_decoders_words():
    text = dumps(doc()).replace("Sri Wahyuni", "\\ud800")
    problem = only(text)
    assert (problem.path, problem.message.code) == ("", "error.invalid")


# -- types, unknown fields, missing fields ---------------------------------------------------
@pytest.mark.parametrize(
    ("path", "value", "expected_en", "expected_id"),
    [
        (("teacher", "name"), 5, "Must be text.", "Harus berupa teks."),
        (
            ("trainings", 0, "hours"),
            "ten",
            "Must be a whole number.",
            "Harus berupa bilangan bulat.",
        ),
        (
            ("trainings", 0, "hours"),
            True,
            "Must be a whole number.",
            "Harus berupa bilangan bulat.",
        ),
        (
            ("trainings", 0, "relevant"),
            "ya",
            "Must be true or false.",
            "Harus berupa true atau false.",
        ),
        (("lesson_plans",), {}, "Must be a list.", "Harus berupa daftar."),
        (("teacher",), [], "Must be an object.", "Harus berupa objek."),
        (("review", "fraud_found"), 0, "Must be true or false.", "Harus berupa true atau false."),
    ],
)
def test_a_wrong_type_names_its_place_and_the_expected_type(path, value, expected_en, expected_id):
    problem = only(with_value(FULL, path, value))
    assert problem.path == place(path)
    assert problem.message.code == "error.type"
    assert (problem.text("en"), problem.text("id")) == (expected_en, expected_id)


@pytest.mark.parametrize(
    "path",
    [
        ("foo",),
        ("teacher", "foo"),
        ("trainings", 0, "foo"),
        ("lesson_plans", 1, "foo"),
        ("teaching_observation", "foo"),
        ("review", "foo"),
        ("awards", 0, "organiser"),
    ],
)
def test_an_unknown_field_is_named_with_its_path(path):
    document = with_value(FULL, path, "x")
    assert pairs(document) == [(place(path), "error.unknown_field")]


def test_every_unknown_field_of_one_object_is_reported():
    document = with_value(with_value(FULL, ("trainings", 0, "foo"), 1), ("trainings", 0, "bar"), 2)
    assert sorted(pairs(document)) == [
        ("trainings[0].bar", "error.unknown_field"),
        ("trainings[0].foo", "error.unknown_field"),
    ]


@pytest.mark.parametrize(
    "path",
    [
        ("schema",),
        ("rubric",),
        ("teacher",),
        ("teacher", "name"),
        ("teacher", "role"),
        ("qualifications", 0, "level"),
        ("qualifications", 0, "education_degree"),
        ("qualifications", 0, "relevance"),
        ("trainings", 0, "hours"),
        ("trainings", 0, "level"),
        ("trainings", 0, "relevant"),
        ("teaching_experience", "years"),
        ("lesson_plans", 0, "items"),
        ("teaching_observation", "items"),
        ("superior_assessment", "items"),
        ("competitions", 0, "kind"),
        ("student_coaching", 0, "won"),
        ("forums", 0, "level"),
        ("forums", 0, "role"),
        ("organizations", 0, "type"),
        ("organizations", 0, "level"),
        ("organizations", 0, "years"),
        ("awards", 0, "level"),
    ],
)
def test_a_missing_required_field_is_named(path):
    assert (place(path), "error.required") in pairs(without(FULL, path))


@pytest.mark.parametrize(
    ("section", "entry", "required"),
    [
        ("peer_coaching", {"subject": "x"}, "role"),
        ("works", {"title": "x"}, "kind"),
        ("additional_duties", {"role": "principal"}, "years"),
        ("special_area_service", {"kind": "remote"}, "years"),
    ],
)
def test_a_missing_required_field_of_a_list_entry_is_named(section, entry, required):
    assert (f"{section}[0].{required}", "error.required") in pairs(doc_with(section, [entry]))


def test_each_missing_field_is_reported_once():
    assert sorted(pairs(with_value(without(doc(), ("schema",)), ("teacher",), {}))) == [
        ("schema", "error.required"),
        ("teacher.name", "error.required"),
        ("teacher.role", "error.required"),
    ]
    assert sorted(pairs("{}")) == [
        ("rubric", "error.required"),
        ("schema", "error.required"),
        ("teacher", "error.required"),
    ]


# -- values out of range, enums, constants, lengths ------------------------------------------
@pytest.mark.parametrize(
    ("path", "value", "range_text"),
    [
        (("lesson_plans", 1, "items", 3), 6, "between 1 and 5, not 6"),
        (("lesson_plans", 0, "items", 0), 0, "between 1 and 5, not 0"),
        (("teaching_observation", "items", 23), -1, "between 1 and 5, not -1"),
        (("superior_assessment", "items", 9), 7, "between 1 and 5, not 7"),
        (("trainings", 0, "hours"), -20, "between 0 and 100000, not -20"),
        (("trainings", 0, "hours"), 100_001, "between 0 and 100000, not 100001"),
        (("teaching_experience", "years"), 61, "between 0 and 60, not 61"),
        (("teaching_experience", "years"), -1, "between 0 and 60, not -1"),
        (("organizations", 0, "years"), 99, "between 0 and 60, not 99"),
        (("trainings", 0, "year"), 1939, "between 1940 and 2100, not 1939"),
        (("lesson_plans", 0, "semester"), 3, "between 1 and 2, not 3"),
    ],
)
def test_a_value_out_of_range_names_its_place_and_the_range(path, value, range_text):
    problem = only(with_value(FULL, path, value))
    assert (problem.path, problem.message.code) == (place(path), "error.between")
    assert range_text in problem.text("en")
    assert range_text.replace("between", "antara").replace(", not", ", bukan").replace(
        " and ", " dan "
    ) in problem.text("id")


def test_an_item_out_of_range_in_the_second_plan_is_at_lesson_plans_1_items_3():
    assert pairs(with_value(FULL, ("lesson_plans", 1, "items", 3), 6)) == [
        ("lesson_plans[1].items[3]", "error.between")
    ]


@pytest.mark.parametrize(
    ("path", "count", "expected"),
    [
        (("lesson_plans", 0, "items"), 7, 8),
        (("lesson_plans", 0, "items"), 9, 8),
        (("teaching_observation", "items"), 23, 24),
        (("teaching_observation", "items"), 25, 24),
        (("superior_assessment", "items"), 9, 10),
        (("superior_assessment", "items"), 11, 10),
    ],
)
def test_an_instrument_needs_its_exact_number_of_items(path, count, expected):
    problem = only(with_value(FULL, path, [3] * count))
    assert problem.message.code == "error.items_exact"
    assert f"exactly {expected} item scores, not {count}" in problem.text("en")
    assert f"tepat {expected} skor butir, bukan {count}" in problem.text("id")


def test_more_than_5_plans_is_an_error():
    problem = only(with_value(FULL, ("lesson_plans",), plans(*[40] * 6)))
    assert (problem.path, problem.message.code) == ("lesson_plans", "error.max_items")
    assert "At most 5 entries, not 6" in problem.text("en")


def test_a_counsellor_with_5_plans_is_an_error():
    document = with_value(FULL, ("teacher", "role"), "counselor")
    problem = only(document)
    assert (problem.path, problem.message.code) == ("lesson_plans", "error.counselor_plans")
    assert "4" in problem.text("en") and "5" in problem.text("id")


def test_a_counsellor_with_6_plans_gets_both_errors():
    document = with_value(FULL, ("teacher", "role"), "counselor")
    document = with_value(document, ("lesson_plans",), plans(*[40] * 6))
    assert pairs(document) == [
        ("lesson_plans", "error.max_items"),
        ("lesson_plans", "error.counselor_plans"),
    ]


@pytest.mark.parametrize("count", [0, 1, 4])
def test_a_counsellor_may_submit_up_to_4_programmes(count):
    document = doc(role="counselor", lesson_plans=plans(*[40] * count))
    assert problems(document) == []


def test_an_unknown_level_lists_the_choices():
    problem = only(with_value(FULL, ("trainings", 0, "level"), "regional"))
    assert (problem.path, problem.message.code) == ("trainings[0].level", "error.enum")
    assert '"regional"' in problem.text("en")
    assert "international, national, province, district, subdistrict" in problem.text("en")


def test_village_is_a_level_for_organisations_only():
    assert pairs(with_value(FULL, ("forums", 0, "level"), "village")) == [
        ("forums[0].level", "error.enum")
    ]
    assert problems(doc(organizations=[{"type": "social", "level": "village", "years": 1}])) == []


def test_a_subdistrict_award_is_read_not_refused():
    # Seed 003 counts awards "baik pada tingkat kabupaten/kota, provinsi, nasional, maupun
    # internasional": a subdistrict award scores 0 (test_rubric.py), the file stays valid.
    assert problems(with_value(FULL, ("awards", 0, "level"), "subdistrict")) == []
    assert pairs(with_value(FULL, ("awards", 0, "level"), "village")) == [
        ("awards[0].level", "error.enum")
    ]


@pytest.mark.parametrize(("key", "value"), [("schema", "sergur.portfolio/2"), ("rubric", "2008")])
def test_schema_and_rubric_are_constants(key, value):
    assert pairs(with_value(FULL, (key,), value)) == [(key, "error.const")]


def test_a_text_longer_than_500_characters_is_too_long():
    assert problems(with_value(FULL, ("teacher", "name"), "x" * 500)) == []
    problem = only(with_value(FULL, ("teacher", "name"), "x" * 501))
    assert (problem.path, problem.message.code) == ("teacher.name", "error.too_long")
    assert "500" in problem.text("en") and "500" in problem.text("id")


def test_a_long_value_is_shortened_in_the_message():
    problem = only(with_value(FULL, ("trainings", 0, "level"), "y" * 100))
    assert "..." in problem.text("en")
    assert "y" * 100 not in problem.text("en")


# -- NUPTK -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "nuptk", ["123", "12345678901234567", "345678901234567a", "", "3456789012345678\n"]
)
def test_a_nuptk_must_be_16_digits(nuptk):
    document = with_value(FULL, ("teacher", "nuptk"), nuptk)
    assert pairs(document) == [("teacher.nuptk", "error.nuptk")]
    assert "16" in only(document).text("en") and "16" in only(document).text("id")


# -- evidence codes --------------------------------------------------------------------------
@pytest.mark.parametrize("code", ["2", "2.a", "2.c.3", "2.a.1)", "2.b.12.x)", "2.0"])
def test_a_well_formed_evidence_code_is_accepted(code):
    assert problems(with_value(FULL, ("trainings", 0, "evidence"), [code])) == []


@pytest.mark.parametrize(
    "code", ["", "2.B", "2.", "2..a", "a.2", "2.a))", "2.a)b", "0.a", "11.a", " 2.a", "2.a\n"]
)
def test_a_malformed_evidence_code_is_an_error(code):
    problem = only(with_value(FULL, ("trainings", 0, "evidence"), ["2.b", code]))
    assert (problem.path, problem.message.code) == (
        "trainings[0].evidence[1]",
        "error.evidence_code",
    )
    assert "10.a.1" in problem.text("en")


def test_a_malformed_doubtful_code_is_an_error():
    assert pairs(with_value(FULL, ("review", "doubtful_evidence"), ["x"])) == [
        ("review.doubtful_evidence[0]", "error.evidence_code")
    ]


def test_a_doubtful_code_with_a_trailing_newline_is_an_error():
    assert pairs(with_value(FULL, ("review", "doubtful_evidence"), ["2.a\n"])) == [
        ("review.doubtful_evidence[0]", "error.evidence_code")
    ]


@pytest.mark.parametrize(
    ("path", "code", "place", "code_component", "component"),
    [
        (("trainings", 0, "evidence"), "1.b", "trainings[0].evidence[0]", 1, 2),
        (("teaching_experience", "evidence"), "2.x", "teaching_experience.evidence[0]", 2, 3),
        (("teaching_observation", "evidence"), "5.b", "teaching_observation.evidence[0]", 5, 4),
        (("awards", 0, "evidence"), "1.a", "awards[0].evidence[0]", 1, 10),
        (("qualifications", 0, "evidence"), "10.a", "qualifications[0].evidence[0]", 10, 1),
        (("qualifications", 0, "evidence"), "10", "qualifications[0].evidence[0]", 10, 1),
        (("forums", 0, "evidence"), "9.a", "forums[0].evidence[0]", 9, 8),
    ],
)
def test_an_evidence_code_of_another_component_names_both_components(
    path, code, place, code_component, component
):
    problem = only(with_value(FULL, path, [code]))
    assert (problem.path, problem.message.code) == (place, "error.evidence_component")
    en, id_ = problem.text("en"), problem.text("id")
    assert f"belongs to component {code_component} but is used under component {component}" in en
    assert f"milik unsur {code_component}, tetapi dipakai pada unsur {component}" in id_


@pytest.mark.parametrize(
    ("section", "component"),
    [
        ("qualifications", 1),
        ("trainings", 2),
        ("lesson_plans", 4),
        ("competitions", 6),
        ("student_coaching", 6),
        ("forums", 8),
        ("awards", 10),
    ],
)
def test_each_section_accepts_its_own_components_codes(section, component):
    document = with_value(FULL, (section, 0, "evidence"), [f"{component}.z9"])
    assert problems(document) == []


def test_a_code_reused_in_the_same_section_names_the_first_place():
    document = with_value(FULL, ("trainings",), [FULL["trainings"][0]] * 2)
    problem = only(document)
    assert (problem.path, problem.message.code) == (
        "trainings[1].evidence[0]",
        "error.evidence_reused",
    )
    assert "trainings[0].evidence[0]" in problem.text("en")
    assert "trainings[0].evidence[0]" in problem.text("id")


def test_a_code_reused_within_one_entry_is_an_error():
    assert pairs(with_value(FULL, ("trainings", 0, "evidence"), ["2.a", "2.a"])) == [
        ("trainings[0].evidence[1]", "error.evidence_reused")
    ]


def test_a_code_reused_under_another_component_names_both_places():
    document = with_value(FULL, ("teaching_experience", "evidence"), ["2.a"])
    found = problems(document)
    assert [(p.path, p.message.code) for p in found] == [
        ("teaching_experience.evidence[0]", "error.evidence_component"),
        ("teaching_experience.evidence[0]", "error.evidence_reused"),
    ]
    assert "trainings[0].evidence[0]" in found[1].text("en")


def test_a_code_used_three_times_is_reported_twice_naming_the_first():
    document = with_value(FULL, ("trainings",), [FULL["trainings"][0]] * 3)
    found = problems(document)
    assert [p.path for p in found] == ["trainings[1].evidence[0]", "trainings[2].evidence[0]"]
    assert all("trainings[0].evidence[0]" in p.text("en") for p in found)


def test_a_doubtful_code_may_name_evidence_used_elsewhere():
    document = with_value(FULL, ("review", "doubtful_evidence"), ["2.a", "8.a", "2.a"])
    assert problems(document) == []


# -- conditional requirements ----------------------------------------------------------------
CONDITIONAL = [
    pytest.param("competitions", {"kind": "competition"}, ["level"], id="competition-level"),
    pytest.param("student_coaching", {"won": True}, ["level"], id="won-coaching-level"),
    pytest.param("works", {"kind": "book"}, ["publication", "relevant"], id="book"),
    pytest.param(
        "works", {"kind": "book", "relevant": True}, ["publication"], id="book-publication"
    ),
    pytest.param(
        "works", {"kind": "book", "publication": "national"}, ["relevant"], id="book-relevant"
    ),
    pytest.param("works", {"kind": "article"}, ["venue", "relevant"], id="article"),
    pytest.param(
        "works", {"kind": "article", "venue": "local_media"}, ["relevant"], id="article-relevant"
    ),
    pytest.param("works", {"kind": "research"}, ["role"], id="research-role"),
]


@pytest.mark.parametrize(("section", "entry", "missing"), CONDITIONAL)
def test_a_conditional_requirement_is_checked_on_its_own(section, entry, missing):
    found = pairs(doc_with(section, [entry]))
    assert found == [(f"{section}[0].{name}", "error.required") for name in missing]


@pytest.mark.parametrize(("section", "entry", "missing"), CONDITIONAL)
def test_a_conditional_requirement_is_reported_with_the_other_errors(section, entry, missing):
    document = {**doc_with(section, [entry]), "teaching_experience": {"years": -1}}
    found = pairs(document)
    assert ("teaching_experience.years", "error.between") in found
    for name in missing:
        assert (f"{section}[0].{name}", "error.required") in found


@pytest.mark.parametrize(
    ("section", "entry"),
    [
        ("competitions", {"kind": "monumental_education"}),
        ("competitions", {"kind": "monumental_other", "level": "national"}),
        ("student_coaching", {"won": False}),
        ("works", {"kind": "review"}),
        ("works", {"kind": "module", "relevant": True}),
        ("works", {"kind": "research", "role": "member"}),
        ("works", {"kind": "book", "publication": "district", "relevant": False}),
        ("works", {"kind": "article", "venue": "national_media", "relevant": True}),
    ],
)
def test_entries_outside_a_condition_need_no_extra_field(section, entry):
    assert problems(doc_with(section, [entry])) == []


# -- whole numbers ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "place"),
    [
        (("lesson_plans", 0, "items", 2), "lesson_plans[0].items[2]"),
        (("superior_assessment", "items", 0), "superior_assessment.items[0]"),
        (("trainings", 0, "hours"), "trainings[0].hours"),
        (("teaching_experience", "years"), "teaching_experience.years"),
        (("lesson_plans", 0, "semester"), "lesson_plans[0].semester"),
    ],
)
def test_a_float_where_a_whole_number_is_required_is_a_clear_error(path, place):
    document = with_value(FULL, path, 5.0 if "items" in path else 2.0)
    text = dumps(document)
    assert "5.0" in text or "2.0" in text
    with pytest.raises(PortfolioInvalid):
        decode(text)
    problem = only(text)
    assert problem.path == place
    assert problem.text("en") == "Must be a whole number."
    assert problem.text("id") == "Harus berupa bilangan bulat."


# -- every error at once ---------------------------------------------------------------------
def test_every_error_is_reported_at_once():
    document = doc(
        teacher={"name": "Contoh", "role": "guru"},
        trainings=[{"hours": -20, "level": "national", "relevant": "ya", "evidence": ["2.a"]}],
        teaching_experience={"years": 12, "evidence": ["2.a"]},
        lesson_plans=[{"items": [4, 4, 4, 6, 4, 4, 4, 4]}, {"items": [4, 4, 4]}],
        superior_assessment={"items": [4] * 10},
        forums=[
            {"level": "district", "role": "participant", "organiser": "MGMP", "evidence": ["1.b"]}
        ],
    )
    document["teacher"]["nuptk"] = "12"
    assert sorted(pairs(document)) == sorted(
        [
            ("teacher.role", "error.enum"),
            ("teacher.nuptk", "error.nuptk"),
            ("trainings[0].hours", "error.between"),
            ("trainings[0].relevant", "error.type"),
            ("lesson_plans[0].items[3]", "error.between"),
            ("lesson_plans[1].items", "error.items_exact"),
            ("forums[0].organiser", "error.unknown_field"),
            ("teaching_experience.evidence[0]", "error.evidence_component"),
            ("teaching_experience.evidence[0]", "error.evidence_reused"),
            ("forums[0].evidence[0]", "error.evidence_component"),
        ]
    )


def test_extra_rules_run_over_odd_shapes_without_failing():
    document = doc(
        trainings={"evidence": ["1.a"]},
        qualifications=[5, {"evidence": "1.a"}],
        teaching_experience={"years": 3, "evidence": [7, "3.a"]},
        lesson_plans=[{"items": [3] * 8}] * 5,
    )
    document["teacher"] = {"name": "x", "role": "counselor", "nuptk": 5}
    found = pairs(document)
    assert ("trainings", "error.type") in found
    assert ("lesson_plans", "error.counselor_plans") in found
    assert ("teaching_experience.evidence[0]", "error.type") in found
    assert ("teacher.nuptk", "error.type") in found


# -- the participant number (seed 003: "nomor peserta"; docs/sources/domain.md §4.5) ----------
SEED_IDENTITY = "2. Nomor Peserta :"
"""The identity page of seed 003's instrument asks for the participant number."""


def numbered(number: str) -> str:
    return dumps(passing_doc(teacher=teacher(participant_number=number)))


def test_a_participant_number_of_the_year_is_valid():
    assert seed_says(SEED_IDENTITY)
    assert problems_of(numbered("07050318010012"), year=2007) == []
    assert problems_of(numbered("07 05 03 180 1 0012"), year=2007) == []
    assert decode(numbered("07050318010012"), year=2007).teacher.participant_number


def test_without_a_year_the_number_is_not_checked():
    assert problems_of(numbered("P-1")) == []


def test_a_number_that_is_not_yy_pp_kk_bbb_d_nnnn_is_an_error_with_its_place():
    (problem,) = problems_of(numbered("07-1-0001"), year=2007)
    assert problem.path == "teacher.participant_number"
    assert problem.message.code == "error.participant_number"
    assert "YY PP KK BBB D NNNN" in problem.text("id")
    assert "07-1-0001" in problem.text("en")


def test_a_number_of_another_year_is_an_error():
    (problem,) = problems_of(numbered("08050318010012"), year=2007)
    assert problem.path == "teacher.participant_number"
    assert problem.message.code == "error.participant_number_year"
    assert "08" in problem.text("id") and "07" in problem.text("id")
    assert "2007" in problem.text("en")


def test_a_bad_number_is_listed_with_the_files_other_errors():
    document = passing_doc(teacher=teacher(participant_number="1234"))
    document["trainings"] = [{"hours": -1, "level": "district", "relevant": True}]
    codes = {p.path for p in problems_of(dumps(document), year=2007)}
    assert {"teacher.participant_number", "trainings[0].hours"} <= codes


def test_a_file_without_a_participant_number_is_valid_for_any_year():
    assert problems_of(dumps(passing_doc()), year=2007) == []
