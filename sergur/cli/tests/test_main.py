"""`sergur score`, `sergur validate` and `sergur schema`, run in-process through `main`."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from sergur.cli.tests.support import (
    DECISIONS,
    EXAMPLES,
    SCHEMA_DIR,
    VALID_EXAMPLES,
    YEAR_2008,
    assert_invalid_entry,
    assert_valid_result,
    compact,
    example,
    json_lines,
    run,
    usage_error,
)

Feed = Callable[[bytes], None]
NEAR_MISS = str(EXAMPLES / "near-miss.json")
PASSING = str(EXAMPLES / "passing-subject-teacher.json")
INVALID = str(EXAMPLES / "invalid.json")


# -- score: one file, each format ----------------------------------------------------------------
@pytest.mark.parametrize("name", VALID_EXAMPLES)
def test_score_table_shows_components_groups_total_decision_reasons(capsys, name):
    result = run(capsys, "score", str(EXAMPLES / name))

    assert result.status == 0
    assert result.err == ""
    text = result.out
    assert text.startswith(f"Portofolio 1 ({EXAMPLES / name}): ")
    for heading in ("Unsur", "Skor", "Jumlah", "batas lulus 850", "Alasan:"):
        assert heading in text
    for number in range(1, 11):
        assert f"\n  {number:>2}  " in text, f"component {number} is missing"
    for group in ("Kelompok A", "Kelompok B", "Kelompok C"):
        assert f"\n  {group} " in text
    assert f"Keputusan: {DECISIONS[name]} — " in text
    assert "Rincian skor" not in text


@pytest.mark.parametrize("name", VALID_EXAMPLES)
def test_score_json_is_one_valid_score_result(capsys, name):
    result = run(capsys, "score", str(EXAMPLES / name), "--format", "json")

    assert result.status == 0
    assert result.err == ""
    assert result.out.endswith("\n")
    [obj] = json_lines(result.out)
    assert_valid_result(obj)
    assert obj["schema"] == "sergur.score/1"
    assert obj["line"] == 1
    assert obj["programme_year"] == 2007
    assert obj["decision"]["code"] == DECISIONS[name]
    assert "trace" not in obj
    groups = obj["groups"]
    assert obj["total"] == pytest.approx(groups["A"] + groups["B"] + groups["C_counted"])


def test_passed_portfolio_has_no_reasons_and_a_failed_one_says_why(capsys):
    passed = json_lines(run(capsys, "score", PASSING, "--format", "json").out)[0]
    near = json_lines(run(capsys, "score", NEAR_MISS, "--format", "json", "--lang", "en").out)[0]

    assert passed["decision"] == {"code": "L", "reasons": []}
    assert near["decision"]["code"] == "MS"
    assert near["decision"]["reasons"] == ["The total 830.4 is 19.6 short of the pass mark 850."]


def test_format_table_is_the_default(capsys):
    default = run(capsys, "score", NEAR_MISS)
    table = run(capsys, "score", NEAR_MISS, "--format", "table")

    assert default == table


# -- --explain ------------------------------------------------------------------------------------
def test_explain_adds_the_trace_to_json(capsys):
    plain = json_lines(run(capsys, "score", NEAR_MISS, "--format", "json").out)[0]
    result = run(capsys, "score", NEAR_MISS, "--format", "json", "--explain")

    assert result.status == 0
    [obj] = json_lines(result.out)
    assert_valid_result(obj)
    trace = obj["trace"]
    assert trace, "the trace lists every scored entry"
    assert {"component", "path", "points", "rule"} <= set(trace[0])
    assert trace[0]["path"] == "qualifications[0]"
    assert "D1" in obj["interpretations"]
    # Explaining changes nothing else.
    assert {k: v for k, v in obj.items() if k not in ("trace", "interpretations")} == plain


def test_a_counsellors_4b_is_explained_as_the_assessors_bk_form(capsys):
    """examples/counselor.json: the 24 items of its teaching_observation are the assessor's
    BK practice form (seed 003, Buku II pp. 33-35, "Oleh Penilai (Asesor)")."""
    counsellor = str(EXAMPLES / "counselor.json")

    indonesian = run(capsys, "score", counsellor, "--lang", "id", "--explain")
    english = run(capsys, "score", counsellor, "--lang", "en", "--explain")

    assert indonesian.status == english.status == 0
    assert "4b Pelaksanaan Program Pelayanan Bimbingan dan Konseling" in indonesian.out
    assert "Penilaian pelaksanaan program pelayanan BK oleh asesor, jumlah 24 butir: 98" in (
        indonesian.out
    )
    assert "Guidance and counselling practice scored by the assessor, sum of 24 items: 98" in (
        english.out
    )
    assert "Teaching practice instrument" not in english.out
    assert "866.2" in english.out


def test_explain_adds_the_trace_section_to_the_table(capsys):
    plain = run(capsys, "score", NEAR_MISS, "--lang", "en").out
    explained = run(capsys, "score", NEAR_MISS, "--lang", "en", "--explain").out

    assert "Score trace (rubric rows):" not in plain
    assert explained.startswith(plain.rstrip("\n"))
    trace = explained[len(plain.rstrip("\n")) :]
    assert "Score trace (rubric rows):" in trace
    assert "qualifications[0]" in trace and "S1 education, in the subject" in trace
    assert "Interpretations used (docs/rules.md):" in trace and "[D1]" in trace


# -- --lang ---------------------------------------------------------------------------------------
def test_lang_id_is_the_default_and_en_translates_the_table(capsys):
    default = run(capsys, "score", NEAR_MISS).out
    indonesian = run(capsys, "score", NEAR_MISS, "--lang", "id").out
    english = run(capsys, "score", NEAR_MISS, "--lang", "en").out

    assert default == indonesian
    assert "Keputusan: MS — Melengkapi Substansi" in indonesian
    assert "830,4" in indonesian and "830.4" not in indonesian
    assert "Decision: MS — Complete the substance" in english
    assert "830.4" in english and "Keputusan" not in english
    assert "Group A (components 1, 3, 4)" in english


def test_lang_translates_json_reasons_but_not_numbers(capsys):
    indonesian = json_lines(run(capsys, "score", NEAR_MISS, "--format", "json").out)[0]
    english = json_lines(run(capsys, "score", NEAR_MISS, "--format", "json", "--lang", "en").out)[0]

    assert indonesian["total"] == english["total"] == pytest.approx(830.4)
    assert indonesian["decision"]["reasons"] != english["decision"]["reasons"]
    assert "830,4" in indonesian["decision"]["reasons"][0]
    assert "short of the pass mark" in english["decision"]["reasons"][0]


def test_lang_translates_errors(capsys):
    indonesian = run(capsys, "score", INVALID)
    english = run(capsys, "score", INVALID, "--lang", "en")

    assert indonesian.status == english.status == 1
    assert "tidak sah, 9 kesalahan" in indonesian.out
    assert "invalid, 9 error(s)" in english.out
    assert "trainings[0].hours: Must be between 0 and 100000, not -20." in english.out


# -- --year and SERGUR_YEARS_DIR ------------------------------------------------------------------
def test_year_2007_is_the_default(capsys):
    default = run(capsys, "score", NEAR_MISS, "--format", "json")
    explicit = run(capsys, "score", NEAR_MISS, "--format", "json", "--year", "2007")

    assert default == explicit
    assert json_lines(default.out)[0]["programme_year"] == 2007


def test_unknown_year_exits_2_listing_the_known_years(capsys):
    result = run(capsys, "score", NEAR_MISS, "--year", "2099")

    assert result.status == 2
    assert result.out == ""
    assert "programme year 2099 is not configured" in result.err
    assert "known: 2007" in result.err
    assert "Traceback" not in result.err


def test_years_dir_adds_a_year_with_other_thresholds(capsys, monkeypatch, tmp_path):
    (tmp_path / "2008.toml").write_text(YEAR_2008, encoding="utf-8")
    monkeypatch.setenv("SERGUR_YEARS_DIR", str(tmp_path))

    in_2007 = run(capsys, "score", NEAR_MISS, "--format", "json")
    in_2008 = run(capsys, "score", NEAR_MISS, "--format", "json", "--year", "2008")
    table = run(capsys, "score", NEAR_MISS, "--year", "2008", "--lang", "en")

    assert json_lines(in_2007.out)[0]["decision"]["code"] == "MS"
    [obj] = json_lines(in_2008.out)
    assert_valid_result(obj)
    assert obj["programme_year"] == 2008
    assert obj["total"] == pytest.approx(830.4)  # the same points ...
    assert obj["decision"] == {"code": "L", "reasons": []}  # ... against a lower pass mark
    assert "programme year 2008" in table.out and "pass mark 800" in table.out


def test_years_dir_can_replace_a_shipped_year(capsys, monkeypatch, tmp_path):
    stricter = YEAR_2008.replace("year = 2008", "year = 2007")
    stricter = stricter.replace("pass_mark = 800", "pass_mark = 950")
    stricter = stricter.replace("near_miss_floor = 780", "near_miss_floor = 925")
    (tmp_path / "2007.toml").write_text(stricter, encoding="utf-8")
    monkeypatch.setenv("SERGUR_YEARS_DIR", str(tmp_path))

    [obj] = json_lines(run(capsys, "score", PASSING, "--format", "json").out)

    assert obj["total"] == pytest.approx(944.4)
    assert obj["decision"]["code"] == "MS"


def test_unknown_year_lists_the_years_of_the_years_dir_too(capsys, monkeypatch, tmp_path):
    (tmp_path / "2008.toml").write_text(YEAR_2008, encoding="utf-8")
    monkeypatch.setenv("SERGUR_YEARS_DIR", str(tmp_path))

    result = run(capsys, "score", NEAR_MISS, "--year", "2010")

    assert result.status == 2
    assert "known: 2007, 2008" in result.err


def test_broken_year_file_exits_2_naming_the_file(capsys, monkeypatch, tmp_path):
    broken = tmp_path / "2009.toml"
    broken.write_text("year = 2009\nrubric = '2007'\n[portfolio]\npass_mark = 'x'\n", "utf-8")
    monkeypatch.setenv("SERGUR_YEARS_DIR", str(tmp_path))

    result = run(capsys, "score", NEAR_MISS, "--year", "2009")

    assert result.status == 2
    assert result.out == ""
    assert str(broken) in result.err
    assert "Traceback" not in result.err


# -- JSON Lines -----------------------------------------------------------------------------------
def _mixed_jsonl() -> str:
    """Valid, blank, not JSON, whitespace only, valid, invalid: entries on lines 1, 3, 5, 6."""
    return "\n".join(
        [
            compact("near-miss.json"),
            "",
            "this is not json",
            "   ",
            compact("counselor.json"),
            "{}",
        ]
    )


def test_jsonl_numbers_entries_by_physical_line_and_goes_on_after_errors(capsys, tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(_mixed_jsonl() + "\n", encoding="utf-8")

    result = run(capsys, "score", str(batch), "--format", "json")

    assert result.status == 1
    assert result.err == ""
    first, not_json, counselor, empty_object = json_lines(result.out)
    assert_valid_result(first)
    assert (first["line"], first["decision"]["code"]) == (1, "MS")
    [error] = assert_invalid_entry(not_json, line=3)
    assert error["path"] == ""
    assert_valid_result(counselor)
    assert (counselor["line"], counselor["decision"]["code"]) == (5, "L")
    errors = assert_invalid_entry(empty_object, line=6)
    assert {e["path"] for e in errors} == {"schema", "rubric", "teacher"}


def test_jsonl_table_headings_name_line_and_file(capsys, tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(_mixed_jsonl(), encoding="utf-8")

    result = run(capsys, "score", str(batch), "--lang", "en")

    assert result.status == 1
    headings = [line for line in result.out.splitlines() if line.startswith("Portfolio ")]
    assert [h.split(":")[0] for h in headings] == [f"Portfolio {n} ({batch})" for n in (1, 3, 5, 6)]
    assert "Decision: MS" in result.out and "Decision: L" in result.out
    assert f"Portfolio 3 ({batch}): invalid, 1 error(s)" in result.out


def test_jsonl_of_valid_portfolios_exits_0(capsys, tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(compact(n) + "\n" for n in VALID_EXAMPLES), encoding="utf-8")

    result = run(capsys, "score", str(batch), "--format", "json")

    assert result.status == 0
    objs = json_lines(result.out)
    assert [o["line"] for o in objs] == [1, 2, 3, 4]
    assert [o["decision"]["code"] for o in objs] == [DECISIONS[n] for n in VALID_EXAMPLES]
    for obj in objs:
        assert_valid_result(obj)


def test_jsonl_with_crlf_line_ends(capsys, tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes((compact("near-miss.json") + "\r\n\r\n" + "[]\r\n").encode())

    result = run(capsys, "score", str(batch), "--format", "json")

    assert result.status == 1
    valid, invalid = json_lines(result.out)
    assert (valid["line"], valid["decision"]["code"]) == (1, "MS")
    assert_invalid_entry(invalid, line=3)


def test_empty_jsonl_is_one_invalid_entry(capsys, tmp_path):
    batch = tmp_path / "empty.jsonl"
    batch.write_text("\n  \n", encoding="utf-8")

    result = run(capsys, "score", str(batch), "--format", "json", "--lang", "en")

    assert result.status == 1
    [obj] = json_lines(result.out)
    [error] = assert_invalid_entry(obj, line=1)
    assert error == {"path": "", "message": "The file is empty."}


# -- a folder -------------------------------------------------------------------------------------
def _folder_of_examples(tmp_path: Path) -> Path:
    folder = tmp_path / "portfolios"
    folder.mkdir()
    for file in EXAMPLES.glob("*.json"):
        shutil.copy(file, folder / file.name)
    (folder / "notes.txt").write_text("not a portfolio", encoding="utf-8")
    (folder / "batch.jsonl").write_text("garbage\n", encoding="utf-8")
    (folder / "README").write_text("garbage", encoding="utf-8")
    (folder / "nested.json").mkdir()  # a folder named like a portfolio is no portfolio
    return folder


def test_folder_scores_its_json_files_in_sorted_order(capsys, tmp_path):
    folder = _folder_of_examples(tmp_path)

    result = run(capsys, "score", str(folder), "--format", "json")

    assert result.status == 1  # invalid.json is among them
    objs = json_lines(result.out)
    assert [o["line"] for o in objs] == [1, 2, 3, 4, 5]
    names = sorted(p.name for p in EXAMPLES.glob("*.json"))
    assert names == [
        "counselor.json",
        "invalid.json",
        "near-miss.json",
        "passing-subject-teacher.json",
        "special-area-teacher.json",
    ]
    for obj, name in zip(objs, names, strict=True):
        if name == "invalid.json":
            assert_invalid_entry(obj, line=obj["line"])
        else:
            assert_valid_result(obj)
            assert obj["decision"]["code"] == DECISIONS[name]


def test_folder_table_names_each_file(capsys, tmp_path):
    folder = _folder_of_examples(tmp_path)

    result = run(capsys, "score", str(folder))

    headings = [line for line in result.out.splitlines() if line.startswith("Portofolio ")]
    assert len(headings) == 5
    assert headings[1].startswith(f"Portofolio 2 ({folder / 'invalid.json'}): tidak sah")
    assert "notes.txt" not in result.out and "batch.jsonl" not in result.out


def test_folder_of_valid_portfolios_exits_0(capsys, tmp_path):
    for name in VALID_EXAMPLES:
        shutil.copy(EXAMPLES / name, tmp_path / name)

    result = run(capsys, "score", str(tmp_path), "--format", "json")

    assert result.status == 0
    assert len(json_lines(result.out)) == 4


def test_empty_folder_exits_2(capsys, tmp_path):
    result = run(capsys, "score", str(tmp_path))

    assert result.status == 2
    assert result.out == ""
    assert str(tmp_path) in result.err and "no .json files" in result.err


def test_folder_without_json_files_exits_2(capsys, tmp_path):
    (tmp_path / "batch.jsonl").write_text(compact("near-miss.json") + "\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")

    result = run(capsys, "score", str(tmp_path), "--format", "json")

    assert result.status == 2
    assert result.out == ""
    assert "no .json files" in result.err


# -- standard input -------------------------------------------------------------------------------
def test_stdin_with_one_pretty_printed_portfolio(capsys, stdin: Feed):
    stdin((EXAMPLES / "near-miss.json").read_bytes())

    result = run(capsys, "score", "-", "--format", "json")

    assert result.status == 0
    [obj] = json_lines(result.out)
    assert_valid_result(obj)
    assert (obj["line"], obj["decision"]["code"]) == (1, "MS")


def test_stdin_with_one_compact_portfolio_and_a_newline(capsys, stdin: Feed):
    stdin((compact("counselor.json") + "\n").encode())

    result = run(capsys, "score", "-", "--format", "json")

    assert result.status == 0
    [obj] = json_lines(result.out)
    assert obj["decision"]["code"] == "L"


def test_stdin_with_json_lines(capsys, stdin: Feed):
    stdin((_mixed_jsonl() + "\n").encode())

    result = run(capsys, "score", "-", "--format", "json")

    assert result.status == 1
    objs = json_lines(result.out)
    assert [o["line"] for o in objs] == [1, 3, 5, 6]
    assert_valid_result(objs[0])
    assert_invalid_entry(objs[1], line=3)
    assert_valid_result(objs[2])
    assert_invalid_entry(objs[3], line=6)


def test_stdin_table_heading_has_no_file_name(capsys, stdin: Feed):
    stdin((EXAMPLES / "near-miss.json").read_bytes())

    result = run(capsys, "score", "-", "--lang", "en")

    assert result.out.startswith("Portfolio 1: Agus Setiawan")


def test_stdin_empty_is_invalid(capsys, stdin: Feed):
    stdin(b"")

    result = run(capsys, "score", "-", "--format", "json", "--lang", "en")

    assert result.status == 1
    [error] = assert_invalid_entry(json_lines(result.out)[0], line=1)
    assert error["message"] == "The file is empty."


def test_stdin_not_utf8_is_invalid(capsys, stdin: Feed):
    stdin('{"teacher": "Andé"}'.encode("latin-1"))

    result = run(capsys, "score", "-", "--lang", "en")

    assert result.status == 1
    assert "(whole file): The file is not UTF-8 text." in result.out


def test_stdin_json_lines_starting_with_a_broken_line_goes_on(capsys, stdin: Feed):
    stdin(("not json\n" + compact("near-miss.json") + "\n").encode())

    result = run(capsys, "score", "-", "--format", "json")

    assert result.status == 1
    broken, scored = json_lines(result.out)
    assert_invalid_entry(broken, line=1)
    assert (scored["line"], scored["decision"]["code"]) == (2, "MS")


# -- unreadable input and bad usage: exit 2 -------------------------------------------------------
@pytest.mark.parametrize("command", ["score", "validate"])
def test_missing_file_exits_2(capsys, tmp_path, command):
    missing = tmp_path / "nowhere.json"

    result = run(capsys, command, str(missing))

    assert result.status == 2
    assert result.out == ""
    assert result.err == f"sergur: {missing}: No such file or directory\n"


def test_missing_jsonl_exits_2(capsys, tmp_path):
    result = run(capsys, "score", str(tmp_path / "nowhere.jsonl"), "--format", "json")

    assert result.status == 2
    assert result.out == ""
    assert "No such file or directory" in result.err


def test_empty_path_is_bad_usage(capsys, monkeypatch, tmp_path):
    shutil.copy(EXAMPLES / "near-miss.json", tmp_path / "near-miss.json")
    monkeypatch.chdir(tmp_path)

    assert _status(capsys, "score", "") == 2


def _status(capsys: pytest.CaptureFixture[str], *argv: str) -> int:
    """The status of a run, whether `main` returns it or argparse exits with it."""
    try:
        return run(capsys, *argv).status
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else -1


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        ([], "required: command"),
        (["score"], "required: path"),
        (["explode", "x.json"], "invalid choice"),
        (["score", NEAR_MISS, "--bogus"], "unrecognized arguments: --bogus"),
        (["score", NEAR_MISS, "--format", "xml"], "invalid choice: 'xml'"),
        (["score", NEAR_MISS, "--year", "next"], "invalid int value: 'next'"),
        (["score", NEAR_MISS, "--lang", "fr"], "invalid choice: 'fr'"),
        (["validate"], "required: path"),
        (["schema", "extra"], "unrecognized arguments: extra"),
    ],
)
def test_bad_usage_exits_2(capsys, argv, says):
    result = usage_error(capsys, *argv)

    assert result.status == 2
    assert result.out == ""
    assert "usage: sergur" in result.err
    assert says in result.err


# -- bad files: exit 1 with a clear error ---------------------------------------------------------
BAD_FILES = [
    pytest.param(b"", "The file is empty.", id="empty"),
    pytest.param(b"  \n\t\n", "The file is empty.", id="whitespace"),
    pytest.param(b"teacher: Sri", "Not valid JSON: Expecting value (line 1, column 1).", id="yaml"),
    pytest.param(b'{"schema": ', "Not valid JSON: Expecting value (line 1, column 12).", id="cut"),
    pytest.param(bytes(range(256)), "The file is not UTF-8 text.", id="binary"),
    pytest.param(b"\x00\x01\x02\x03", "Not valid JSON", id="control-bytes"),
    pytest.param('{"x": "Andé"}'.encode("latin-1"), "The file is not UTF-8 text.", id="latin1"),
    pytest.param(b"[" * 100_000 + b"]" * 100_000, "nested too deeply", id="deep"),
    pytest.param(b"[]", "Must be an object.", id="array"),
    pytest.param(b"null", "Must be an object.", id="null"),
]


@pytest.mark.parametrize(("data", "says"), BAD_FILES)
def test_bad_file_is_invalid_with_a_clear_error(capsys, tmp_path, data, says):
    file = tmp_path / "bad.json"
    file.write_bytes(data)

    result = run(capsys, "score", str(file), "--format", "json", "--lang", "en")

    assert result.status == 1
    assert result.err == ""
    [obj] = json_lines(result.out)
    [error] = assert_invalid_entry(obj, line=1)
    assert error["path"] == ""
    assert says in error["message"]


@pytest.mark.parametrize(("data", "says"), BAD_FILES)
def test_bad_file_in_the_table(capsys, tmp_path, data, says):
    file = tmp_path / "bad.json"
    file.write_bytes(data)

    result = run(capsys, "score", str(file), "--lang", "en")

    assert result.status == 1
    assert result.out.startswith(f"Portfolio 1 ({file}): invalid, 1 error(s)\n")
    [error] = result.out.splitlines()[1:]
    assert error.startswith("  (whole file): ")
    assert says in error


def test_invalid_example_names_the_place_of_every_error(capsys):
    result = run(capsys, "score", INVALID, "--format", "json", "--lang", "en")

    assert result.status == 1
    [obj] = json_lines(result.out)
    errors = assert_invalid_entry(obj, line=1)
    by_path: dict[str, list[str]] = {}
    for error in errors:
        by_path.setdefault(error["path"], []).append(error["message"])
    assert by_path["teacher.role"] == [
        'Unknown value "guru"; choose one of: subject_teacher, counselor.'
    ]
    assert by_path["trainings[0].relevant"] == ["Must be true or false."]  # wrong type
    assert by_path["trainings[0].hours"] == ["Must be between 0 and 100000, not -20."]
    assert by_path["lesson_plans[0].items[3]"] == ["Must be between 1 and 5, not 6."]
    assert by_path["lesson_plans[1].items"] == ["Must hold exactly 8 item scores, not 3."]
    assert by_path["forums[0].organiser"] == [
        "Unknown field (not part of the sergur.portfolio/1 format)."
    ]
    reused = by_path["teaching_experience.evidence[0]"]
    assert any("already used at trainings[0].evidence[0]" in m for m in reused)
    assert any("belongs to component 2" in m for m in reused)
    assert len(errors) == 9


def test_reused_evidence_in_an_otherwise_valid_portfolio(capsys, tmp_path):
    data = example("near-miss.json")
    data["trainings"][1]["evidence"] = list(data["trainings"][0]["evidence"])
    file = tmp_path / "reused.json"
    file.write_text(compact(data), encoding="utf-8")
    code = data["trainings"][0]["evidence"][0]

    result = run(capsys, "score", str(file), "--format", "json", "--lang", "en")

    assert result.status == 1
    [error] = assert_invalid_entry(json_lines(result.out)[0], line=1)
    assert error["path"] == "trainings[1].evidence[0]"
    assert f"Evidence code {code} is already used at trainings[0].evidence[0]" in error["message"]


def test_out_of_range_item_score_names_the_item(capsys, tmp_path):
    data = example("passing-subject-teacher.json")
    data["teaching_observation"]["items"][5] = 0
    file = tmp_path / "zero.json"
    file.write_text(compact(data), encoding="utf-8")

    result = run(capsys, "score", str(file), "--lang", "en")

    assert result.status == 1
    assert "  teaching_observation.items[5]: Must be between 1 and 5, not 0." in result.out


def test_float_item_score_is_refused_with_its_place(capsys, tmp_path):
    data = example("passing-subject-teacher.json")
    data["superior_assessment"]["items"][0] = 4.5
    file = tmp_path / "half.json"
    file.write_text(compact(data), encoding="utf-8")

    result = run(capsys, "score", str(file), "--format", "json", "--lang", "en")

    assert result.status == 1
    errors = assert_invalid_entry(json_lines(result.out)[0], line=1)
    assert {e["path"] for e in errors} == {"superior_assessment.items[0]"}


def test_each_missing_field_is_reported_once(capsys, tmp_path):
    file = tmp_path / "bare.json"
    file.write_text("{}", encoding="utf-8")

    result = run(capsys, "score", str(file), "--format", "json", "--lang", "en")

    errors = assert_invalid_entry(json_lines(result.out)[0], line=1)
    assert errors == [
        {"path": "schema", "message": "Is required."},
        {"path": "rubric", "message": "Is required."},
        {"path": "teacher", "message": "Is required."},
    ]


# -- validate -------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", VALID_EXAMPLES)
def test_validate_prints_nothing_for_a_valid_portfolio(capsys, name):
    result = run(capsys, "validate", str(EXAMPLES / name))

    assert result.status == 0
    assert result.out == ""
    assert result.err == "1 sah, 0 tidak sah\n"


def test_validate_summary_in_english(capsys):
    result = run(capsys, "validate", NEAR_MISS, "--lang", "en")

    assert (result.status, result.out, result.err) == (0, "", "1 valid, 0 invalid\n")


def test_validate_prints_the_errors_of_an_invalid_portfolio(capsys):
    result = run(capsys, "validate", INVALID, "--lang", "en")

    assert result.status == 1
    lines = result.out.splitlines()
    assert lines[0] == f"Portfolio 1 ({INVALID}): invalid, 9 error(s)"
    assert '  teacher.role: Unknown value "guru"; choose one of: subject_teacher, counselor.' in (
        lines
    )
    assert len(lines) == 10
    assert result.err == "0 valid, 1 invalid\n"
    assert "Decision" not in result.out


def test_validate_folder_reports_only_the_invalid(capsys, tmp_path):
    folder = _folder_of_examples(tmp_path)

    result = run(capsys, "validate", str(folder), "--lang", "en")

    assert result.status == 1
    headings = [line for line in result.out.splitlines() if line.startswith("Portfolio ")]
    assert headings == [f"Portfolio 2 ({folder / 'invalid.json'}): invalid, 9 error(s)"]
    assert result.err == "4 valid, 1 invalid\n"


def test_validate_jsonl_json_format(capsys, tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(_mixed_jsonl(), encoding="utf-8")

    result = run(capsys, "validate", str(batch), "--format", "json", "--lang", "en")

    assert result.status == 1
    not_json, empty_object = json_lines(result.out)
    assert_invalid_entry(not_json, line=3)
    assert_invalid_entry(empty_object, line=6)
    assert result.err == "2 valid, 2 invalid\n"


def test_validate_stdin(capsys, stdin: Feed):
    stdin((EXAMPLES / "counselor.json").read_bytes())

    result = run(capsys, "validate", "-", "--lang", "en")

    assert (result.status, result.out, result.err) == (0, "", "1 valid, 0 invalid\n")


@pytest.mark.parametrize(("data", "says"), BAD_FILES)
def test_validate_bad_file_exits_1(capsys, tmp_path, data, says):
    file = tmp_path / "bad.json"
    file.write_bytes(data)

    result = run(capsys, "validate", str(file), "--lang", "en")

    assert result.status == 1
    assert says in result.out
    assert result.err == "0 valid, 1 invalid\n"


def test_validate_empty_folder_exits_2(capsys, tmp_path):
    result = run(capsys, "validate", str(tmp_path))

    assert result.status == 2
    assert result.out == ""
    assert "no .json files" in result.err


# -- schema ---------------------------------------------------------------------------------------
def test_schema_prints_the_portfolio_schema(capsys):
    result = run(capsys, "schema")

    assert result.status == 0
    assert result.err == ""
    printed = json.loads(result.out)
    shipped = json.loads((SCHEMA_DIR / "portfolio.schema.json").read_text(encoding="utf-8"))
    assert printed == shipped
    assert printed["$id"] == "sergur.portfolio/1"
    Draft202012Validator.check_schema(printed)


def test_printed_schema_accepts_the_valid_examples_and_refuses_the_invalid(capsys):
    validator = Draft202012Validator(json.loads(run(capsys, "schema").out))

    for name in VALID_EXAMPLES:
        assert list(validator.iter_errors(example(name))) == [], name
    assert list(validator.iter_errors(example("invalid.json")))
