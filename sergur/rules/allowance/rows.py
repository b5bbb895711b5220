"""A timetable file row by row (CSV or XLSX as read by `sergur.tabular`): one line per teacher,
school, class (rombel) and subject with the weekly face-to-face hours (docs/allowance.md,
"The timetable file"). Every bad cell is a problem with its line and column; a row with a
problem is refused whole.

The command line reads the same file with optional teacher columns (certificate, NRG, PKG,
duties...) taken from each teacher's first row (`parse_teacher_row`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from sergur.rules.allowance.params import EMPLOYERS, PKG_ORDER
from sergur.rules.messages import msg
from sergur.rules.programme import exact_decimal
from sergur.rules.selection.layout import RowProblem, normalise_header

NUPTK, NPSN, CLASS, SUBJECT, HOURS = "NUPTK", "NPSN", "CLASS", "SUBJECT", "HOURS"
TEAM_SHARE, PUPILS = "TEAM_SHARE", "PUPILS"
REQUIRED = (NUPTK, NPSN, CLASS, SUBJECT, HOURS)
MAX_HOURS = 60
MAX_PUPILS = 200
YES, NO = ("Y", "YA", "YES", "1", "TRUE"), ("", "T", "TIDAK", "N", "NO", "0", "FALSE")


@dataclass(frozen=True, slots=True)
class LoadRow:
    """One good timetable line."""

    line: int
    nuptk: str
    npsn: str
    class_label: str
    subject: str
    hours: int
    share: Decimal
    pupils: int | None


def header_problems(columns: Iterable[str]) -> list[RowProblem]:
    """The required columns line 1 lacks."""
    have = {normalise_header(column) for column in columns}
    return [
        RowProblem(1, name, "missing_column", msg("allowance.row.missing_column", column=name))
        for name in REQUIRED
        if name not in have
    ]


def _digits(row: Mapping[str, str], column: str, size: int, line: int) -> str | RowProblem:
    cell = row.get(column, "").strip()
    if not cell:
        return RowProblem(line, column, "empty", msg("allowance.row.empty"))
    if not (cell.isascii() and cell.isdigit() and len(cell) == size):
        return RowProblem(line, column, "digits", msg("allowance.row.digits", size=size))
    return cell


def _whole(cell: str, column: str, line: int, low: int, high: int) -> int | RowProblem:
    if not (cell.isascii() and cell.isdigit()) or not low <= int(cell) <= high:
        return RowProblem(
            line, column, "number", msg("allowance.row.number", value=cell, low=low, high=high)
        )
    return int(cell)


def _share(cell: str, line: int) -> Decimal | RowProblem:
    if not cell:
        return Decimal(1)
    value = exact_decimal(cell.replace(",", "."))
    if value is None or not 0 < value <= 1 or value != value.quantize(Decimal("0.01")):
        return RowProblem(line, TEAM_SHARE, "share", msg("allowance.row.share", value=cell))
    return value


def parse_load_row(
    line: int, row: Mapping[str, str], *, untaught: bool = False
) -> LoadRow | list[RowProblem]:
    """One timetable line, or every problem of the row. With `untaught`, a row whose NUPTK
    cell is empty is a class-subject no teacher teaches (`nuptk` ""): it may carry no team
    share (docs/allowance.md, "Open hours")."""
    problems: list[RowProblem] = []
    open_row = untaught and not row.get(NUPTK, "").strip()
    nuptk = "" if open_row else _digits(row, NUPTK, 16, line)
    npsn = _digits(row, NPSN, 8, line)
    subject = _digits(row, SUBJECT, 3, line)
    label = row.get(CLASS, "").strip()
    if not label or len(label) > 30:
        problems.append(RowProblem(line, CLASS, "class", msg("allowance.row.class")))
    hours = _whole(row.get(HOURS, "").strip(), HOURS, line, 1, MAX_HOURS)
    share_cell = row.get(TEAM_SHARE, "").strip()
    share = _share(share_cell, line)
    if open_row and share_cell and share != 1:
        share = RowProblem(line, TEAM_SHARE, "untaught", msg("allowance.row.untaught_share"))
    pupils_cell = row.get(PUPILS, "").strip()
    pupils = _whole(pupils_cell, PUPILS, line, 1, MAX_PUPILS) if pupils_cell else None
    problems.extend(
        value
        for value in (nuptk, npsn, subject, hours, share, pupils)
        if isinstance(value, RowProblem)
    )
    if problems:
        return problems
    # No value is a problem any more (returned above).
    return LoadRow(
        line,
        cast(str, nuptk),
        cast(str, npsn),
        label,
        cast(str, subject),
        cast(int, hours),
        cast(Decimal, share),
        cast(int | None, pupils),
    )


# --- The command line's teacher columns ----------------------------------------------------

MAIN_NPSN, LEVEL = "MAIN_NPSN", "LEVEL"
CERTIFICATE_YEAR, CERTIFIED_SUBJECT, MAY_TEACH = (
    "CERTIFICATE_YEAR",
    "CERTIFIED_SUBJECT",
    "MAY_TEACH",
)
NRG, PKG, ELSEWHERE, EMPLOYER = "NRG", "PKG", "EMPLOYED_ELSEWHERE", "EMPLOYER"
DUTIES, COUNSELLING, APPROVAL = "DUTIES", "COUNSELLING_PUPILS", "APPROVAL"
EMPLOYMENT, GOLONGAN, MKG = "EMPLOYMENT", "GOLONGAN", "MKG"
EMPLOYMENTS = ("pns", "cpns", "non_pns_inpassing", "non_pns")
"""What the amount's factor depends on (`sergur/rules/allowance/amount.py`)."""


@dataclass(frozen=True, slots=True)
class TeacherRow:
    """What the command line's file says about a teacher beyond the timetable."""

    main_npsn: str
    level: str
    certificate_year: int | None
    certified_subject: str
    may_teach: frozenset[str]
    has_nrg: bool
    pkg: str
    employed_elsewhere: bool
    employer: str
    duties: tuple[str, ...]
    counselling_pupils: int
    approval: str
    employment: str = ""
    golongan: str = ""
    mkg: int = 0


def _flag(row: Mapping[str, str], column: str, line: int, problems: list[RowProblem]) -> bool:
    cell = row.get(column, "").strip().upper()
    if cell in YES:
        return True
    if cell not in NO:
        problems.append(RowProblem(line, column, "flag", msg("allowance.row.flag", value=cell)))
    return False


def _listed(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.replace(",", ";").split(";") if part.strip())


def parse_teacher_row(line: int, row: Mapping[str, str]) -> TeacherRow | list[RowProblem]:
    """The teacher columns of a row (all optional), or every problem of them."""
    problems: list[RowProblem] = []
    year_cell = row.get(CERTIFICATE_YEAR, "").strip()
    year = _whole(year_cell, CERTIFICATE_YEAR, line, 2006, 2100) if year_cell else None
    pupils_cell = row.get(COUNSELLING, "").strip()
    pupils = _whole(pupils_cell, COUNSELLING, line, 0, 2000) if pupils_cell else 0
    problems.extend(value for value in (year, pupils) if isinstance(value, RowProblem))
    pkg = row.get(PKG, "").strip().lower().replace(" ", "_")
    if pkg not in ("", *PKG_ORDER):
        problems.append(RowProblem(line, PKG, "pkg", msg("allowance.row.pkg", value=pkg)))
    employer = row.get(EMPLOYER, "").strip().lower()
    if employer not in ("", *EMPLOYERS):
        problems.append(
            RowProblem(line, EMPLOYER, "employer", msg("allowance.row.employer", value=employer))
        )
    employment = row.get(EMPLOYMENT, "").strip().lower()
    if employment not in ("", *EMPLOYMENTS):
        problems.append(
            RowProblem(
                line,
                EMPLOYMENT,
                "choice",
                msg("allowance.row.choice", value=employment, choices=", ".join(EMPLOYMENTS)),
            )
        )
    golongan = row.get(GOLONGAN, "").strip()
    mkg_cell = row.get(MKG, "").strip()
    mkg = _whole(mkg_cell, MKG, line, 0, 40) if mkg_cell else 0
    if isinstance(mkg, RowProblem):
        problems.append(mkg)
    has_nrg = _flag(row, NRG, line, problems)
    elsewhere = _flag(row, ELSEWHERE, line, problems)
    if problems:
        return problems
    return TeacherRow(
        main_npsn=row.get(MAIN_NPSN, "").strip(),
        level=row.get(LEVEL, "").strip().upper(),
        certificate_year=cast(int | None, year),
        certified_subject=row.get(CERTIFIED_SUBJECT, "").strip(),
        may_teach=frozenset(_listed(row.get(MAY_TEACH, ""))),
        has_nrg=has_nrg,
        pkg=pkg,
        employed_elsewhere=elsewhere,
        employer=employer,
        duties=_listed(row.get(DUTIES, "")),
        counselling_pupils=cast(int, pupils),
        approval=row.get(APPROVAL, "").strip(),
        employment=employment,
        golongan=golongan,
        mkg=cast(int, mkg),
    )
