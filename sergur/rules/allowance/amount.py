"""The allowance amount: the base salary (gaji pokok) from a salary table as data, times the
factor of the teacher's employment, less the income tax of the rank group (docs/allowance.md,
"Amount"; docs/sources/domain.md §6 and §6.1). The funding source follows the employer and is
the eligibility's (`sergur/rules/allowance/params.py`).

A salary table maps (golongan, years in rank (MKG)) to an amount from its effective date. The
shipped PP 15/2019 table holds exactly the rows docs/sources/domain.md §6.1 gives; a finance
office loads a full table from CSV, checked here cell by cell (`check_table`). The factors, the
flat amount and the tax rates are programme-year data
(`years/payments/<year>.toml`).
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from pathlib import Path

from sergur.rules.messages import Message, msg
from sergur.rules.programme import SHIPPED_DIR, ProgrammeYearError, exact_decimal, read_year_data

PAYMENTS_DIR = "payments"
SALARY_DIR = Path(__file__).with_name("salary")
GOLONGAN: tuple[str, ...] = tuple(
    f"{group}/{step}" for group in ("I", "II", "III", "IV") for step in "abcd"
) + ("IV/e",)
"""The PNS ranks, lowest first (docs/sources/domain.md §6.1)."""
MAX_MKG = 40
ONE = Decimal(1)
RUPIAH = Decimal(1)


class Employment(StrEnum):
    """How the teacher is employed, which decides the factor (docs/sources/domain.md §6)."""

    PNS = "pns"
    CPNS = "cpns"
    NON_PNS_INPASSING = "non_pns_inpassing"
    NON_PNS = "non_pns"


def rupiah(value: Decimal) -> Decimal:
    """Whole rupiah, half up."""
    return value.quantize(RUPIAH, rounding=ROUND_HALF_UP)


def rank_group(golongan: str) -> str:
    """The group of a rank: "III" for "III/b"."""
    return golongan.split("/", 1)[0]


@dataclass(frozen=True, slots=True)
class SalaryRow:
    """One cell of a salary table."""

    golongan: str
    mkg: int
    amount: Decimal


@dataclass(frozen=True, slots=True)
class SalaryTable:
    """A regulation's salary table in force from `effective_from` (to `effective_to` when set).

    `complete` says the rows have no gaps and each golongan's last row holds for every later
    year in rank; a partial table (the shipped excerpt) holds a last row only when it is the
    regulation's maximum (`maxima`)."""

    regulation: str
    effective_from: date
    rows: tuple[SalaryRow, ...]
    effective_to: date | None = None
    complete: bool = True
    maxima: Mapping[str, Decimal] = field(default_factory=dict)
    max_step: int = 2
    _steps: dict[str, tuple[SalaryRow, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, list[SalaryRow]] = {}
        for row in self.rows:
            index.setdefault(row.golongan, []).append(row)
        steps = {g: tuple(sorted(rows, key=_mkg)) for g, rows in index.items()}
        object.__setattr__(self, "_steps", steps)

    def in_force(self, on: date) -> bool:
        """Whether the table applies on `on`."""
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def steps(self, golongan: str) -> tuple[SalaryRow, ...]:
        """The rows of one golongan by years in rank (indexed once)."""
        return self._steps.get(golongan, ())


def _mkg(row: SalaryRow) -> int:
    return row.mkg


@dataclass(frozen=True, slots=True)
class Lookup:
    """The base salary found for a (golongan, MKG), or None with the reason."""

    amount: Decimal | None
    reason: Message


def lookup(table: SalaryTable, golongan: str, mkg: int) -> Lookup:
    """The base salary of `golongan` at `mkg` years in rank: the row of the last step at or
    below `mkg`, if the table covers it (within that step's span, or no gap after it, or the
    last step of a complete table or at the regulation's maximum)."""
    if golongan not in GOLONGAN:
        return Lookup(None, msg("pay.unknown_golongan", golongan=golongan))
    steps = table.steps(golongan)
    where = {"golongan": golongan, "regulation": table.regulation}
    if not steps:
        return Lookup(None, msg("pay.no_golongan", **where))
    if mkg < steps[0].mkg:
        return Lookup(None, msg("pay.below_steps", mkg=mkg, first=steps[0].mkg, **where))
    index = bisect_right(steps, mkg, key=_mkg) - 1
    row = steps[index]
    following = steps[index + 1] if index + 1 < len(steps) else None
    covered = (
        mkg - row.mkg < table.max_step
        or (following is not None and following.mkg - row.mkg <= table.max_step)
        or (following is None and (table.complete or table.maxima.get(golongan) == row.amount))
    )
    if not covered:
        high = following.mkg if following is not None else MAX_MKG
        return Lookup(None, msg("pay.gap", mkg=mkg, low=row.mkg, high=high, **where))
    return Lookup(row.amount, msg("pay.table_row", mkg=mkg, amount=row.amount, **where))


def table_in_force(tables: Iterable[SalaryTable], on: date) -> SalaryTable | None:
    """The table in force on `on`: of those that apply, the latest effective."""
    applying = [t for t in tables if t.in_force(on)]
    return max(applying, key=lambda t: t.effective_from) if applying else None


@dataclass(frozen=True, slots=True)
class AmountParams:
    """The amount's programme-year data."""

    year: int
    salary_table: str
    max_mkg_step: int
    flat_non_pns: Decimal
    factors: Mapping[Employment, Decimal]
    tax: Mapping[str, Decimal]  # rank group ("I".."IV", "none") -> rate
    earliest_month: Mapping[int, int]  # quarter -> month


@dataclass(frozen=True, slots=True)
class Teacher:
    """What the amount depends on."""

    employment: Employment
    golongan: str = ""  # the own rank, or the equivalent rank of the SK inpassing
    mkg: int = 0


@dataclass(frozen=True, slots=True)
class Amount:
    """A month's allowance: the base, the factor, gross, tax and net, with the reasons; `gross`
    is None when it cannot be computed (the reasons say why)."""

    base: Decimal | None
    factor: Decimal
    gross: Decimal | None
    tax_rate: Decimal
    tax: Decimal
    reasons: tuple[Message, ...]

    @property
    def net(self) -> Decimal | None:
        """What the teacher receives."""
        return None if self.gross is None else self.gross - self.tax


def amount(params: AmountParams, table: SalaryTable | None, teacher: Teacher, on: date) -> Amount:
    """A month's allowance of `teacher` on `on` (docs/allowance.md, "Amount")."""
    reasons: list[Message] = []
    if teacher.employment is Employment.NON_PNS:
        gross = params.flat_non_pns
        rate = params.tax["none"]
        reasons.append(msg("pay.flat", gross=gross))
        return _taxed(None, ONE, gross, rate, "none", reasons)
    factor = params.factors[teacher.employment]
    rate = params.tax.get(rank_group(teacher.golongan), Decimal(0))
    if table is None:
        reasons.append(msg("pay.no_table", on=on.isoformat()))
        return Amount(None, factor, None, rate, Decimal(0), tuple(reasons))
    found = lookup(table, teacher.golongan, teacher.mkg)
    reasons.append(found.reason)
    if found.amount is None:
        return Amount(None, factor, None, rate, Decimal(0), tuple(reasons))
    gross = rupiah(found.amount * factor)
    reasons.append(
        msg("pay.factor", employment=teacher.employment.value, factor=factor, gross=gross)
    )
    return _taxed(found.amount, factor, gross, rate, rank_group(teacher.golongan), reasons)


def amounts(
    params: AmountParams, table: SalaryTable | None, teachers: Iterable[Teacher], on: date
) -> Iterator[Amount]:
    """The amount of each of `teachers` on `on`, computed once per distinct (employment,
    golongan, MKG): a nation's teachers share a few thousand (docs/allowance.md, "Speed")."""
    known: dict[Teacher, Amount] = {}
    for teacher in teachers:
        found = known.get(teacher)
        if found is None:
            found = known[teacher] = amount(params, table, teacher, on)
        yield found


def _taxed(
    base: Decimal | None,
    factor: Decimal,
    gross: Decimal,
    rate: Decimal,
    group: str,
    reasons: list[Message],
) -> Amount:
    tax = rupiah(gross * rate)
    reasons.append(msg("pay.tax", group=group, rate=rate * 100, tax=tax, net=gross - tax))
    return Amount(base, factor, gross, rate, tax, tuple(reasons))


# --- Reading the data --------------------------------------------------------------------------


def _fail(path: Path, key: str, what: str) -> ProgrammeYearError:
    return ProgrammeYearError(f"{path}: {key} {what}")


def _decimals(path: Path, section: object, key: str, keys: Iterable[str]) -> dict[str, Decimal]:
    if not isinstance(section, dict):
        raise _fail(path, key, "must be a table")
    values: dict[str, Decimal] = {}
    for name in keys:
        number = exact_decimal(section.get(name))
        if number is None or number < 0:
            raise _fail(path, f"{key}.{name}", "must be a number, 0 or more")
        values[name] = number
    return values


def parse_params(path: Path, data: Mapping[str, object]) -> AmountParams:
    """Check the `[payments]` section of a year file; every error names the file and the key."""
    year = data.get("year")
    section = data.get("payments")
    if isinstance(year, bool) or not isinstance(year, int):
        raise ProgrammeYearError(f"{path}: 'year' must be an integer")
    if not isinstance(section, dict):
        raise ProgrammeYearError(f"{path}: the [payments] section is missing")
    table = section.get("salary_table")
    if not isinstance(table, str) or not (SALARY_DIR / f"{table}.toml").is_file():
        raise _fail(path, "payments.salary_table", "must name a file in rules/allowance/salary")
    step = section.get("max_mkg_step")
    if isinstance(step, bool) or not isinstance(step, int) or step < 1:
        raise _fail(path, "payments.max_mkg_step", "must be a whole number, 1 or more")
    flat = _decimals(path, section, "payments", ("flat_non_pns",))["flat_non_pns"]
    factors = _decimals(path, section.get("factors"), "payments.factors", _FACTORS)
    tax = _decimals(path, section.get("tax"), "payments.tax", ("I", "II", "III", "IV", "none"))
    if any(rate > 1 for rate in tax.values()):
        raise _fail(path, "payments.tax", "rates must be from 0 to 1")
    months = section.get("earliest_month")
    if not isinstance(months, dict) or sorted(months) != ["1", "2", "3", "4"]:
        raise _fail(path, "payments.earliest_month", "must give a month for quarters 1 to 4")
    earliest = {int(q): m for q, m in months.items() if isinstance(m, int)}
    if any(not 3 * q - 2 <= m <= 12 for q, m in earliest.items()) or len(earliest) != 4:
        raise _fail(path, "payments.earliest_month", "must be a month in or after the quarter")
    return AmountParams(
        year=year,
        salary_table=table,
        max_mkg_step=step,
        flat_non_pns=flat,
        factors={Employment(k): v for k, v in factors.items()},
        tax=tax,
        earliest_month=earliest,
    )


_FACTORS = tuple(e.value for e in (Employment.PNS, Employment.CPNS, Employment.NON_PNS_INPASSING))


def params_dirs(extra_dirs: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    """The folders searched for payment year files, the deployment's first."""
    return (*(folder / PAYMENTS_DIR for folder in extra_dirs), SHIPPED_DIR / PAYMENTS_DIR)


_CACHE: dict[tuple[int, tuple[Path, ...]], AmountParams] = {}


def params_for(year: int, extra_dirs: tuple[Path, ...] = ()) -> AmountParams:
    """The payment data that applies in calendar year `year`: the latest year file at or before
    it, the deployment's folders first."""
    key = (year, tuple(extra_dirs))
    if key in _CACHE:
        return _CACHE[key]
    files = {
        int(path.stem): path
        for folder in reversed(params_dirs(key[1]))
        for path in folder.glob("*.toml")
        if path.stem.isascii() and path.stem.isdigit()
    }
    earlier = [y for y in files if y <= year]
    if not earlier:
        known = ", ".join(str(y) for y in sorted(files)) or "none"
        raise ProgrammeYearError(f"no payment rules apply in {year} (known: {known})")
    path = files[max(earlier)]
    loaded = parse_params(path, read_year_data(path))
    _CACHE[key] = loaded
    return loaded


def shipped_table(name: str) -> SalaryTable:
    """A salary table shipped under `rules/allowance/salary/` (docs/allowance.md, "Amount")."""
    path = SALARY_DIR / f"{name}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rows = [SalaryRow(g, 0, Decimal(a)) for g, a in data["minima"].items()]
    for golongan, steps in data["steps"].items():
        rows = [r for r in rows if r.golongan != golongan]
        rows += [SalaryRow(golongan, int(m), Decimal(a)) for m, a in steps.items()]
    return SalaryTable(
        regulation=data["regulation"],
        effective_from=data["effective_from"],
        rows=tuple(sorted(rows, key=lambda r: (GOLONGAN.index(r.golongan), r.mkg))),
        complete=data["complete"],
        maxima={g: Decimal(a) for g, a in data["maxima"].items()},
    )


# --- Checking a table loaded from CSV ----------------------------------------------------------

COLUMNS = ("golongan", "mkg", "amount")
_RUPIAH = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+")
"""Whole rupiah, as written: 2579400, 2.579.400 or 2,579,400."""


@dataclass(frozen=True, slots=True)
class TableError:
    """A problem of a loaded table: the line (0 for the whole file), the column, the reason."""

    line: int
    column: str
    reason: Message


@dataclass(frozen=True, slots=True)
class TableCheck:
    """The rows read and every problem found; a table is loaded only without problems."""

    rows: tuple[SalaryRow, ...]
    errors: tuple[TableError, ...]


def check_table(
    lines: Iterable[tuple[int, Mapping[str, str]]], max_step: int, *, require_all: bool = True
) -> TableCheck:
    """Read the rows of a salary table: each cell checked, no duplicate, no gap of more than
    `max_step` years between two steps of a golongan, amounts never lower at a higher MKG, and
    (with `require_all`) every golongan present. `lines` are (line number, cells by header)."""
    errors: list[TableError] = []
    rows: list[tuple[int, SalaryRow]] = []
    for number, cells in lines:
        row = _check_line(number, cells, errors)
        if row is not None:
            rows.append((number, row))
    seen: dict[tuple[str, int], int] = {}
    for number, row in rows:
        first = seen.setdefault((row.golongan, row.mkg), number)
        if first != number:
            reason = msg("pay.csv.duplicate", golongan=row.golongan, mkg=row.mkg, first=first)
            errors.append(TableError(number, "mkg", reason))
    for golongan in GOLONGAN:
        steps = sorted(((r.mkg, n, r) for n, r in rows if r.golongan == golongan))
        if not steps and require_all and rows:
            errors.append(
                TableError(0, "golongan", msg("pay.csv.missing_golongan", golongan=golongan))
            )
        for (low, _, before), (high, number, after) in zip(steps, steps[1:], strict=False):
            if high - low > max_step:
                reason = msg("pay.csv.gap", golongan=golongan, low=low, high=high, step=max_step)
                errors.append(TableError(number, "mkg", reason))
            if after.amount < before.amount:
                reason = msg(
                    "pay.csv.not_monotone",
                    golongan=golongan,
                    mkg=high,
                    amount=after.amount,
                    previous=before.amount,
                    low=low,
                )
                errors.append(TableError(number, "amount", reason))
    if not rows and not errors:
        errors.append(TableError(0, "", msg("pay.csv.empty")))
    ordered = sorted(
        errors, key=lambda e: (e.line, COLUMNS.index(e.column) if e.column in COLUMNS else 3)
    )
    return TableCheck(tuple(row for _, row in rows), tuple(ordered))


def _check_line(
    number: int, cells: Mapping[str, str], errors: list[TableError]
) -> SalaryRow | None:
    golongan = (cells.get("golongan") or "").strip()
    mkg_text = (cells.get("mkg") or "").strip()
    amount_text = (cells.get("amount") or "").strip()
    found = len(errors)
    if golongan not in GOLONGAN:
        errors.append(TableError(number, "golongan", msg("pay.csv.golongan", value=golongan)))
    mkg = int(mkg_text) if mkg_text.isascii() and mkg_text.isdigit() else -1
    if not 0 <= mkg <= MAX_MKG:
        errors.append(TableError(number, "mkg", msg("pay.csv.mkg", value=mkg_text, top=MAX_MKG)))
    value = int(re.sub("[.,]", "", amount_text)) if _RUPIAH.fullmatch(amount_text) else 0
    if value <= 0:
        errors.append(
            TableError(number, "amount", msg("pay.csv.amount", value=cells.get("amount") or ""))
        )
    if len(errors) > found:
        return None
    return SalaryRow(golongan, mkg, Decimal(value))


def years_in_rank(mkg: int, counted_on: date, on: date) -> int:
    """The years in rank on `on` of a teacher with `mkg` years on `counted_on`: one more for
    every whole year since (never fewer than counted)."""
    whole = on.year - counted_on.year - ((on.month, on.day) < (counted_on.month, counted_on.day))
    return mkg + max(0, whole)
