"""`sergur pkg`: the worked examples of docs/sources/domain.md §7.2 from examples/pkg/, both
formats and languages, and every way an input is refused."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from sergur.cli.tests.support import EXAMPLES, run

FOLDER = EXAMPLES / "pkg"


def pkg(capsys: pytest.CaptureFixture[str], name: str, *extra: str):
    return run(capsys, "pkg", str(FOLDER / name), *extra)


def test_the_worked_example_baik_as_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    result = pkg(capsys, "worked-example-baik.json", "--lang", "en")
    assert result.status == 0
    assert "09 Mature, exemplary personality" in result.out
    assert "7/12    58.33     3" in result.out
    assert "PKG score (0-100): 50/56 × 100 = 89.29 → 89" in result.out
    assert "Category: Good (B)" in result.out
    assert "(50 − 3 − 5) × (24/24 → 1) × 100 % / 4 = 10.5" in result.out
    assert "provisional" in result.out


def test_the_worked_example_amat_baik_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    result = pkg(capsys, "worked-example-amat-baik.json", "--format", "json")
    data = json.loads(result.out)
    assert (data["total"], data["maximum"], data["score_whole"]) == (56, 56, 100)
    assert data["category"] == {"code": "AB", "name": "Amat Baik"}
    assert data["npk"] == 125
    assert data["credit"]["amount"] == "13.125"
    assert data["competencies"][0]["name"] == "Mengenal karakteristik peserta didik"


def test_below_standard_and_fewer_hours(capsys: pytest.CaptureFixture[str]) -> None:
    result = pkg(capsys, "below-standard-18-hours.json", "--lang", "id")
    assert "03 Pengembangan kurikulum" in result.out
    assert result.out.count("di bawah standar") == 2
    assert "(18/24 → 0.75)" in result.out


def test_an_instrument_without_credit(capsys: pytest.CaptureFixture[str]) -> None:
    result = pkg(capsys, "work-aspects.json", "--lang", "en")
    assert "this instrument earns no credit" in result.out
    assert "Dedication" in result.out
    assert "provisional" not in result.out


def test_points_that_do_not_fit_are_listed_with_where(capsys: pytest.CaptureFixture[str]) -> None:
    result = pkg(capsys, "invalid.json", "--lang", "en")
    assert result.status == 1
    assert "competency 01, indicator 3: 3 is not 0..2" in result.err
    assert "competency 02: 6 indicators expected, 1 given" in result.err


def test_no_rank_or_no_hours_says_why_there_is_no_credit(
    capsys: pytest.CaptureFixture[str], stdin: Callable[[bytes], None]
) -> None:
    data = json.loads((FOLDER / "worked-example-baik.json").read_text())
    data.pop("rank")
    stdin(json.dumps(data).encode())
    assert "not computed: unknown rank" in run(capsys, "pkg", "-", "--lang", "en").out
    data["rank"] = "III/a"
    data.pop("teaching_hours")
    stdin(json.dumps(data).encode())
    assert "not computed: no teaching hours" in run(capsys, "pkg", "-", "--lang", "en").out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{", "not an appraisal file"),
        (b'{"points": {}, "colour": 1}', "not an appraisal file"),
        (b'{"points": {}, "instrument": "nothing"}', "no appraisal instrument nothing"),
        (b'{"points": {}, "year": 2000}', "no appraisal figures for 2000"),
    ],
)
def test_an_unusable_file_is_exit_2(
    capsys: pytest.CaptureFixture[str], stdin: Callable[[bytes], None], content: bytes, message: str
) -> None:
    stdin(content)
    result = run(capsys, "pkg", "-")
    assert result.status == 2
    assert message in result.err


def test_a_missing_file_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "pkg", str(FOLDER / "nothing.json"))
    assert (result.status, "cannot read" in result.err) == (2, True)
