"""The KKG/MGMP rules: the shipped year (docs/sources/domain.md §7.4), a programme's minimum,
a package's credit and participation, and year files that are refused with the key named."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sergur.rules.kkg import kkg_params, package_credit, participation, programme_check
from sergur.rules.kkg.params import parse_kkg
from sergur.rules.programme import ProgrammeYearError

GOOD: dict[str, Any] = {
    "year": 2030,
    "kkg": {
        "min_meetings_per_year": 12,
        "min_meetings_per_package": 3,
        "min_attended_per_package": 3,
        "package_credit": "0.15",
        "outputs": [{"key": "syllabus", "name": {"id": "Silabus", "en": "Syllabus"}}],
    },
}
PARAMS = kkg_params(2013)


def test_the_shipped_rules_are_those_of_domain_section_7_4() -> None:
    assert PARAMS.min_meetings_per_year == 12
    assert PARAMS.min_meetings_per_package == 3
    assert PARAMS.package_credit == Decimal("0.15")
    assert PARAMS.report_required
    assert PARAMS.output("media").name("id") == "Alat peraga dan media pembelajaran"
    assert PARAMS.output("media").name("en") == "Teaching aids and media"
    with pytest.raises(KeyError):
        PARAMS.output("nothing")


def test_a_later_year_uses_the_latest_file_not_after_it() -> None:
    assert kkg_params(2026) is kkg_params(2026)
    assert kkg_params(2026).year == 2013


def test_a_year_before_any_file_is_refused() -> None:
    with pytest.raises(ProgrammeYearError, match="no KKG/MGMP rules are in force in 2000"):
        kkg_params(2000)


def test_a_deployment_folder_comes_first(tmp_path: Path) -> None:
    (tmp_path / "kkg").mkdir()
    (tmp_path / "kkg" / "2020.toml").write_text(
        "year = 2020\n[kkg]\nmin_meetings_per_year = 16\nmin_meetings_per_package = 4\n"
        "min_attended_per_package = 4\npackage_credit = 0.2\n"
        '[[kkg.outputs]]\nkey = "x"\nname = { id = "X", en = "X" }\n',
        encoding="utf-8",
    )
    assert kkg_params(2021, (tmp_path,)).min_meetings_per_year == 16


def test_twelve_meetings_in_four_packages_of_three_is_a_full_programme() -> None:
    check = programme_check([3, 3, 3, 3], PARAMS)
    assert check.ok
    assert (check.meetings, check.packages) == (12, 4)


def test_a_short_programme_and_a_small_package_say_what_is_short() -> None:
    check = programme_check([3, 3, 3, 2], PARAMS)
    assert not check.ok
    assert [r.text("en") for r in check.reasons] == [
        "The yearly programme has 11 meetings; the minimum is 12 a year.",
        "Package 4 has 2 meetings; a package needs at least 3.",
    ]


def test_a_held_reported_and_attended_package_earns_0_15() -> None:
    result = package_credit(held=3, attended=3, reported=True, params=PARAMS)
    assert result.earned
    assert result.credit == Decimal("0.15")


def test_a_package_without_report_or_meetings_or_attendance_earns_nothing() -> None:
    result = package_credit(held=2, attended=1, reported=False, params=PARAMS)
    assert result.credit == 0
    assert [r.code for r in result.reasons] == ["kkg.package_short", "kkg.no_report", "kkg.absent"]
    assert result.reasons[2].text("en") == (
        "Attended 1 meeting of the package; 3 are needed to earn its credit."
    )


def test_participation_is_a_share_of_the_meetings_held() -> None:
    assert participation(attended=9, held=12) == Decimal("75.0")
    assert participation(attended=0, held=0) == 0
    assert participation(attended=20, held=12) == 100


@given(st.lists(st.integers(min_value=0, max_value=10), max_size=8))
def test_one_more_meeting_in_a_package_never_adds_a_reason(sizes: list[int]) -> None:
    before = programme_check(sizes, PARAMS)
    for index in range(len(sizes)):
        more = [*sizes[:index], sizes[index] + 1, *sizes[index + 1 :]]
        assert len(programme_check(more, PARAMS).reasons) <= len(before.reasons)


@given(st.integers(0, 10), st.integers(0, 10), st.booleans())
def test_a_package_earns_either_its_credit_or_nothing(
    held: int, attended: int, reported: bool
) -> None:
    result = package_credit(held=held, attended=attended, reported=reported, params=PARAMS)
    assert result.credit == (PARAMS.package_credit if result.earned else 0)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(year="x"), "'year' must be an integer"),
        (lambda d: d.pop("kkg"), "the \\[kkg\\] section is missing"),
        (lambda d: d["kkg"].update(package_credit="x"), "kkg.package_credit"),
        (lambda d: d["kkg"].update(outputs=[]), "kkg.outputs must list"),
        (lambda d: d["kkg"].update(outputs=["x"]), "kkg.outputs\\[0\\] must have a key"),
        (
            lambda d: d["kkg"].update(outputs=[{"key": "a", "name": {"id": 1}}]),
            "kkg.outputs\\[0\\].name",
        ),
        (
            lambda d: d["kkg"]["outputs"].append(d["kkg"]["outputs"][0]),
            "kkg.outputs repeat a key",
        ),
        (lambda d: d["kkg"].update(min_meetings_per_year=0), "kkg.min_meetings_per_year"),
        (
            lambda d: d["kkg"].update(min_attended_per_package=4),
            "kkg.min_attended_per_package is more",
        ),
    ],
)
def test_a_broken_year_file_names_the_key(change: Any, message: str) -> None:
    data = copy.deepcopy(GOOD)
    change(data)
    with pytest.raises(ProgrammeYearError, match=message):
        parse_kkg(Path("kkg.toml"), data)


def test_a_good_file_parses() -> None:
    assert parse_kkg(Path("kkg.toml"), copy.deepcopy(GOOD)).report_required
