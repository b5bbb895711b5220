"""The rows of a pay-profile file, checked cell by cell (docs/allowance.md, "The pay
profile"): a finance office loads its teachers' employment, rank, years in rank, the period it
pays and the bank account from a CSV or XLSX file. Every problem names its line and column;
the file is loaded only when no line is wrong (the import pattern of the salary table,
`check_table` in `amount.py`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sergur.rules.allowance.amount import GOLONGAN, MAX_MKG, Employment, TableError
from sergur.rules.messages import msg

PROFILE_COLUMNS = (
    "nuptk",
    "employment",
    "golongan",
    "mkg",
    "mkg_counted_on",
    "paid_from",
    "paid_until",
    "bank_name",
    "bank_account",
    "effective_from",
)
"""The columns in the order a problem is listed; `paid_until`, `bank_name` and `bank_account`
may be left empty, `golongan` too for a non-PNS teacher without inpassing. `effective_from`
(optional, may be absent) is the date a changed employment, rank or MKG applies from (a
promotion's TMT): the earlier values stay for the months before it; empty, a change corrects
the current values."""
REQUIRED = ("nuptk", "employment", "mkg_counted_on", "paid_from")
_NUPTK = re.compile(r"[0-9]{16}")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_ACCOUNT = re.compile(r"[0-9][0-9 .-]*")
BANK_NAME_MAX = 100
BANK_ACCOUNT_MAX = 30


@dataclass(frozen=True, slots=True)
class ProfileRow:
    """One teacher's pay profile as the file gives it."""

    line: int
    nuptk: str
    employment: Employment
    golongan: str
    mkg: int
    mkg_counted_on: dt.date
    paid_from: dt.date
    paid_until: dt.date | None
    bank_name: str
    bank_account: str
    effective_from: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ProfileCheck:
    """The rows read and every problem found, in line and column order."""

    rows: tuple[ProfileRow, ...]
    errors: tuple[TableError, ...]


def missing_columns(header: Iterable[str]) -> tuple[TableError, ...]:
    """A header without a required column reads every line as a bad cell: say so first."""
    have = set(header)
    return tuple(
        TableError(1, column, msg("pay.csv.missing_column", column=column))
        for column in (*REQUIRED, "golongan", "mkg")
        if column not in have
    )


def parse_date(text: str) -> dt.date | None:
    """A date written `YYYY-MM-DD` (the one declared format, never guessed), or None."""
    found = _DATE.fullmatch(text)
    if found is None:
        return None
    try:
        return dt.date(*(int(part) for part in found.groups()))
    except ValueError:
        return None


def check_profiles(lines: Iterable[tuple[int, Mapping[str, str]]]) -> ProfileCheck:
    """Read the rows of a pay-profile file: each cell checked, and one line per teacher.
    `lines` are (line number, cells by lower-case header)."""
    errors: list[TableError] = []
    rows: list[ProfileRow] = []
    seen: dict[str, int] = {}
    for number, cells in lines:
        row = _check_line(number, cells, errors)
        # A teacher twice is refused on the later line, whether the first one is good or not.
        nuptk = _cell(cells, "nuptk")
        first = seen.setdefault(nuptk, number) if _NUPTK.fullmatch(nuptk) else number
        if first != number:
            errors.append(TableError(number, "nuptk", msg("pay.profile.duplicate", first=first)))
        elif row is not None:
            rows.append(row)
    order = {column: index for index, column in enumerate(PROFILE_COLUMNS)}
    errors.sort(key=lambda e: (e.line, order.get(e.column, len(order))))
    return ProfileCheck(tuple(rows), tuple(errors))


def _cell(cells: Mapping[str, str], column: str) -> str:
    return (cells.get(column) or "").strip()


def _check_line(
    number: int, cells: Mapping[str, str], errors: list[TableError]
) -> ProfileRow | None:
    found = len(errors)

    def fail(column: str, key: str, **params: object) -> None:
        errors.append(TableError(number, column, msg(key, **params)))

    nuptk = _cell(cells, "nuptk")
    if not _NUPTK.fullmatch(nuptk):
        fail("nuptk", "pay.profile.nuptk", value=nuptk)
    kind = _cell(cells, "employment").lower()
    employment = Employment(kind) if kind in set(Employment) else None
    if employment is None:
        fail("employment", "pay.profile.employment", value=kind, allowed=", ".join(Employment))
    golongan = _cell(cells, "golongan").upper().replace(" ", "")
    golongan = golongan[:-1] + golongan[-1:].lower() if "/" in golongan else golongan
    if golongan and golongan not in GOLONGAN:
        fail("golongan", "pay.csv.golongan", value=_cell(cells, "golongan"))
    elif not golongan and employment not in (None, Employment.NON_PNS):
        fail("golongan", "pay.profile.golongan_needed")
    mkg_text = _cell(cells, "mkg") or "0"
    mkg = int(mkg_text) if mkg_text.isascii() and mkg_text.isdigit() else -1
    if not 0 <= mkg <= MAX_MKG:
        fail("mkg", "pay.csv.mkg", value=mkg_text, top=MAX_MKG)
    dates: dict[str, dt.date | None] = {}
    for column in ("mkg_counted_on", "paid_from", "paid_until", "effective_from"):
        text = _cell(cells, column)
        dates[column] = parse_date(text)
        if dates[column] is None and (text or column in REQUIRED):
            fail(column, "pay.profile.date", value=text)
    start, end = dates["paid_from"], dates["paid_until"]
    if start is not None and end is not None and end < start:
        fail("paid_until", "pay.profile.ends_before")
    bank_name, account = _cell(cells, "bank_name"), _cell(cells, "bank_account")
    if len(bank_name) > BANK_NAME_MAX:
        fail("bank_name", "pay.profile.too_long", top=BANK_NAME_MAX)
    if account and (len(account) > BANK_ACCOUNT_MAX or not _ACCOUNT.fullmatch(account)):
        fail("bank_account", "pay.profile.account", top=BANK_ACCOUNT_MAX)
    if len(errors) > found or employment is None:
        return None
    counted, paid_from = dates["mkg_counted_on"], dates["paid_from"]
    assert counted is not None and paid_from is not None  # nosec B101 # checked above
    return ProfileRow(
        line=number,
        nuptk=nuptk,
        employment=employment,
        golongan=golongan,
        mkg=mkg,
        mkg_counted_on=counted,
        paid_from=paid_from,
        paid_until=end,
        bank_name=bank_name,
        bank_account=account,
        effective_from=dates["effective_from"],
    )
