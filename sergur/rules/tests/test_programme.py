"""Programme-year parameters: the shipped 2007 year, added years, and broken year files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from sergur.rules import ProgrammeYearError, available_years, load_year, programme
from sergur.rules.programme import parse_year_file

GOOD = """\
year = {year}
rubric = "2007"

[portfolio]
pass_mark = 900
group_a_min = 310
group_b_min = 210
group_b_min_special_area = 160
group_c_cap = 90
near_miss_floor = 870.5
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_2007_has_the_thresholds_of_decisions_md():
    year = load_year(2007)
    assert (year.year, year.rubric) == (2007, "2007")
    t = year.portfolio
    assert t.pass_mark == Decimal(850)
    assert t.group_a_min == Decimal(300)
    assert t.group_b_min == Decimal(200)
    assert t.group_b_min_special_area == Decimal(150)
    assert t.group_c_cap == Decimal(100)
    assert t.near_miss_floor == Decimal(825)
    numbers = (key for key in t.__slots__ if key != "main_components")
    assert all(isinstance(getattr(t, key), Decimal) for key in numbers)


def test_a_year_without_main_components_has_none(tmp_path):
    year = parse_year_file(write(tmp_path, "2020.toml", GOOD.format(year=2020)))
    assert year.portfolio.main_components == ()


def test_2007_is_shipped():
    assert 2007 in available_years()


def test_loading_a_year_twice_gives_the_same_parameters():
    assert load_year(2007) is load_year(2007)


def test_an_unknown_year_lists_the_known_years():
    with pytest.raises(ProgrammeYearError) as caught:
        load_year(2099)
    assert str(caught.value).startswith("programme year 2099 is not configured (known: ")
    assert "2007" in str(caught.value)


def test_an_unknown_year_lists_added_years_too(tmp_path):
    write(tmp_path, "2011.toml", GOOD.format(year=2011))
    with pytest.raises(ProgrammeYearError, match=r"known: .*2007, .*2011"):
        load_year(2099, (tmp_path,))


def test_with_no_year_files_at_all_the_known_years_are_none(tmp_path, monkeypatch):
    monkeypatch.setattr(programme, "SHIPPED_DIR", tmp_path)
    with pytest.raises(ProgrammeYearError, match=r"known: none\)"):
        load_year(2098)


def test_a_year_in_an_extra_folder_is_loaded_without_code_changes(tmp_path):
    write(tmp_path, "2011.toml", GOOD.format(year=2011))
    write(tmp_path, "notes.toml", "not a year")
    write(tmp_path, "2012.txt", "not a year either")
    assert available_years((tmp_path,)) == [2007, 2011, 2012]
    year = load_year(2011, (tmp_path,))
    assert (year.year, year.rubric) == (2011, "2007")
    assert year.portfolio.pass_mark == 900
    assert year.portfolio.near_miss_floor == Decimal("870.5")
    assert year.portfolio.group_c_cap == 90


def test_an_extra_folder_comes_before_the_shipped_years(tmp_path):
    write(tmp_path, "2007.toml", GOOD.format(year=2007))
    assert load_year(2007, (tmp_path,)).portfolio.pass_mark == 900
    assert load_year(2007).portfolio.pass_mark == 850


def test_a_missing_year_file_in_an_extra_folder_falls_back_to_the_shipped_one(tmp_path):
    assert load_year(2007, (tmp_path,)).portfolio.pass_mark == 850


BROKEN = [
    pytest.param("year = 2013\nrubric = ", "cannot read", id="bad-toml"),
    pytest.param(GOOD.replace("year = {year}\n", ""), "'year' must be an integer", id="no-year"),
    pytest.param(GOOD.replace("{year}", '"2013"'), "'year' must be an integer", id="year-text"),
    pytest.param(GOOD.replace("{year}", "true"), "'year' must be an integer", id="year-bool"),
    pytest.param(
        GOOD.format(year=2013).replace('rubric = "2007"', 'rubric = "2013"'),
        "'rubric' must be one of ['2007']",
        id="wrong-rubric",
    ),
    pytest.param(
        GOOD.format(year=2013).replace('rubric = "2007"\n', ""),
        "'rubric' must be one of ['2007']",
        id="no-rubric",
    ),
    pytest.param(
        GOOD.format(year=2013).split("[portfolio]")[0],
        "the [portfolio] section is missing",
        id="no-section",
    ),
    pytest.param(
        GOOD.format(year=2013).split("[portfolio]")[0] + 'portfolio = "x"\n',
        "the [portfolio] section is missing",
        id="section-not-a-table",
    ),
    pytest.param(
        GOOD.format(year=2013).replace("pass_mark = 900\n", "").replace("group_c_cap = 90\n", ""),
        "[portfolio] lacks pass_mark, group_c_cap",
        id="missing-keys",
    ),
    pytest.param(
        GOOD.format(year=2013).replace("pass_mark = 900", 'pass_mark = "900"'),
        "portfolio.pass_mark must be a number",
        id="text-number",
    ),
    pytest.param(
        GOOD.format(year=2013).replace("group_c_cap = 90", "group_c_cap = true"),
        "portfolio.group_c_cap must be a number",
        id="bool-number",
    ),
    pytest.param(
        GOOD.format(year=2013).replace("group_b_min = 210", "group_b_min = -1"),
        "portfolio.group_b_min must not be negative",
        id="negative",
    ),
    pytest.param(
        GOOD.format(year=2013).replace("near_miss_floor = 870.5", "near_miss_floor = 900.5"),
        "portfolio.near_miss_floor is above the pass mark",
        id="floor-above-pass-mark",
    ),
    pytest.param(GOOD.format(year=2014), "says year 2014, expected 2013", id="year-mismatch"),
    pytest.param(
        GOOD.format(year=2013) + 'main_components = "training"\n',
        "portfolio.main_components must be a list of names",
        id="main-components-not-a-list",
    ),
    pytest.param(
        GOOD.format(year=2013) + 'main_components = ["training", "diklat"]\n',
        "portfolio.main_components names unknown parts: diklat",
        id="main-components-unknown",
    ),
]


@pytest.mark.parametrize(("text", "error"), BROKEN)
def test_a_broken_year_file_names_the_file_and_the_key(tmp_path, text, error):
    path = write(tmp_path, "2013.toml", text)
    with pytest.raises(ProgrammeYearError) as caught:
        load_year(2013, (tmp_path,))
    assert str(caught.value).startswith(f"{path}: ")
    assert error in str(caught.value)


def test_a_year_file_that_is_not_utf8_cannot_be_read(tmp_path):
    path = tmp_path / "2015.toml"
    path.write_bytes(b"year = 2015\n# \xff\n")
    with pytest.raises(ProgrammeYearError, match="cannot read"):
        load_year(2015, (tmp_path,))


def test_a_missing_year_file_cannot_be_read(tmp_path):
    path = tmp_path / "2016.toml"
    with pytest.raises(ProgrammeYearError) as caught:
        parse_year_file(path)
    assert str(caught.value).startswith(f"{path}: cannot read")


def test_a_broken_year_is_not_remembered(tmp_path):
    path = write(tmp_path, "2017.toml", GOOD.format(year=2017).replace("900", "-900"))
    with pytest.raises(ProgrammeYearError):
        load_year(2017, (tmp_path,))
    path.write_text(GOOD.format(year=2017), encoding="utf-8")
    assert load_year(2017, (tmp_path,)).portfolio.pass_mark == 900


def test_the_near_miss_floor_may_equal_the_pass_mark(tmp_path):
    text = GOOD.format(year=2019).replace("near_miss_floor = 870.5", "near_miss_floor = 900")
    year = parse_year_file(write(tmp_path, "2019.toml", text))
    assert year.portfolio.near_miss_floor == year.portfolio.pass_mark


def test_a_year_file_may_use_whole_or_decimal_numbers(tmp_path):
    text = GOOD.format(year=2018).replace("pass_mark = 900", "pass_mark = 900.25")
    year = parse_year_file(write(tmp_path, "2018.toml", text))
    assert year.portfolio.pass_mark == Decimal("900.25")
    assert year.portfolio.group_a_min == Decimal(310)
