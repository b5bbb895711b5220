"""The fast path of the import (plain CSV, column check) reports exactly what the row path
reports: the same problems on the same lines, and the same good rows (random files with bad
rows, repeated NUPTKs and names that differ)."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sergur.imports.bulk import Checker, parsed_rows
from sergur.rules.selection.layout import ParsedRow, RowChecker, RowProblem
from sergur.rules.tests.selection.test_columns import ODD, csv_bytes
from sergur.rules.tests.selection.test_layout import GOOD, SCHOOLS, SUBJECTS
from sergur.tabular.plain import NotPlain, read_plain_csv
from sergur.tabular.readers import read_csv

CHANGE = st.dictionaries(
    st.sampled_from(list(GOOD)),
    st.sampled_from(ODD[:40])
    | st.sampled_from(["Sri Lestari", "Dra. Sri Lestari", "Budi"])
    # the mismatch columns: a degree's field and a route, good and bad together
    | st.sampled_from(["156", "180", "IJAZAH", "mengajar", "ijazah "])
    # the other schools (SEKOLAH_LAIN): good, the main school again, twice, no hours
    | st.sampled_from(["20400009:6", " 20400009 : 6", "20400001:4", "20400009:6;20400009:2"])
    | st.sampled_from(["20400009:0", "20400009"]),
    max_size=2,
)
ROW = st.tuples(st.integers(0, 6), CHANGE)


def key(problem: RowProblem) -> tuple[object, ...]:
    return (problem.line, problem.column, problem.code, problem.message, problem.warning)


def slow(data: bytes) -> tuple[list[tuple[object, ...]], list[ParsedRow]]:
    checker = RowChecker(SUBJECTS, SCHOOLS)
    problems: list[RowProblem] = []
    good: list[ParsedRow] = []
    for line, cells in read_csv(io.BytesIO(data)):
        result = checker.check(line, cells)
        if line == 2:
            problems += checker.header or []
        if isinstance(result, ParsedRow):
            good.append(result)
            problems += result.warnings
        else:
            problems += result
    return sorted(map(key, problems)), good


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ROW, min_size=1, max_size=15), st.sampled_from([80, 600, 1 << 20]), st.booleans())
def test_the_fast_path_reports_what_the_row_path_reports(
    rows: list[tuple[int, dict[str, str]]], block: int, extra: bool
) -> None:
    changes = [{"NUPTK": f"12345678901234{n:02d}", **change} for n, change in rows]
    header = [*GOOD, "CATATAN"] if extra else list(GOOD)
    data = csv_bytes(changes, header, "\n")
    checker = Checker(dict.fromkeys(SUBJECTS, 1), SCHOOLS, date_format="YYYY-MM-DD")
    problems: list[RowProblem] = []
    good: list[ParsedRow] = []
    try:
        for number, batch in enumerate(read_plain_csv(io.BytesIO(data), block)):
            checked = checker.check(batch)
            problems += list(batch.header) if number == 0 else []
            problems += checked.problems
            assert checked.good is not None
            good += parsed_rows(checked.good)
            assert checked.invalid == checked.rows - checked.good.height
    except NotPlain:
        return
    expected_problems, expected_good = slow(data)
    assert sorted(map(key, problems)) == expected_problems
    assert [(r, ()) for r in good] == [(_plain(r), ()) for r in expected_good]


def _plain(row: ParsedRow) -> ParsedRow:
    """The row without its warnings (they are reported as problems on both paths)."""
    fields = {name: getattr(row, name) for name in ParsedRow.__slots__ if name != "warnings"}
    return ParsedRow(**fields)


def _both(data: bytes) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    checker = Checker(dict.fromkeys(SUBJECTS, 1), SCHOOLS, date_format="YYYY-MM-DD")
    problems: list[RowProblem] = []
    for number, batch in enumerate(read_plain_csv(io.BytesIO(data), 1 << 20)):
        problems += list(batch.header) if number == 0 else []
        problems += checker.check(batch).problems
    return sorted(map(key, problems)), slow(data)[0]


def test_both_paths_agree_on_a_birth_year_below_1000() -> None:
    """The NIP begins with the birth date, its year in four digits on both paths."""
    for nip, mismatch in (("099901021990031001", False), ("199901021990031001", True)):
        row = {"NUPTK": "1234567890123401", "NIP": nip, "TANGGAL_LAHIR": "0999-01-02"}
        fast, row_path = _both(csv_bytes([row], list(GOOD), "\n"))
        assert fast == row_path
        assert any(p[2] == "import.nip_birth_mismatch" for p in row_path) is mismatch
