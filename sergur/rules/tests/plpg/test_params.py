"""The PLPG year files: the shipped years (docs/sources/domain.md §3.2), added years and broken
files, each refusal naming the file and the key."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from sergur.rules.plpg import plpg_params, plpg_years
from sergur.rules.plpg.params import parse_plpg
from sergur.rules.programme import ProgrammeYearError

GOOD: dict[str, Any] = {
    "year": 2030,
    "plpg": {
        "class_size": 10,
        "jp_total": 90,
        "days": 10,
        "min_attendance_share": "0.9",
        "peer_min_appearances": 3,
        "practical_appearance": 3,
        "practical_part": "P",
        "max_retakes": 2,
        "divisor": 1,
        "final_pass_mark": 70,  # nosec B105 # a score, no password
        "parts": [
            {
                "key": "W",
                "header": "w",
                "name": {"id": "Tulis", "en": "Written"},
                "exam": True,
                "pass_mark": 60,  # nosec B105 # a score, no password
                "competencies": ["professional"],
            },
            {"key": "P", "header": "p", "name": {"id": "Praktik", "en": "Practical"}, "exam": True},
            {"key": "X", "name": {"id": "X", "en": "X"}, "from": {"W": "0.5", "P": "0.5"}},
            {"key": "F", "name": {"id": "F", "en": "F"}, "from": {"W": 1}, "weight": 1},
        ],
    },
}


def data(**changes: object) -> dict[str, Any]:
    out = copy.deepcopy(GOOD)
    for key, value in changes.items():
        if value is None:
            del out["plpg"][key]
        else:
            out["plpg"][key] = value
    return out


def with_part(index: int, **changes: object) -> dict[str, Any]:
    out = data()
    part = out["plpg"]["parts"][index]
    for key, value in changes.items():
        if value is None:
            del part[key]
        else:
            part[key] = value
    return out


def test_2013_has_the_printed_weights_over_100():
    params = plpg_params(2013)
    weights = {part.key: part.weight for part in params.parts}
    assert weights == {"SUT": 25, "SUP": 30, "HW": 25, "SP": 10, "SS": 10}
    assert params.divisor == 100
    assert (params.class_size, params.jp_total, params.days) == (10, 90, 10)
    assert (params.peer_min_appearances, params.practical_appearance) == (3, 3)
    assert params.max_retakes == 2
    assert plpg_params(2013) is params


def test_2014_has_the_national_and_local_written_marks():
    params = plpg_params(2014)
    assert params.part("UTN").pass_mark == 42
    assert params.part("UTL").pass_mark == 65
    assert params.part("SUT").sources == (("UTN", Decimal("0.5")), ("UTL", Decimal("0.5")))


def test_2017_has_the_printed_formula_and_marks():
    params = plpg_params(2017)
    assert params.part("SP").sources == (
        ("process", Decimal("0.30")),
        ("report", Decimal("0.30")),
        ("presentation", Decimal("0.40")),
    )
    weights = {part.key: part.weight for part in params.parts if part.weight}
    assert weights == {
        "SP": Decimal("0.15"),
        "SUT": Decimal("0.30"),
        "SUK": Decimal("0.35"),
        "SWS": Decimal("0.20"),
    }
    marks = {p.key: p.pass_mark for p in params.parts if p.pass_mark is not None}
    assert marks == {"SP": 65, "SUT": 70, "SUK": 76}
    assert params.final_pass_mark == 70
    assert [p.header for p in params.inputs] == [
        "proses",
        "laporan",
        "presentasi",
        "SUT",
        "SUK",
        "SWS",
    ]
    assert [p.key for p in params.exam_parts] == ["SUT", "SUK"]
    assert params.part("SUT").name("id") == "Ujian tulis"
    assert params.part("SUT").name("en") == "Written test"
    with pytest.raises(KeyError):
        params.part("nope")


def test_shipped_years_are_listed():
    assert {2013, 2014, 2017} <= set(plpg_years())


def test_an_organiser_adds_a_year_in_an_extra_folder(tmp_path: Path):
    folder = tmp_path / "plpg"
    folder.mkdir()
    (folder / "2031.toml").write_text(
        (Path(__file__).parents[2] / "years" / "plpg" / "2017.toml")
        .read_text(encoding="utf-8")
        .replace("year = 2017", "year = 2031")
        .replace("max_retakes = 2", "max_retakes = 4"),
        encoding="utf-8",
    )
    (folder / "notes.toml").write_text("", encoding="utf-8")
    assert plpg_params(2031, (tmp_path,)).max_retakes == 4
    assert 2031 in plpg_years((tmp_path,))


def test_a_file_for_the_wrong_year_is_refused(tmp_path: Path):
    folder = tmp_path / "plpg"
    folder.mkdir()
    (folder / "2032.toml").write_text(
        (Path(__file__).parents[2] / "years" / "plpg" / "2013.toml")
        .read_text(encoding="utf-8")
        .replace("year = 2013", "year = 2031"),
        encoding="utf-8",
    )
    with pytest.raises(ProgrammeYearError, match="says year 2031, expected 2032"):
        plpg_params(2032, (tmp_path,))


def test_an_unknown_year_names_the_known_ones():
    with pytest.raises(ProgrammeYearError, match="no PLPG rules .known: .*2013"):
        plpg_params(1999)


def test_without_any_file_the_known_years_are_none(tmp_path: Path, monkeypatch):
    monkeypatch.setattr("sergur.rules.plpg.params.SHIPPED_DIR", tmp_path)
    with pytest.raises(ProgrammeYearError, match="known: none"):
        plpg_params(1998)


def test_a_good_section_parses():
    params = parse_plpg(Path("y.toml"), data())
    assert params.part("X").sources == (("W", Decimal("0.5")), ("P", Decimal("0.5")))
    assert params.part("W").competencies == ("professional",)
    assert params.part("P").pass_mark is None


@pytest.mark.parametrize(
    ("bad", "says"),
    [
        ({"year": "2030", "plpg": {}}, "'year' must be an integer"),
        ({"year": 2030}, r"the \[plpg\] section is missing"),
        (data(parts=[]), "plpg.parts must list"),
        (data(parts=["x"]), r"plpg.parts\[0\] must be a table"),
        (with_part(0, key=" "), r"parts\[0\].key must be a non-empty text"),
        (with_part(0, name="W"), r"parts\[0\].name must be a table"),
        (with_part(0, name={"id": "W"}), r"parts\[0\].name.en must be"),
        (with_part(2, **{"from": "W"}), r"parts\[2\].from must be a table"),
        (with_part(2, **{"from": {"W": "-1"}}), r"parts\[2\].from.W must be a number from 0"),
        (with_part(0, header=None), r"parts\[0\].header must be"),
        (with_part(0, competencies=["charm"]), r"parts\[0\].competencies must be a list"),
        (with_part(0, competencies="social"), r"parts\[0\].competencies must be a list"),
        (with_part(0, pass_mark=101), r"parts\[0\].pass_mark must be a number from 0 to 100"),
        (with_part(1, key="W"), "plpg.parts repeat a key or a header"),
        (with_part(1, header="w"), "plpg.parts repeat a key or a header"),
        (with_part(3, **{"from": {"X": 1}}), r"plpg.F.from names parts that are no inputs"),
        (with_part(2, exam=True), "plpg.X.exam is only for"),
        (with_part(3, weight=0), "plpg.parts give no part a weight"),
        (data(practical_part="X"), "plpg.practical_part must name an exam part"),
        (data(practical_part=None), "plpg.practical_part must be a non-empty text"),
        (data(class_size=0), "plpg.class_size must be a whole number, 1 or more"),
        (data(jp_total=True), "plpg.jp_total must be a whole number"),
        (data(practical_appearance=4), "plpg.practical_appearance is after"),
        (data(divisor=0), "plpg.divisor must not be 0"),
        (data(divisor="x"), "plpg.divisor must be a number from 0 or more"),
        (
            data(min_attendance_share="1.5"),
            "plpg.min_attendance_share must be a number from 0 to 1",
        ),
        (data(max_retakes=-1), "plpg.max_retakes must be a whole number, 0 or more"),
        (data(final_pass_mark=None), "plpg.final_pass_mark must be a number"),
    ],
)
def test_a_bad_section_names_the_key(bad: dict[str, Any], says: str):
    with pytest.raises(ProgrammeYearError, match=says):
        parse_plpg(Path("y.toml"), bad)
