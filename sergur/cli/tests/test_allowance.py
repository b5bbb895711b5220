"""`sergur allowance`: per teacher the counted hours and each rule's verdict, reason and fix;
bad rows on stderr with line and column (docs/allowance.md, "The command line"); the examples
under examples/allowance/ run as shown."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from sergur.cli.tests.support import EXAMPLES, json_lines, run

FOLDER = EXAMPLES / "allowance"


def test_the_2019_example_explains_every_teacher(capsys):
    done = run(
        capsys, "allowance", str(FOLDER / "load-2019-1.csv"), "--semester", "2019-1", "--lang", "en"
    )

    assert done.status == 0
    assert "Teacher 1505740642200003 (2019-1): 24 hours counted [A1] — ELIGIBLE" in done.out
    assert "6 JP in classes IX B do not count: fewer pupils than the minimum." in done.out
    assert "fix: Teach 1 more JP a week in 200" in done.out
    assert "approved in writing by the minister's letter 0412/GTK/2019" in done.out
    assert "allowance a month: gross 3012000, tax 150600, net 2861400" in done.out
    assert "allowance a month if eligible: gross 2063520" in done.out
    assert done.err.strip() == (
        "sergur allowance 2019-1: 4 eligible, 3 not eligible, 0 invalid row(s)"
    )


def test_the_2008_example_follows_seed_003_in_json(capsys):
    done = run(
        capsys,
        "allowance",
        str(FOLDER / "load-2008-1.csv"),
        "--semester",
        "2008-1",
        "--format",
        "json",
    )

    assert done.status == 0
    rows = json_lines(done.out)
    assert [(r["nuptk"][-2:], r["eligible"], r["hours"]) for r in rows] == [
        ("03", True, "24"),
        ("11", True, "6"),
        ("20", False, "10"),
        ("38", False, "18"),
    ]
    assert rows[1]["required"] == 6 and rows[3]["funding"] == "dekon"
    assert rows[0]["amount"] is None
    start = next(r for r in rows[3]["rules"] if r["rule"] == "start")
    assert start["fix"] == "Tidak ada yang perlu dilakukan: tunjangan mulai semester 2009-1."


def test_bad_rows_go_to_stderr_with_line_and_column(capsys):
    done = run(
        capsys,
        "allowance",
        str(FOLDER / "load-with-errors.csv"),
        "--semester",
        "2019-1",
        "--lang",
        "en",
    )

    assert done.status == 1
    assert "load-with-errors.csv: line 3, column NUPTK: Must be 16 digits." in done.err
    assert "line 4, column HOURS: “70” is not a whole number from 1 to 60." in done.err
    assert "line 5, column TEAM_SHARE" in done.err
    assert "1 not eligible, 3 invalid row(s)" in done.err


def test_a_bad_semester_is_a_usage_error(capsys):
    done = run(capsys, "allowance", str(FOLDER / "load-2008-1.csv"), "--semester", "2008-3")
    assert done.status == 2
    assert "YYYY-1" in done.err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("NUPTK,NPSN\n1,2\n", "column HOURS is missing"),
        ("NUPTK,NPSN,CLASS,SUBJECT,HOURS\n", "no data rows"),
        ('NUPTK,NPSN,CLASS,SUBJECT,HOURS\n"1"x,2,3,4,5\n', "not valid CSV"),
        ("NUPTK,NPSN,CLASS,SUBJECT,HOURS,PKG\n1234567890123456,10505101,7A,180,24,great\n", "PKG"),
        (
            "NUPTK,NPSN,CLASS,SUBJECT,HOURS,EMPLOYMENT,MKG\n"
            "1234567890123456,10505101,7A,180,24,honorer,x\n",
            "column EMPLOYMENT",
        ),
    ],
)
def test_an_unusable_file_says_why(capsys, tmp_path: Path, content: str, message: str):
    path = tmp_path / "load.csv"
    path.write_text(content, encoding="utf-8")

    done = run(capsys, "allowance", str(path), "--semester", "2019-1", "--lang", "en")

    assert done.status == 1
    assert message in done.err


def test_rows_come_from_stdin(capsys, monkeypatch):
    body = "NUPTK,NPSN,CLASS,SUBJECT,HOURS,CERTIFICATE_YEAR,CERTIFIED_SUBJECT,NRG\n"
    body += "1234567890123456,10505101,7A,180,24,2007,180,Y\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(body.encode())))

    done = run(capsys, "allowance", "-", "--semester", "2008-2", "--lang", "en", "--format", "json")

    assert done.status == 0
    assert json_lines(done.out)[0]["eligible"] is True


def test_an_amount_that_cannot_be_computed_says_why(capsys, tmp_path: Path):
    path = tmp_path / "load.csv"
    path.write_text(
        "NUPTK,NPSN,CLASS,SUBJECT,HOURS,CERTIFICATE_YEAR,CERTIFIED_SUBJECT,NRG,PKG,EMPLOYMENT,"
        "GOLONGAN,MKG\n1234567890123456,10505101,7A,180,24,2010,180,Y,baik,pns,III/c,4\n",
        encoding="utf-8",
    )

    table = run(capsys, "allowance", str(path), "--semester", "2019-1", "--lang", "en")
    json = run(capsys, "allowance", str(path), "--semester", "2019-1", "--format", "json")

    assert "allowance a month: cannot be computed" in table.out
    assert json_lines(json.out)[0]["amount"]["gross"] is None
