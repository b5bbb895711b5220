from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from sergur.rules.allowance.params import (
    allowance_params,
    allowance_years,
    parse_allowance,
)
from sergur.rules.programme import ProgrammeYearError, read_year_data

SHIPPED = Path(__file__).resolve().parents[2] / "years" / "allowance"


def shipped(year: int) -> dict[str, object]:
    return read_year_data(SHIPPED / f"{year}.toml")


def test_2007_and_2019_are_shipped_and_each_holds_until_the_next() -> None:
    assert allowance_years()[:2] == [2007, 2019]
    assert allowance_params(2012).year == 2007
    assert allowance_params(2024).year == 2019
    assert allowance_params(2024) is allowance_params(2024)


def test_2007_duties_set_obligations_and_2019_duties_count_hours() -> None:
    y2007, y2019 = allowance_params(2007), allowance_params(2019)
    principal = y2007.duty("principal")

    assert principal is not None and principal.obligation == 6
    assert principal.name("id") == "Kepala sekolah" and principal.name("en") == "Principal"
    assert y2007.duty("head_library") is None
    assert y2019.duty("head_library").hours == 12  # type: ignore[union-attr]
    assert (y2019.min_face_to_face, y2019.max_hours, y2019.max_schools) == (16, 40, 3)
    assert y2019.pupils_needed("SMP") == 20 and y2019.pupils_needed("TK") == 0
    assert y2019.load_code(Decimal("11.5")) == "A4"


def test_a_year_before_2007_has_no_rules() -> None:
    with pytest.raises(ProgrammeYearError, match="first year is 2007"):
        allowance_params(2006)


def test_a_deployment_file_overrides_the_shipped_one(tmp_path: Path) -> None:
    folder = tmp_path / "allowance"
    folder.mkdir()
    text = (
        (SHIPPED / "2019.toml")
        .read_text(encoding="utf-8")
        .replace("min_hours = 24", "min_hours = 18")
    )
    (folder / "2019.toml").write_text(text, encoding="utf-8")
    (folder / "notes.toml").write_text("", encoding="utf-8")

    assert allowance_params(2020, (tmp_path,)).min_hours == 18


def test_a_file_that_names_another_year_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "allowance"
    folder.mkdir()
    (folder / "2030.toml").write_text((SHIPPED / "2019.toml").read_text(encoding="utf-8"))

    with pytest.raises(ProgrammeYearError, match="says year 2019, expected 2030"):
        allowance_params(2030, (tmp_path,))


def broken(change: dict[str, object], *, drop: str = "") -> dict[str, object]:
    data = shipped(2019)
    section = dict(data["allowance"])  # type: ignore[call-overload]
    section.update(change)
    if drop:
        del section[drop]
    return {**data, "allowance": section}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"year": "2019"}, "'year' must be an integer"),
        ({"year": 2019}, "section is missing"),
        (broken({"min_pkg": "great"}), "min_pkg must be empty or one of"),
        (broken({"other_duty_cap": -1}), "other_duty_cap must be a number"),
        (broken({"min_pupils": 20}), "min_pupils must be a table"),
        (broken({"funding": {"regional": "dau"}}), "funding must map"),
        (broken({"min_hours": 0}), "min_hours must be a whole number, 1 or more"),
        (broken({"max_hours": True}), "max_hours must be a whole number"),
        (broken({"team_teaching": "yes"}), "team_teaching must be true or false"),
        (broken({"duties": {"x": 1}}), "duties.x must be a table"),
        (broken({"duties": {"x": {"name": {"id": "X"}}}}), "duties.x.name.en must be"),
        (
            broken({"duties": {"x": {"name": {"id": "X", "en": "X"}, "hours": 30}}}),
            "duties.x.hours must be a number from 0 to 24",
        ),
        (
            broken({"duties": {"x": {"name": {"id": "X", "en": "X"}, "obligation": -1}}}),
            "duties.x.obligation must be a whole number",
        ),
        (broken({}, drop="load_codes"), "load_codes must list"),
        (broken({"load_codes": ["A1"]}), r"load_codes\[0\] must be a table"),
        (
            broken({"load_codes": [{"code": "A1", "from": 0}, {"code": "A2", "from": 24}]}),
            "must run from the highest",
        ),
        (broken({"min_pupils": {"SD": "x"}}), "min_pupils.SD must be a whole number"),
    ],
)
def test_a_bad_file_names_the_key(data: dict[str, object], message: str) -> None:
    with pytest.raises(ProgrammeYearError, match=message):
        parse_allowance(Path("x.toml"), data)


def test_a_duty_with_an_obligation_is_read() -> None:
    data = broken(
        {"duties": {"x": {"name": {"id": "X", "en": "X"}, "obligation": 6, "main": True}}}
    )

    params = parse_allowance(Path("x.toml"), data)

    assert params.duties[0].obligation == 6 and params.duties[0].main


def test_a_deployment_folder_without_the_year_falls_back_to_the_shipped_file(
    tmp_path: Path,
) -> None:
    (tmp_path / "allowance").mkdir()

    assert allowance_params(2020, (tmp_path,)).year == 2019
