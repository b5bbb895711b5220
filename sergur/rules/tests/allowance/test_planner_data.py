"""The planner's inputs: the year's limits and the district file, every problem with its place
(docs/allowance.md, "The district file")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sergur.rules.allowance.planner_data import (
    DistrictInvalid,
    parse_district,
    parse_limits,
    planner_limits,
)
from sergur.rules.programme import ProgrammeYearError

EXAMPLE = Path(__file__).resolve().parents[4] / "examples" / "allowance" / "district-seed-002.json"


def test_the_shipped_limits_are_24_hours_40_at_most_3_schools_and_15_km():
    limits = planner_limits(2019)
    assert (limits.min_hours, limits.max_hours, limits.max_schools, limits.max_km) == (
        24,
        40,
        3,
        15.0,
    )


def test_a_deployment_year_file_comes_first_and_older_years_are_refused(tmp_path):
    folder = tmp_path / "allowance" / "planner"
    folder.mkdir(parents=True)
    (folder / "2020.toml").write_text(
        "year = 2020\n[planner]\nmin_hours = 20\nmax_hours = 40\nmax_schools = 2\nmax_km = 10\n"
    )
    (folder / "notes.toml").write_text("")  # not a year: ignored
    assert planner_limits(2021, (tmp_path,)).min_hours == 20
    assert planner_limits(2019, (tmp_path,)).min_hours == 24
    with pytest.raises(ProgrammeYearError, match=r"no planner rules for 2006 .*2007"):
        planner_limits(2006)


@pytest.mark.parametrize(
    ("section", "problem"),
    [
        (None, "the \\[planner\\] section is missing"),
        ({"min_hours": 0, "max_hours": 40, "max_schools": 3, "max_km": 1}, "min_hours"),
        ({"min_hours": 24, "max_hours": 40, "max_schools": True, "max_km": 1}, "max_schools"),
        ({"min_hours": 24, "max_hours": 40, "max_schools": 3, "max_km": -1}, "max_km"),
        ({"min_hours": 24, "max_hours": 40, "max_schools": 3, "max_km": "far"}, "max_km"),
        ({"min_hours": 30, "max_hours": 20, "max_schools": 3, "max_km": 1}, "above"),
    ],
)
def test_a_broken_year_file_names_the_key(section, problem):
    data: dict[str, object] = {"year": 2030}
    if section is not None:
        data["planner"] = section
    with pytest.raises(ProgrammeYearError, match=problem):
        parse_limits(Path("x.toml"), data)


def test_the_example_district_reads_whole():
    district = parse_district(EXAMPLE.read_bytes())
    assert district.semester == "2019-1"
    assert len(district.schools) == 4 and district.schools[0].pupils == 180
    assert district.teachers[0].subjects == ("190", "097")
    assert district.slots[0].klass == "VIII-C"


def _problems(data: object, lang="en"):
    with pytest.raises(DistrictInvalid) as caught:
        parse_district(json.dumps(data).encode())
    return [problem.text(lang) for problem in caught.value.problems]


def test_every_problem_is_listed_with_its_place():
    data = {
        "schools": [
            {"id": "A", "lat": 91, "lon": 0, "pupils": -1},
            {"id": "A", "lat": 0, "lon": 181, "pupils": 1},
            {"id": " ", "lat": 0, "lon": 0, "pupils": 1},
        ],
        "teachers": [{"id": "t", "school": "X", "hours": -1, "subject": "097"}],
        "open_hours": [{"id": "o", "school": "X", "class": "VII", "subject": "097", "hours": 0}],
    }
    assert _problems(data) == [
        "schools[1].id: the id A is used twice.",
        "schools[2].id: the id is empty.",
        "schools[0].lat: the latitude must be from -90 to 90.",
        "schools[0].pupils: must be 0 or more.",
        "schools[1].lon: the longitude must be from -180 to 180.",
        "teachers[0].school: the school X is not in the list of schools.",
        "teachers[0].hours: must be 0 or more.",
        "open_hours[0].school: the school X is not in the list of schools.",
        "open_hours[0].hours: must be 1 or more.",
    ]
    assert _problems(data, "id")[0] == "schools[1].id: id A sudah dipakai."


def test_a_file_of_the_wrong_shape_is_refused_with_the_place():
    [problem] = _problems({"schools": [{"id": "A", "lat": "x"}], "teachers": [], "open_hours": []})
    assert "$.schools[0].lat" in problem
    with pytest.raises(DistrictInvalid, match="cannot be read"):
        parse_district(b"{not json")
