"""The table a district officer reads (`sergur.cli.table`)."""

from __future__ import annotations

import pytest

from sergur.cli.table import LABELS, WIDTH, label, render_problems, render_score
from sergur.cli.tests.support import DECISIONS, VALID_EXAMPLES, compact, example
from sergur.rules import COMPONENT_KEYS, Lang, ScoreResult, decode, load_year, problems_of, score
from sergur.rules.messages import COMPONENTS, GROUPS, component_names
from sergur.rules.messages import DECISIONS as DECISION_NAMES

LANGS: tuple[Lang, ...] = ("id", "en")


def scored(name: str, *, explain: bool = False) -> ScoreResult:
    """An example portfolio scored in programme year 2007."""
    return score(decode(compact(name)), load_year(2007), explain=explain)


def test_every_label_exists_in_both_languages():
    for key, texts in LABELS.items():
        assert set(texts) == set(LANGS), key
        assert all(text.strip() for text in texts.values()), key


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", VALID_EXAMPLES)
def test_table_lists_all_ten_components_in_order(name, lang):
    result = scored(name)
    text = render_score(result, lang, explain=False, heading="1")
    names = component_names(result.role)

    positions = [
        text.index(f"  {n:>2}  {names[key][lang]}") for n, key in enumerate(COMPONENT_KEYS, start=1)
    ]
    assert positions == sorted(positions)
    assert len(COMPONENT_KEYS) == 10


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", VALID_EXAMPLES)
def test_points_column_is_aligned(name, lang):
    lines = render_score(scored(name), lang, explain=False, heading="1").splitlines()

    header = next(line for line in lines if line.strip().startswith(label("component", lang)))
    rows = [line for line in lines if line[2:4].strip().isdigit()]
    sub_rows = [line for line in lines if line.startswith("        4")]
    assert len(rows) == 10 and len(sub_rows) == 2
    assert {len(line) for line in [header, *rows, *sub_rows]} == {WIDTH + 14}
    assert all(line == line.rstrip() for line in lines), "no trailing spaces"


@pytest.mark.parametrize("name", VALID_EXAMPLES)
def test_table_shows_groups_total_decision(name):
    result = scored(name)
    text = render_score(result, "en", explain=False, heading="1 (x.json)")

    assert text.splitlines()[0] == (
        f"Portfolio 1 (x.json): {result.teacher} — programme year 2007, rubric 2007"
    )
    for group in ("A", "B", "C"):
        assert f"\n  {GROUPS[group]['en']}" in text
    assert "\n  Total " in text and "pass mark 850" in text
    code = DECISIONS[name]
    assert f"\n  Decision: {code} — {DECISION_NAMES[code]['en']}\n  Reasons:\n" in text


def test_passed_table_says_no_reasons():
    text = render_score(scored("passing-subject-teacher.json"), "id", explain=False, heading="1")

    assert text.endswith("  Alasan:\n    tidak ada: semua syarat terpenuhi")
    assert "— TIDAK terpenuhi" not in text
    assert text.count("— terpenuhi") == 3


def test_failed_table_lists_reasons_as_bullets():
    text = render_score(scored("near-miss.json"), "en", explain=False, heading="1")

    assert text.endswith("  Reasons:\n    - The total 830.4 is 19.6 short of the pass mark 850.")


def test_special_area_group_b_uses_the_lower_minimum():
    text = render_score(scored("special-area-teacher.json"), "en", explain=False, heading="1")

    group_b = next(line for line in text.splitlines() if "Group B" in line)
    assert "at least 150" in group_b and group_b.endswith("— met")


def test_numbers_use_a_decimal_comma_in_indonesian():
    result = scored("near-miss.json")

    assert "830,4" in render_score(result, "id", explain=False, heading="1")
    assert "830.4" in render_score(result, "en", explain=False, heading="1")


@pytest.mark.parametrize("lang", LANGS)
def test_explain_appends_trace_and_interpretations(lang):
    result = scored("near-miss.json", explain=True)
    plain = render_score(result, lang, explain=False, heading="1")
    explained = render_score(result, lang, explain=True, heading="1")

    assert explained.startswith(plain + "\n\n")
    extra = explained[len(plain) :]
    assert f"  {label('trace', lang)}:" in extra
    for line in result.trace:
        assert f"    {line.path}" in extra
    assert f"  {label('interpretations', lang)}:" in extra
    assert "    [D1] " in extra


def test_trace_without_interpretations_has_no_such_section():
    result = scored("passing-subject-teacher.json", explain=True)
    text = render_score(result, "en", explain=True, heading="1")

    assert "Score trace (rubric rows):" in text
    assert ("Interpretations used" in text) == bool(result.interpretations)


def test_problems_name_their_place_or_the_whole_file():
    problems = problems_of(b"")
    text = render_problems(problems, "en", heading="7 (x.jsonl)")

    assert text == "Portfolio 7 (x.jsonl): invalid, 1 error(s)\n  (whole file): The file is empty."
    assert render_problems(problems, "id", heading="7") == (
        "Portofolio 7: tidak sah, 1 kesalahan\n  (seluruh berkas): Berkas kosong."
    )


def test_problems_one_line_each_with_path():
    data = example("near-miss.json")
    data["teaching_experience"]["years"] = "14"
    problems = problems_of(compact(data))

    text = render_problems(problems, "en", heading="1")

    assert text.splitlines() == [
        "Portfolio 1: invalid, 1 error(s)",
        "  teaching_experience.years: Must be a whole number.",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_a_counsellors_table_uses_the_counsellors_words(lang):
    text = render_score(scored("counselor.json"), lang, explain=False, heading="1")

    counsellor = component_names("counselor")
    for key in ("teaching_experience", "lesson_plans", "teaching_observation"):
        assert counsellor[key][lang] in text
        assert COMPONENTS[key][lang] not in text
