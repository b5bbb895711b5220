"""The amount: the salary table as data, the factor by employment, the tax by rank group, the
funding source, and the checks of a table loaded from CSV (docs/allowance.md, "Amount")."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sergur.rules.allowance.amount import (
    GOLONGAN,
    Employment,
    SalaryRow,
    SalaryTable,
    Teacher,
    amount,
    check_table,
    lookup,
    params_for,
    parse_params,
    rupiah,
    shipped_table,
    table_in_force,
)
from sergur.rules.programme import ProgrammeYearError, read_year_data
from sergur.rules.tests.strategies import RULES_SETTINGS

PP15 = shipped_table("pp_15_2019")
PARAMS = params_for(2019)
JAN = date(2019, 1, 1)
YEAR_FILE = Path(__file__).parents[2] / "years" / "payments" / "2019.toml"


def full_table(step: int = 2, top: int = 32) -> SalaryTable:
    rows = tuple(
        SalaryRow(g, m, Decimal(1_000_000 + 100_000 * i + 1_000 * m))
        for i, g in enumerate(GOLONGAN)
        for m in range(0, top + 1, step)
    )
    return SalaryTable("PP test", date(2020, 1, 1), rows)


def test_the_shipped_table_holds_exactly_the_rows_of_the_source():
    assert PP15.regulation == "PP 15/2019" and PP15.effective_from == JAN
    assert len(PP15.rows) == 15 + 17 + 12  # minima of the 15 others, III/a full, III/b excerpt
    assert lookup(PP15, "III/a", 0).amount == Decimal(2579400)
    assert lookup(PP15, "III/a", 13).amount == Decimal(3106900)  # the MKG 12 step
    assert lookup(PP15, "III/a", 35).amount == Decimal(4236400)  # the maximum holds on
    assert lookup(PP15, "IV/e", 0).amount == Decimal(3593100)


def test_a_gap_in_the_shipped_excerpt_gives_no_amount_and_says_so():
    found = lookup(PP15, "III/b", 24)
    assert found.amount is None and found.reason.code == "pay.gap"
    assert lookup(PP15, "III/b", 21).amount == Decimal(3665900)  # 20 + 1 is still the step
    assert lookup(PP15, "III/b", 32).amount == Decimal(4415600)
    assert lookup(PP15, "I/a", 4).reason.code == "pay.gap"  # only MKG 0 is given for I/a
    assert dict(lookup(PP15, "I/a", 4).reason.params)["high"] == 40


def test_unknown_and_missing_ranks_and_early_years():
    assert lookup(PP15, "V/a", 0).reason.code == "pay.unknown_golongan"
    partial = SalaryTable("x", JAN, (SalaryRow("III/a", 2, Decimal(5)),))
    assert lookup(partial, "II/a", 0).reason.code == "pay.no_golongan"
    assert lookup(partial, "III/a", 1).reason.code == "pay.below_steps"
    assert lookup(partial, "III/a", 9).amount == Decimal(5)  # a complete table holds on


def test_the_table_in_force_is_the_latest_effective():
    later = SalaryTable("PP later", date(2024, 1, 1), PP15.rows)
    ended = SalaryTable("PP old", date(2015, 1, 1), PP15.rows, effective_to=date(2018, 12, 31))
    tables = [ended, PP15, later]
    assert table_in_force(tables, date(2016, 5, 1)) is ended
    assert table_in_force(tables, date(2019, 5, 1)) is PP15
    assert table_in_force(tables, date(2025, 5, 1)) is later
    assert table_in_force(tables, date(2010, 1, 1)) is None


def test_pns_cpns_inpassing_and_flat_amounts_with_tax():
    pns = amount(PARAMS, PP15, Teacher(Employment.PNS, "III/a", 10), JAN)
    assert (pns.base, pns.gross, pns.tax, pns.net) == tuple(
        map(Decimal, (3012000, 3012000, 150600, 2861400))
    )
    cpns = amount(PARAMS, PP15, Teacher(Employment.CPNS, "III/a", 0), JAN)
    assert cpns.gross == rupiah(Decimal(2579400) * Decimal("0.8"))
    inpassing = Teacher(Employment.NON_PNS_INPASSING, "IV/a", 0)
    inp = amount(PARAMS, PP15, inpassing, JAN)
    assert (inp.gross, inp.tax) == (Decimal(3044300), Decimal(456645))
    flat = amount(PARAMS, None, Teacher(Employment.NON_PNS), JAN)
    assert (flat.gross, flat.tax, flat.base) == (Decimal(1500000), Decimal(0), None)
    assert [r.code for r in flat.reasons] == ["pay.flat", "pay.tax"]
    low = amount(PARAMS, PP15, Teacher(Employment.PNS, "II/a", 0), JAN)
    assert low.tax == 0


def test_no_table_or_no_row_gives_no_amount():
    teacher = Teacher(Employment.PNS, "III/b", 24)
    none = amount(PARAMS, None, teacher, JAN)
    assert none.gross is None and none.net is None and none.reasons[0].code == "pay.no_table"
    gap = amount(PARAMS, PP15, teacher, JAN)
    assert gap.gross is None and gap.reasons[0].code == "pay.gap"


@RULES_SETTINGS
@given(
    st.sampled_from(GOLONGAN),
    st.integers(0, 40),
    st.sampled_from([Employment.PNS, Employment.CPNS, Employment.NON_PNS_INPASSING]),
)
def test_the_amount_is_the_table_row_times_the_factor(golongan, mkg, employment):
    table = full_table()
    result = amount(PARAMS, table, Teacher(employment, golongan, mkg), JAN)
    row = lookup(table, golongan, mkg).amount
    assert row is not None
    assert result.gross == rupiah(row * PARAMS.factors[employment])
    assert result.net == result.gross - result.tax and 0 <= result.tax <= result.gross


def lines(rows: list[tuple[str, str, str]]):
    return [
        (n, {"golongan": g, "mkg": m, "amount": a}) for n, (g, m, a) in enumerate(rows, start=2)
    ]


def full_rows() -> list[tuple[str, str, str]]:
    return [(r.golongan, str(r.mkg), str(r.amount)) for r in full_table().rows]


def test_a_full_table_loads_and_thousands_separators_are_read():
    rows = full_rows()
    rows[0] = ("I/a", "0", "1.000.000")
    rows[1] = ("I/a", "2", "1,002,000")
    checked = check_table(lines(rows), 2)
    assert checked.errors == () and len(checked.rows) == 17 * 17
    assert checked.rows[0].amount == 1_000_000 and checked.rows[1].amount == 1_002_000


def test_every_bad_cell_is_named_with_its_line_and_column():
    rows = full_rows()
    rows[0] = ("I/z", "x", "2579400.50")
    rows[5] = ("I/a", "41", "0")
    checked = check_table(lines(rows), 2)
    found = [(e.line, e.column, e.reason.code) for e in checked.errors]
    assert found[:6] == [
        (2, "golongan", "pay.csv.golongan"),
        (2, "mkg", "pay.csv.mkg"),
        (2, "amount", "pay.csv.amount"),
        (7, "mkg", "pay.csv.mkg"),
        (7, "amount", "pay.csv.amount"),
        (8, "mkg", "pay.csv.gap"),
    ]


def test_duplicates_gaps_decreases_and_missing_ranks_are_found():
    rows = [r for r in full_rows() if r[0] != "IV/e" and not (r[0] == "III/a" and r[1] == "10")]
    rows.append(("I/a", "4", "1"))
    checked = check_table(lines(rows), 2)
    codes = {e.reason.code for e in checked.errors}
    assert codes == {
        "pay.csv.duplicate",
        "pay.csv.gap",
        "pay.csv.not_monotone",
        "pay.csv.missing_golongan",
    }
    missing = [e for e in checked.errors if e.reason.code == "pay.csv.missing_golongan"]
    assert missing[0].line == 0
    assert check_table(lines(rows[:3]), 2, require_all=False).errors == ()


def test_an_empty_file_is_refused():
    assert [e.reason.code for e in check_table([], 2).errors] == ["pay.csv.empty"]


@RULES_SETTINGS
@given(st.lists(st.integers(0, 40), min_size=1, max_size=12, unique=True), st.integers(1, 4))
def test_a_table_passes_only_without_gaps(mkgs, step):
    rows = [("III/a", str(m), str(1_000_000 + m)) for m in sorted(mkgs)]
    checked = check_table(lines(rows), step, require_all=False)
    ordered = sorted(mkgs)
    gaps = any(b - a > step for a, b in zip(ordered, ordered[1:], strict=False))
    assert bool(checked.errors) == gaps


def test_the_year_file_is_read_and_the_latest_earlier_year_applies():
    assert PARAMS.year == 2019 and params_for(2026).year == 2019
    assert params_for(2009).year == 2007
    assert PARAMS.factors[Employment.CPNS] == Decimal("0.8")
    assert PARAMS.earliest_month == {1: 3, 2: 6, 3: 9, 4: 11}
    with pytest.raises(ProgrammeYearError, match="no payment rules apply in 2006"):
        params_for(2006)


def test_a_deployment_folder_adds_a_year(tmp_path):
    folder = tmp_path / "payments"
    folder.mkdir()
    (folder / "2024.toml").write_text(
        YEAR_FILE.read_text(encoding="utf-8").replace("year = 2019", "year = 2024"),
        encoding="utf-8",
    )
    assert params_for(2025, (tmp_path,)).year == 2024


BAD = [
    ("year = 2019", "year = true", "'year' must be an integer"),
    ('salary_table = "pp_15_2019"', 'salary_table = "nope"', "salary_table"),
    ("max_mkg_step = 2", "max_mkg_step = 0", "max_mkg_step"),
    ("flat_non_pns = 1500000", 'flat_non_pns = "x"', "flat_non_pns"),
    ('cpns = "0.8"', 'cpns = "-1"', "factors.cpns"),
    ('IV = "0.15"', 'IV = "1.5"', "rates must be"),
    ("3 = 9, 4 = 11 }", "3 = 9 }", "quarters 1 to 4"),
    ("3 = 9, 4 = 11 }", "3 = 9, 4 = 2 }", "in or after the quarter"),
]


@pytest.mark.parametrize(("old", "new", "error"), BAD)
def test_a_bad_year_file_names_the_key(tmp_path, old, new, error):
    text = YEAR_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "2019.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ProgrammeYearError, match=error):
        parse_params(path, read_year_data(path))


def test_a_missing_factor_table_is_refused(tmp_path):
    text = YEAR_FILE.read_text(encoding="utf-8").replace("[payments.factors]", "[payments.x]")
    path = tmp_path / "2019.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProgrammeYearError, match="payments.factors must be a table"):
        parse_params(path, read_year_data(path))


def test_a_year_file_without_the_section_is_refused(tmp_path):
    path = tmp_path / "2019.toml"
    path.write_text("year = 2019\n", encoding="utf-8")
    with pytest.raises(ProgrammeYearError, match="section is missing"):
        parse_params(path, read_year_data(path))


def test_the_year_data_is_read_once():
    assert params_for(2019) is params_for(2019)


def test_years_in_rank_grow_by_whole_years():
    from sergur.rules.allowance.amount import years_in_rank

    assert years_in_rank(10, date(2017, 4, 1), date(2019, 3, 31)) == 11
    assert years_in_rank(10, date(2017, 4, 1), date(2019, 4, 1)) == 12
    assert years_in_rank(10, date(2019, 4, 1), date(2018, 1, 1)) == 10


def test_many_amounts_are_computed_once_per_distinct_teacher():
    from sergur.rules.allowance.amount import amounts

    table = full_table()
    teachers = [Teacher(Employment.PNS, "III/a", m % 5) for m in range(20)]
    found = list(amounts(PARAMS, table, teachers, JAN))
    assert found == [amount(PARAMS, table, t, JAN) for t in teachers]
    assert len({id(a) for a in found}) == 5
