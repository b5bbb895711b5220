"""The PKB year file: the shipped table of docs/sources/domain.md §7.3 and §7.4 exactly, and
broken files refused with the key named."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from sergur.rules.development import development_params
from sergur.rules.development.params import parse_development
from sergur.rules.programme import ProgrammeYearError

DEV = development_params(2013)

# docs/sources/domain.md §7.3: from, to, cumulative at target, AKK, PD, PI/KI, AKP.
TABLE = [
    ("III/a", "III/b", 150, 50, 3, 0, 5),
    ("III/b", "III/c", 200, 50, 3, 4, 5),
    ("III/c", "III/d", 300, 100, 3, 6, 10),
    ("III/d", "IV/a", 400, 100, 4, 8, 10),
    ("IV/a", "IV/b", 550, 150, 4, 12, 15),
    ("IV/b", "IV/c", 700, 150, 4, 12, 15),
    ("IV/c", "IV/d", 850, 150, 5, 14, 15),
    ("IV/d", "IV/e", 1050, 200, 5, 20, 20),
]


def test_the_steps_are_the_table_of_section_7_3() -> None:
    rows = [(s.from_rank, s.to_rank, s.cumulative, s.akk, s.pd, s.pi_ki, s.akp) for s in DEV.steps]
    assert rows == [(a, b, *map(Decimal, numbers)) for a, b, *numbers in TABLE]
    assert [s.presentation for s in DEV.steps] == [False] * 6 + [True, False]
    assert DEV.ranks[0] == "III/a" and DEV.ranks[-1] == "IV/e"


def test_the_appraisal_share_of_iii_a_is_42_and_earns_10_5_a_year_at_baik() -> None:
    # docs/sources/domain.md §7.2 step 7: (50 - 3 - 5) x 24/24 x 100 % / 4 = 10.5; 13.125 at
    # Amat Baik (125 %).
    step = DEV.step_from("III/a")
    assert step is not None
    assert step.start == 100
    assert step.pk == 42
    full = {"hours": Decimal(24), "required_hours": Decimal(24)}
    assert step.yearly_pk(npk=Decimal(1), **full) == Decimal("10.5")
    assert step.yearly_pk(npk=Decimal("1.25"), **full) == Decimal("13.125")
    assert step.yearly_pk(npk=Decimal(1), hours=Decimal(12), required_hours=Decimal(24)) == (
        Decimal("5.25")
    )
    assert step.yearly_pk(npk=Decimal(1), hours=Decimal(30), required_hours=Decimal(24)) == (
        Decimal("10.5")
    )
    assert step.yearly_pk(npk=Decimal(1), hours=Decimal(3), required_hours=Decimal(0)) == 0


def test_the_top_rank_has_no_step_and_an_unknown_rank_is_refused() -> None:
    assert DEV.step_from("IV/e") is None
    with pytest.raises(KeyError):
        DEV.step_from("II/d")


@pytest.mark.parametrize(
    ("hours", "credit"),
    [(29, 0), (30, 1), (80, 1), (81, 2), (180, 2), (181, 3), (480, 3), (481, 6), (640, 6)]
    + [(641, 9), (960, 9), (961, 15), (2000, 15)],
)
def test_training_earns_the_band_of_its_hours(hours: int, credit: int) -> None:
    # docs/sources/domain.md §7.4: > 960 h = 15; 641-960 = 9; 481-640 = 6; 181-480 = 3;
    # 81-180 = 2; 30-80 = 1.
    assert DEV.training_credit(hours) == credit


def test_the_collective_values_of_section_7_4() -> None:
    values = {item.key: item.credit for item in DEV.collective}
    assert values == {
        "workshop": Decimal("0.15"),
        "discussant": Decimal("0.2"),
        "participant": Decimal("0.1"),
        "other": Decimal("0.1"),
    }
    assert DEV.collective_activity("discussant").name("en") == "Discussant at a scholarly event"
    assert DEV.collective_activity("other").name("id") == "Kegiatan kolektif lainnya"
    with pytest.raises(KeyError):
        DEV.collective_activity("nothing")


def test_a_later_year_uses_the_2013_file() -> None:
    assert development_params(2026).year == 2013


GOOD: dict[str, Any] = {
    "year": 2030,
    "development": {
        "steps": [
            {"from": "A", "to": "B", "start": 0, "cumulative": 10, "akk": 10, "pd": 1}
            | {"pi_ki": 1, "akp": 1},
            {"from": "B", "to": "C", "cumulative": 30, "akk": 20, "pd": 1, "pi_ki": 1, "akp": 2},
        ],
        "training": [{"min_hours": 30, "credit": 1}, {"min_hours": 81, "credit": 2}],
        "collective": [{"key": "w", "credit": "0.15", "name": {"id": "L", "en": "W"}}],
    },
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(year=True), "'year' must be an integer"),
        (lambda d: d.pop("development"), "the \\[development\\] section is missing"),
        (lambda d: d["development"].update(steps=[]), "development.steps must be a non-empty"),
        (lambda d: d["development"]["steps"][0].update(akk="x"), "steps\\[0\\].akk"),
        (lambda d: d["development"]["steps"][0].update(to=""), "steps\\[0\\].to must be"),
        (lambda d: d["development"]["steps"][0].update(pd=20), "steps\\[0\\] splits more"),
        (lambda d: d["development"]["steps"][1].update(cumulative=31), "steps\\[1\\] does not"),
        (lambda d: d["development"]["steps"][1].update({"from": "X"}), "steps\\[1\\] does not"),
        (lambda d: d["development"]["steps"][0].update(start=1), "steps\\[0\\] cumulative minus"),
        (
            lambda d: d["development"]["training"][0].update(min_hours=0),
            "training\\[0\\].min_hours",
        ),
        (
            lambda d: d["development"]["training"][1].update(credit=1),
            "training\\[1\\] must have more",
        ),
        (
            lambda d: d["development"]["training"][1].update(min_hours=30),
            "training\\[1\\] must have more",
        ),
        (lambda d: d["development"]["collective"][0].pop("name"), "collective\\[0\\].name"),
        (
            lambda d: d["development"]["collective"].append(d["development"]["collective"][0]),
            "collective repeat a key",
        ),
    ],
)
def test_a_broken_year_file_names_the_key(change: Any, message: str) -> None:
    data = copy.deepcopy(GOOD)
    change(data)
    with pytest.raises(ProgrammeYearError, match=message):
        parse_development(Path("dev.toml"), data)


def test_a_good_file_parses() -> None:
    params = parse_development(Path("dev.toml"), copy.deepcopy(GOOD))
    assert params.ranks == ("A", "B", "C")
