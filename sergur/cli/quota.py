"""`sergur quota`: eligible-teacher counts per district and level + the national target → quota.

The arithmetic is the rules core's (`sergur.rules.selection.quota.allocate_nation`, Buku 1
2007: KP = GP/GN × TN, KK = GK/GP × KP, KSp = GSp/GK × KK, largest remainder at each step).
This module only reads the counts file, checks every row and writes the allocation as CSV.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Mapping
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sergur.cli.csvio import CsvBroken, emit, label, open_input, read_rows
from sergur.rules.messages import Lang
from sergur.rules.selection.params import selection_params
from sergur.rules.selection.quota import allocate_nation, target_refusal

# The registry's school levels, in school order; TK/TKLB: seed 003's identity page, item 10
# "Mata Pelajaran/Guru Kelas TK/TKLB/SD/SDLB".
LEVELS = ("TK", "TKLB", "SD", "SMP", "SMA", "SMK", "SLB")
COLUMNS = ("province", "district", "school_level", "eligible")
OUTPUT_COLUMNS = (*COLUMNS, "quota")

Key = tuple[str, str, str]  # (province code, district code, school level)

PROBLEMS: dict[str, dict[Lang, str]] = {
    "empty": {"id": "berkas kosong", "en": "the file is empty"},
    "no_rows": {"id": "tidak ada baris data", "en": "no data rows"},
    "missing_columns": {
        "id": "kolom wajib tidak ada: {columns} (kepala: province,district,school_level,eligible)",
        "en": "missing columns: {columns} (header: province,district,school_level,eligible)",
    },
    "duplicate_column": {"id": "kolom {column} muncul dua kali", "en": "column {column} twice"},
    "missing_cell": {"id": "sel kosong", "en": "the cell is empty"},
    "two_digits": {
        "id": "harus kode dua angka, misalnya 34, bukan {value!r}",
        "en": "must be a two-digit code such as 34, not {value!r}",
    },
    "level": {
        "id": "jenjang {value!r} tidak dikenal; pilih salah satu: {levels}",
        "en": "unknown school level {value!r}; choose one of: {levels}",
    },
    "count": {
        "id": "harus bilangan bulat 0 atau lebih tanpa pemisah ribuan, bukan {value!r}",
        "en": "must be a whole number, 0 or more, without thousands separators, not {value!r}",
    },
    "duplicate": {
        "id": "{province} {district} {level} sudah ada di baris {first}",
        "en": "{province} {district} {level} is already on line {first}",
    },
    "nobody": {
        "id": "jumlah guru yang memenuhi syarat 0; target {target} tidak dapat dibagi",
        "en": "no eligible teachers in the file; the target {target} cannot be shared out",
    },
    "refused": {
        "id": "{count} masalah; tidak ada yang ditulis. Perbaiki berkas lalu jalankan lagi.",
        "en": "{count} problem(s); nothing written. Fix the file and run again.",
    },
    "target_too_big": {
        "id": "target {target} melebihi jumlah guru yang memenuhi syarat ({total})",
        "en": "the target {target} exceeds the eligible teachers in the file ({total})",
    },
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One bad row (or the whole file when `line` is 0), with the column when there is one."""

    line: int
    column: str
    key: str
    values: tuple[tuple[str, object], ...] = ()

    def text(self, lang: Lang) -> str:
        """`line 4, column eligible: must be a whole number ...` in `lang`."""
        place = [label("line", lang, line=self.line)] if self.line else []
        if self.column:
            place.append(label("column", lang, column=self.column))
        values = dict(self.values)
        entry = PROBLEMS.get(self.key)
        sentence = entry[lang].format(**values) if entry else label(self.key, lang, **values)
        return f"{', '.join(place)}: {sentence}" if place else sentence


@dataclass(frozen=True, slots=True)
class Counts:
    """The eligible teachers of each (province, district, level), or why the file is refused."""

    eligible: dict[Key, int]
    problems: list[Problem]


def _header(cells: list[str], line: int) -> tuple[dict[str, int], list[Problem]]:
    names = [cell.strip().lower() for cell in cells]
    problems = [
        Problem(line, name, "duplicate_column", (("column", name),))
        for index, name in enumerate(names)
        if name in COLUMNS and name in names[:index]
    ]
    missing = [column for column in COLUMNS if column not in names]
    if missing:
        problems.append(Problem(line, "", "missing_columns", (("columns", ", ".join(missing)),)))
    return {column: names.index(column) for column in COLUMNS if column in names}, problems


def _cell(cells: list[str], index: int) -> str:
    return cells[index].strip() if index < len(cells) else ""


def _row(line: int, cells: list[str], at: Mapping[str, int]) -> tuple[Key, int] | list[Problem]:
    """One data row as (key, count), or every problem it has."""
    values = {column: _cell(cells, at[column]) for column in COLUMNS}
    problems: list[Problem] = []
    for column in COLUMNS:
        value = values[column]
        if not value:
            problems.append(Problem(line, column, "missing_cell"))
        elif column in ("province", "district"):
            if not (len(value) == 2 and value.isascii() and value.isdigit()):
                problems.append(Problem(line, column, "two_digits", (("value", value),)))
        elif column == "school_level":
            if value.upper() not in LEVELS:
                choice = (("value", value), ("levels", ", ".join(LEVELS)))
                problems.append(Problem(line, column, "level", choice))
        elif not (value.isascii() and value.isdigit()):
            problems.append(Problem(line, column, "count", (("value", value),)))
    if problems:
        return problems
    key = (values["province"], values["district"], values["school_level"].upper())
    return key, int(values["eligible"])


def read_counts(stream: IO[bytes]) -> Counts:
    """Read and check the counts file; every bad row is reported with its line (Buku 1 §quota)."""
    eligible: dict[Key, int] = {}
    first_line: dict[Key, int] = {}
    problems: list[Problem] = []
    rows = read_rows(stream)
    try:
        header = next(rows, None)
        if header is None:
            return Counts({}, [Problem(0, "", "empty")])
        at, problems = _header(header[1], header[0])
        if problems:
            return Counts({}, problems)
        for line, cells in rows:
            parsed = _row(line, cells, at)
            if isinstance(parsed, list):
                problems.extend(parsed)
                continue
            key, count = parsed
            if key in first_line:
                where: tuple[tuple[str, object], ...] = (
                    ("province", key[0]),
                    ("district", key[1]),
                    ("level", key[2]),
                    ("first", first_line[key]),
                )
                problems.append(Problem(line, "", "duplicate", where))
                continue
            first_line[key] = line
            eligible[key] = count
    except CsvBroken as broken:
        problems.append(Problem(broken.line, "", broken.key, tuple(broken.values.items())))
    if not eligible and not problems:
        problems.append(Problem(0, "", "no_rows"))
    return Counts(eligible, problems)


def check_target(eligible: Mapping[Key, int], target: int) -> list[Problem]:
    """The target must be shareable: someone is eligible, and not more places than teachers."""
    total = sum(eligible.values())
    refusal = target_refusal(target, total)
    if refusal is None:
        return []
    # The rule is the rules core's (the web allocation refuses alike); the words name the file.
    if refusal.code == "selection.target_nobody":
        return [Problem(0, "", "nobody", (("target", target),))]
    return [Problem(0, "", "target_too_big", (("target", target), ("total", total)))]


def _order(key: Key) -> tuple[str, str, int]:
    province, district, level = key
    return province, district, LEVELS.index(level) if level else -1


def allocation_rows(
    eligible: Mapping[Key, int], quota: Mapping[Key, int]
) -> Iterator[tuple[str, str, str, int, int]]:
    """The output rows: the nation, each province, each district, each level, sorted by code.

    A total row leaves the finer codes empty ("34,,," is DI Yogyakarta) and comes before its
    parts, so the quota column of the level rows alone adds up to the national target.
    """
    totals: dict[Key, list[int]] = {}
    for (province, district, level), count in eligible.items():
        share = quota.get((province, district, level), 0)
        for key in (
            ("", "", ""),
            (province, "", ""),
            (province, district, ""),
            (province, district, level),
        ):
            entry = totals.setdefault(key, [0, 0])
            entry[0] += count
            entry[1] += share
    for key in sorted(totals, key=_order):
        count, share = totals[key]
        yield (*key, count, share)


def _target(text: str) -> int:
    """--target: a whole number, 0 or more (argparse reports anything else as bad usage)."""
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"must be a whole number, 0 or more, not {text!r}")
    return int(text)


def add_quota_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`sergur quota COUNTS.csv --target N`: the quota of each province, district and level."""
    parser = commands.add_parser(
        "quota",
        help="share the national target out to provinces, districts and levels (CSV)",
        description="Read eligible-teacher counts (CSV: province,district,school_level,eligible) "
        "and print the quota of the nation, each province, district and level as CSV "
        "(KP = GP/GN x TN, KK = GK/GP x KP, KSp = GSp/GK x KK; largest remainder). "
        "Exit 1 and print nothing if any row is bad.",
    )
    parser.add_argument("path", help="the counts CSV, or - for stdin")
    parser.add_argument(
        "--target", type=_target, required=True, help="the national quota (TN)", metavar="N"
    )
    parser.add_argument("--year", type=int, default=2007, help="programme year (default 2007)")
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    parser.add_argument("--output", metavar="FILE", help="write the CSV here, not to stdout")


def _refuse(source: str, problems: list[Problem], lang: Lang) -> int:
    for problem in problems:
        print(f"{source}: {problem.text(lang)}", file=sys.stderr)
    print(f"sergur quota: {PROBLEMS['refused'][lang].format(count=len(problems))}", file=sys.stderr)
    return 1


def run_quota(args: argparse.Namespace, out: IO[bytes], years_dirs: tuple[Path, ...]) -> int:
    """Run `sergur quota`: 0 written, 1 a bad row (nothing written)."""
    selection_params(args.year, years_dirs)  # an unknown year is bad usage, as for `score`
    lang: Lang = args.lang
    source = "<stdin>" if args.path == "-" else args.path
    stream = open_input(args.path)
    with stream if args.path != "-" else nullcontext(stream):
        counts = read_counts(stream)
    problems = counts.problems or check_target(counts.eligible, args.target)
    if problems:
        return _refuse(source, problems, lang)
    quota = allocate_nation(args.target, counts.eligible)
    emit(args.output, out, OUTPUT_COLUMNS, allocation_rows(counts.eligible, quota))
    return 0
