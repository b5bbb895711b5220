"""The [selection] section of a year file: the shipped 2007 values and broken files."""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from sergur.rules.programme import SHIPPED_DIR, ProgrammeYearError
from sergur.rules.selection.params import RANK_ORDER, RANKS, parse_selection, selection_params

SHIPPED = (SHIPPED_DIR / "2007.toml").read_text(encoding="utf-8")


def test_2007_has_the_values_of_seed_003():
    """The 2007 FAQ (seed 003): see test_seed_quotes and docs/selection.md "Rules by year"."""
    p = selection_params(2007)
    assert p.year == 2007
    assert p.teacher_on == dt.date(2005, 12, 30)
    assert (p.age_rule, p.age_limit, p.age_cutoff) == ("retirement", 60, dt.date(2008, 1, 1))
    assert p.direct_levels == ("S1", "D4", "S2", "S3")
    assert (p.alternative_age, p.alternative_service_years, p.alternative_min_rank) == (
        None,
        None,
        None,
    )
    assert (p.non_pns_min_years, p.non_pns_counts) == (2, "service")
    assert p.rank_counts_inpassing is False
    assert p.depag_subjects == ("127",)
    assert p.ranking_keys == (
        "service",
        "age",
        "rank",
        "teaching_load",
        "additional_duty",
        "achievement",
    )
    assert p.service_from_levels is None
    assert p.non_pns_min_share == Decimal("0.25")
    assert p.reference_date == dt.date(2008, 1, 1)


def test_2012_carries_the_rules_moved_out_of_2007():
    """docs/sources/domain.md §4.1-§4.3: 50/20 or IV/a, guru tetap, from the degree, age first."""
    p = selection_params(2012)
    assert (p.age_rule, p.age_limit, p.age_cutoff) == ("under", 60, dt.date(2013, 1, 1))
    assert (p.alternative_age, p.alternative_service_years) == (50, 20)
    assert p.alternative_min_rank == "IV/a"
    assert (p.non_pns_min_years, p.non_pns_counts) == (2, "permanent")
    assert p.rank_counts_inpassing is True
    assert p.service_from_levels == ("D3", "S1", "D4", "S2", "S3")
    assert p.ranking_keys == ("age", "service", "rank")
    assert p.depag_subjects == ("127",)
    assert p.reference_date == dt.date(2013, 1, 1)


def test_2012_keeps_every_key_2007_has():
    keys_2007 = set(tomllib.loads(SHIPPED)["selection"])
    text_2012 = (SHIPPED_DIR / "2012.toml").read_text(encoding="utf-8")
    assert keys_2007 <= set(tomllib.loads(text_2012)["selection"])


def test_loading_twice_gives_the_cached_object():
    assert selection_params(2007) is selection_params(2007)


def test_the_rank_table_runs_from_i_a_to_iv_e():
    assert RANKS[0] == "I/a" and RANKS[-1] == "IV/e" and len(RANKS) == 17
    assert RANK_ORDER["III/d"] < RANK_ORDER["IV/a"]


def year_file(tmp_path: Path, year: int, text: str) -> tuple[Path, ...]:
    (tmp_path / f"{year}.toml").write_text(text, encoding="utf-8")
    return (tmp_path,)


def test_a_later_year_changes_only_data(tmp_path):
    text = SHIPPED.replace("year = 2007", "year = 2012").replace(
        'ranking_keys = ["service", "age", "rank", "teaching_load", "additional_duty", '
        '"achievement"]',
        'ranking_keys = ["age", "service", "rank"]',
    )
    text = text.replace('non_pns_min_share = "0.25"', "non_pns_min_share = 0.15")
    p = selection_params(2012, year_file(tmp_path, 2012, text))
    assert p.ranking_keys == ("age", "service", "rank")
    assert p.non_pns_min_share == Decimal("0.15")


def test_an_unknown_year_names_the_known_ones(tmp_path):
    with pytest.raises(ProgrammeYearError, match=r"2031 is not configured \(known: .*2007"):
        selection_params(2031, (tmp_path,))


def test_a_file_for_another_year_is_refused(tmp_path):
    with pytest.raises(ProgrammeYearError, match="says year 2007, expected 2013"):
        selection_params(2013, year_file(tmp_path, 2013, SHIPPED))


def test_an_unreadable_file_names_the_file(tmp_path):
    with pytest.raises(ProgrammeYearError, match=r"2014\.toml: cannot read"):
        selection_params(2014, year_file(tmp_path, 2014, "year = = 1"))


def data(**changes: object) -> dict[str, object]:
    loaded = tomllib.loads(SHIPPED)
    section = dict(loaded["selection"])
    for key, value in changes.items():
        if value is None:
            section.pop(key)
        else:
            section[key] = value
    loaded["selection"] = section
    return loaded


WHERE = Path("years/2099.toml")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"teacher_on": "2005-12-30"}, "selection.teacher_on must be a date"),
        (
            {"age_cutoff": dt.datetime(2008, 1, 1, tzinfo=dt.UTC)},
            "selection.age_cutoff must be a date",
        ),
        ({"age_limit": -1}, "selection.age_limit must be a whole number"),
        ({"age_limit": True}, "selection.age_limit must be a whole number"),
        ({"direct_levels": []}, "selection.direct_levels must be a non-empty list"),
        ({"direct_levels": ["S1", 4]}, "selection.direct_levels must be a non-empty list"),
        ({"direct_levels": ["S1", "S9"]}, r"selection.direct_levels: unknown 'S9'"),
        ({"direct_levels": ["S1", "S1"]}, "selection.direct_levels lists a value twice"),
        ({"ranking_keys": ["age", "height"]}, r"selection.ranking_keys: unknown 'height'"),
        (
            {"alternative_age": 50, "alternative_service_years": 20, "alternative_min_rank": "V/a"},
            "alternative_min_rank must be a golongan",
        ),
        ({"alternative_age": 50}, "lacks alternative_service_years, alternative_min_rank"),
        ({"age_rule": "older"}, "selection.age_rule must be one of retirement, under"),
        ({"non_pns_counts": 2}, "selection.non_pns_counts must be one of permanent, service"),
        ({"rank_counts_inpassing": "no"}, "rank_counts_inpassing must be true or false"),
        ({"depag_subjects": ["12"]}, "depag_subjects must be a list of 3-digit subject codes"),
        ({"depag_subjects": "127"}, "depag_subjects must be a list of 3-digit subject codes"),
        ({"non_pns_min_share": "1.5"}, "non_pns_min_share must be a share from 0 to 1"),
        ({"non_pns_min_share": "lots"}, "non_pns_min_share must be a share from 0 to 1"),
        ({"non_pns_min_share": "NaN"}, "non_pns_min_share must be a share from 0 to 1"),
        ({"non_pns_min_share": [1]}, "non_pns_min_share must be a share from 0 to 1"),
        ({"non_pns_min_share": True}, "non_pns_min_share must be a share from 0 to 1"),
        ({"reference_date": None}, r"\[selection\] lacks reference_date"),
    ],
)
def test_a_bad_value_names_the_file_and_the_key(changes, message):
    with pytest.raises(ProgrammeYearError, match=message) as caught:
        parse_selection(WHERE, data(**changes))
    assert str(WHERE) in str(caught.value)


def test_a_missing_section_is_named():
    with pytest.raises(ProgrammeYearError, match=r"the \[selection\] section is missing"):
        parse_selection(WHERE, {"year": 2099})


def test_a_bad_year_is_named():
    loaded = data()
    loaded["year"] = "2099"
    with pytest.raises(ProgrammeYearError, match="'year' must be an integer"):
        parse_selection(WHERE, loaded)


def test_shares_may_be_numbers():
    assert parse_selection(WHERE, data(non_pns_min_share=0.15)).non_pns_min_share == Decimal("0.15")
    assert parse_selection(WHERE, data(non_pns_min_share=0)).non_pns_min_share == 0
