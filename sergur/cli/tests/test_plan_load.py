"""`sergur plan-load`: the optimal plan for the example district drawn on seed 002, the
smallest changes for the teachers it cannot help, the what-if, and refused files
(docs/allowance.md, "Teaching-load planner")."""

from __future__ import annotations

import json

from sergur.cli.tests.support import EXAMPLES, run

FOLDER = EXAMPLES / "allowance"
DISTRICT = str(FOLDER / "district-seed-002.json")


def test_the_example_prints_the_plan_and_the_count_it_brings_to_24(capsys):
    done = run(capsys, "plan-load", DISTRICT, "--lang", "en")
    assert done.status == 0
    assert "Teacher G01 (SMP-KD, 190/097): +5 JP → 25 JP (minimum 24 JP)" in done.out
    assert "Teacher G06 (SMP-KD, IPS): +8 JP → 24 JP (minimum 24 JP)" in done.out
    assert "Teacher G07 (SMP-KD, SBD): 12 JP, short of 24 JP" in done.out
    assert "  Smallest change: 12 more hours of SBD within 15 km." in done.out
    assert "  or: Teaching at schools up to 23 km from the main school." in done.out
    assert (
        "The plan brings 5 of 7 certified teachers short of hours to the minimum of 24 JP a week."
        in done.out
    )
    assert "proven optimal; travel 30.2 km" in done.out
    assert "G05" not in done.out  # already at 24 JP


def test_json_in_indonesian_with_the_what_if(capsys):
    done = run(
        capsys,
        "plan-load",
        DISTRICT,
        "--format",
        "json",
        "--what-if-pupils",
        "200",
        "--what-if-hours",
        "20",
    )
    assert done.status == 0
    data = json.loads(done.out)
    assert (data["short"], data["reached"], data["already"], data["optimal"]) == (7, 5, 1, True)
    assert data["what_if"] == {
        "pupils_below": 200,
        "min_hours": 20,
        "reached_now": 6,
        "reached_then": 7,
    }
    g08 = next(t for t in data["teachers"] if t["teacher"] == "G08")
    assert g08["fixes"][0] == {
        "kind": "more_hours",
        "text": "4 JP lagi mata pelajaran PKN dalam jarak 15 km.",
    }
    g01 = data["teachers"][0]
    assert g01["assignments"][0]["school"] == "SMP-TR1" and g01["travel_km"] == 4.0


def test_the_options_override_the_year(capsys):
    done = run(capsys, "plan-load", DISTRICT, "--max-km", "25", "--year", "2019", "--lang", "en")
    assert "Teacher G07 (SMP-KD, SBD): +12 JP → 24 JP" in done.out
    done = run(capsys, "plan-load", DISTRICT, "--min-hours", "41")
    assert done.status == 1
    assert "the minimum must be above 0 and at most the maximum hours" in done.err


def test_a_bad_file_lists_every_problem_and_exits_1(capsys):
    done = run(capsys, "plan-load", str(FOLDER / "district-with-errors.json"), "--lang", "en")
    assert done.status == 1 and done.out == ""
    lines = done.err.splitlines()
    assert lines[0].endswith("schools[1].id: the id SMP-KD is used twice.")
    assert lines[-1] == "sergur plan-load: the file cannot be used"
    assert len(lines) == 5
