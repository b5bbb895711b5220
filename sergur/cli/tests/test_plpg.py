"""`sergur plpg`: the PLPG result of every row of a score CSV, bad rows on stderr with line and
column (docs/plpg.md, "The command line"); the examples under examples/plpg/ run as shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from sergur.cli.tests.support import EXAMPLES, json_lines, run

FOLDER = EXAMPLES / "plpg"


def test_the_2017_example_prints_every_outcome(capsys):
    done = run(capsys, "plpg", str(FOLDER / "scores-2017.csv"), "--lang", "en")
    assert done.status == 0
    assert "131234560001 Sri Wahyuni: Final score 84.03 — PASSED" in done.out
    assert "Retake: SUT\n" in done.out
    assert "- SUT: score 61 is below the pass mark 70 (short by 9)." in done.out
    assert "Not passed after 2 retakes: returned to the district." in done.out
    assert "not admitted to the exams" in done.out
    assert "SP is no exam and cannot be retaken" in done.out
    assert done.err.strip() == (
        "sergur plpg: 1 passed, 2 to retake, 2 returned, 1 other, 0 invalid row(s)"
    )


def test_json_carries_the_parts_the_retake_and_the_competencies(capsys):
    done = run(
        capsys, "plpg", str(FOLDER / "scores-2013.csv"), "--year", "2013", "--format", "json"
    )
    assert done.status == 0
    first, second = json_lines(done.out)
    assert (first["status"], first["final"], first["retake"]) == ("passed", "82.80", [])
    assert second["status"] == "retake"
    assert second["retake"] == ["SUT"]
    assert second["parts"][0] == {
        "key": "SUT",
        "score": "64.00",
        "pass_mark": "70",  # nosec B105 # a score, no password
        "passed": False,
        "shortfall": "6",
    }
    assert set(second["competencies"]) == {"pedagogic", "personal", "social", "professional"}
    assert second["reasons"][0] == "SUT: nilai 64 di bawah batas lulus 70 (kurang 6)."


def test_bad_rows_go_to_stderr_with_line_and_column_and_exit_1(capsys):
    done = run(capsys, "plpg", str(FOLDER / "scores-with-errors.csv"), "--lang", "en")
    assert done.status == 1
    assert "131234560021 Wahyu Hidayat" in done.out
    assert "Lina" not in done.out
    assert done.err.splitlines() == [
        f"{FOLDER / 'scores-with-errors.csv'}: line 3, column SUT: The cell is empty.",
        f"{FOLDER / 'scores-with-errors.csv'}: line 4, column SUT: “105” is not a score "
        "from 0 to 100.",
        f"{FOLDER / 'scores-with-errors.csv'}: line 4, column SUK: “delapan” is not a score "
        "from 0 to 100.",
        f"{FOLDER / 'scores-with-errors.csv'}: line 5, column PARTICIPANT: The cell is empty.",
        "sergur plpg: 1 passed, 0 to retake, 0 returned, 0 other, 3 invalid row(s)",
    ]


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "scores.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_header_without_a_part_is_refused_whole(capsys, tmp_path):
    path = write(tmp_path, "participant,SUT,SUP,HW,SP\n1,80,80,80,80\n")
    done = run(capsys, "plpg", path, "--year", "2013", "--lang", "en")
    assert done.status == 1
    assert done.out == ""
    assert done.err.splitlines() == [
        f"{path}: line 1, column SS: The column SS is missing from the header row.",
        "sergur plpg: the file cannot be used",
    ]


def test_bad_counts_and_too_many_jp_are_named(capsys, tmp_path):
    path = write(
        tmp_path,
        "participant,jp,appearances,retakes,SUT,SUP,HW,SP,SS\n"
        "1,95,x,-1,80,80,80,80,80\n"
        '2,,,,"80,5",80,80,80,80\n',
    )
    done = run(capsys, "plpg", path, "--year", "2013", "--lang", "en")
    assert done.status == 1
    assert f"{path}: line 2, column APPEARANCES: “x” is not a whole number, 0 or more." in (
        done.err
    )
    assert f"{path}: line 2, column RETAKES: “-1” is not a whole number" in done.err
    assert f"{path}: line 2, column JP: More than the training's 90 JP." in done.err
    assert "Participant 2: Final score 80.13 — PASSED" in done.out


def test_an_empty_file_and_a_header_only_file_are_refused(capsys, tmp_path):
    done = run(capsys, "plpg", write(tmp_path, ""), "--lang", "en")
    assert done.status == 1
    assert "line 1: The file is empty" in done.err
    done = run(capsys, "plpg", write(tmp_path, "participant,SUT\n"), "--lang", "en")
    assert done.status == 1
    assert done.err.strip().endswith("no data rows")


def test_an_unknown_year_is_a_usage_error(capsys):
    done = run(capsys, "plpg", str(FOLDER / "scores-2017.csv"), "--year", "1999")
    assert done.status == 2
    assert "no PLPG rules" in done.err


def test_stdin_is_read(capsys, monkeypatch):
    import io
    import sys

    data = (FOLDER / "scores-2013.csv").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    done = run(capsys, "plpg", "-", "--year", "2013", "--format", "json")
    assert done.status == 0
    assert len(json_lines(done.out)) == 2


@pytest.mark.parametrize("name", ["scores-2017.csv", "scores-2013.csv", "scores-with-errors.csv"])
def test_every_example_is_named_in_the_examples_readme(name):
    assert f"`{name}`" in (FOLDER / "README.md").read_text(encoding="utf-8")


def test_a_short_first_row_is_a_row_problem_not_a_header_problem(capsys, tmp_path):
    path = write(tmp_path, "participant,SUT,SUP,HW,SP,SS\n1,80\n2,80,80,80,80,80\n")
    done = run(capsys, "plpg", path, "--year", "2013", "--lang", "en")
    assert done.status == 1
    assert f"{path}: line 2, column SUP: The cell is empty." in done.err
    assert "Participant 2: Final score 80 — PASSED" in done.out
