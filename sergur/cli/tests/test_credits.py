"""`sergur credits TEACHER.json`: the balance towards the next rank, what is missing and what
would close it (docs/pkb.md, "The command line"); the examples under examples/pkg/ run as
shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sergur.cli.tests.support import EXAMPLES, run

FOLDER = EXAMPLES / "pkg"


def test_the_worked_example_of_iii_a_is_ready_for_iii_b(capsys: pytest.CaptureFixture[str]) -> None:
    done = run(capsys, "credits", str(FOLDER / "iii-a-ready.json"), "--lang", "en")
    assert done.status == 0
    assert "Promotion III/a → III/b" in done.out
    assert "Total               50        50        50         0" in done.out
    assert "The credit requirements are met." in done.out


def test_a_short_teacher_learns_what_is_missing(capsys: pytest.CaptureFixture[str]) -> None:
    done = run(capsys, "credits", str(FOLDER / "iii-b-short.json"), "--lang", "en")
    assert done.status == 1
    assert "- Self-development is short by 2 (needed 3, earned 1)." in done.out
    assert "- 14 KKG/MGMP package(s) (2.1)" in done.out
    assert "- 10 × Discussant at a scholarly event (2)" in done.out
    assert "Supporting credit of 7 counts up to its cap of 5." in done.out


def test_json_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    done = run(capsys, "credits", str(FOLDER / "iii-b-short.json"), "--format", "json")
    data = json.loads(done.out)
    assert (data["needed"], data["counted"], data["missing"], data["percent"]) == (
        "50",
        "36",
        "14",
        "72",
    )
    assert data["elements"][3] == {
        "element": "supporting",
        "needed": "5",
        "earned": "7",
        "counted": "5",
        "missing": "0",
    }
    assert data["suggestions"][0] == "1 × diklat fungsional ≥ 81 jam (2)"


def test_the_step_to_iv_d_asks_for_a_presentation(capsys: pytest.CaptureFixture[str]) -> None:
    done = run(capsys, "credits", str(FOLDER / "iv-c-presentation.json"), "--lang", "en")
    assert done.status == 1
    assert "- The step to IV/d requires a scientific presentation." in done.out
    assert "- one scientific presentation" in done.out


def test_an_unknown_rank_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    done = run(capsys, "credits", str(FOLDER / "bad-rank.json"), "--lang", "en")
    assert done.status == 2
    assert "rank II/d is not in the table (III/a, III/b" in done.err


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("{", "not JSON"),
        ('{"rank": "III/a", "credits": {"pk": "x"}}', "$.credits.pk"),
        ('{"rank": "III/a", "activities": [{"kind": "dance"}]}', "$.activities[0].kind"),
        (
            '{"rank": "III/a", "activities": [{"kind": "collective", "key": "x"}]}',
            "unknown collective activity x",
        ),
    ],
)
def test_a_bad_file_names_the_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, error: str
) -> None:
    path = tmp_path / "t.json"
    path.write_text(text, encoding="utf-8")
    done = run(capsys, "credits", str(path), "--lang", "en")
    assert done.status == 2
    assert error in done.err


def test_the_top_rank_and_a_missing_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "t.json"
    path.write_text('{"rank": "IV/e"}', encoding="utf-8")
    done = run(capsys, "credits", str(path), "--lang", "en")
    assert (done.status, done.out) == (0, "IV/e is the top rank.\n")
    done = run(capsys, "credits", str(tmp_path / "none.json"))
    assert done.status == 2
    assert "none.json" in done.err


def test_stdin_and_a_short_training_with_an_unassessed_paper(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    text = (
        '{"rank": "III/a", "credits": {"pk": 42, "supporting": 5}, "activities": ['
        '{"kind": "training", "hours": 10}, {"kind": "publication"},'
        '{"kind": "presentation", "credit": 1}]}'
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    done = run(capsys, "credits", "-", "--lang", "en")
    assert done.status == 1
    assert "Self-development is short by 3" in done.out
