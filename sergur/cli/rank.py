"""`sergur rank`: a teacher CSV in the import layout → eligibility, reasons and rank as CSV.

The same rules code as the web app: the import layout's row parser
(`sergur.rules.selection.layout`), `eligibility.check` and `ranking.rank` (Buku 1;
docs/sources/domain.md §4.1-§4.3). Rows are read one at a time; the output is written once every row
is ranked.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import IO, Protocol

from msgspec import structs

from sergur.cli.csvio import emit, open_input
from sergur.rules.messages import Lang, Message
from sergur.rules.selection import Candidate, Ranked
from sergur.rules.selection.eligibility import check
from sergur.rules.selection.layout import DMY, ISO, RowChecker, RowProblem, parse_date
from sergur.rules.selection.params import SelectionParams, selection_params
from sergur.rules.selection.ranking import rank
from sergur.tabular.readers import ReadError, read_csv
from sergur.tabular.spreadsheet import neutralise

COLUMNS = ("rank", "nuptk", "name", "eligible", "reasons")
# The ranking keys of the year as output columns, named by what the cell holds.
FACTOR_COLUMNS = {
    "service": "service_months",
    "age": "birth_date",
    "rank": "golongan",
    "teaching_load": "teaching_hours",
    "additional_duty": "additional_duty",
    "achievement": "achievement",
}
REASON_SEPARATOR = " | "
DATE_FORMATS = {"iso": ISO, "dmy": DMY}

LABELS: dict[str, dict[Lang, str]] = {
    "yes": {"id": "ya", "en": "yes"},
    "no": {"id": "tidak", "en": "no"},
    "line": {"id": "baris {line}", "en": "line {line}"},
    "column": {"id": "kolom {column}", "en": "column {column}"},
    "warning": {"id": "peringatan", "en": "warning"},
    "summary": {
        "id": "sergur rank: {eligible} memenuhi syarat dan diperingkat, {ineligible} tidak "
        "memenuhi syarat, {invalid} baris tidak sah (tidak diperingkat)",
        "en": "sergur rank: {eligible} eligible and ranked, {ineligible} not eligible, "
        "{invalid} invalid row(s) (not ranked)",
    },
    "no_rows": {"id": "tidak ada baris data", "en": "no data rows"},
    "refused": {
        "id": "sergur rank: berkas tidak dapat dipakai; tidak ada yang ditulis",
        "en": "sergur rank: the file cannot be used; nothing written",
    },
}


class Status(Protocol):
    """The exit status reached so far (main keeps it if the reader closes the pipe)."""

    status: int


def _label(key: str, lang: Lang, **values: object) -> str:
    return LABELS[key][lang].format(**values)


def _as_of(text: str) -> dt.date:
    """--as-of: an ISO date (YYYY-MM-DD), never guessed."""
    day = parse_date(text, ISO)
    if day is None:
        raise argparse.ArgumentTypeError(f"must be a date like 2008-01-01, not {text!r}")
    return day


def add_rank_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`sergur rank TEACHERS.csv`: eligibility, reasons and rank of every teacher."""
    parser = commands.add_parser(
        "rank",
        help="check eligibility and rank the teachers of a CSV in the import layout",
        description="Read teachers (CSV in the import layout, docs/import.md), check "
        "eligibility and rank the eligible ones by the programme year's keys; print CSV: "
        "rank, nuptk, name, eligible, reasons and the rank factors. Invalid rows go to stderr "
        "with line, column and reason and are not ranked (exit 1).",
    )
    parser.add_argument("path", help="the teacher CSV, or - for stdin")
    parser.add_argument("--year", type=int, default=2007, help="programme year (default 2007)")
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    parser.add_argument(
        "--as-of",
        type=_as_of,
        metavar="DATE",
        help="count service, the 50/20 route and permanent years on this day (YYYY-MM-DD; "
        "default: the year's reference_date; the age limit keeps its own cut-off)",
    )
    parser.add_argument(
        "--date-format",
        choices=tuple(DATE_FORMATS),
        default="iso",
        help="dates in the file: iso YYYY-MM-DD (default) or dmy DD/MM/YYYY",
    )
    parser.add_argument("--output", metavar="FILE", help="write the CSV here, not to stdout")


class _Texts:
    """Reasons in words, each distinct reason rendered once (many teachers share a reason)."""

    def __init__(self, lang: Lang) -> None:
        self.lang: Lang = lang
        self.cache: dict[Message, str] = {}

    def join(self, reasons: Sequence[Message]) -> str:
        out = []
        for reason in reasons:
            text = self.cache.get(reason)
            if text is None:
                text = self.cache[reason] = reason.text(self.lang)
            out.append(text)
        return REASON_SEPARATOR.join(out)


def _where(problem: RowProblem, lang: Lang) -> str:
    place = [_label("line", lang, line=problem.line)] if problem.line else []
    if problem.column:
        place.append(_label("column", lang, column=problem.column))
    return ", ".join(place)


def _report(source: str, problem: RowProblem, lang: Lang) -> None:
    where = _where(problem, lang)
    mark = f"{_label('warning', lang)}: " if problem.warning else ""
    print(f"{source}: {where}: {mark}{problem.message.text(lang)}", file=sys.stderr)


def _rows(
    ranked: Sequence[Ranked],
    ineligible: Sequence[Ranked],
    reasons: dict[int, str],
    lang: Lang,
) -> Iterator[list[object]]:
    """Eligible teachers by rank, then the others in the same order without a rank."""
    yes, no = _label("yes", lang), _label("no", lang)
    for entry in ranked:
        c = entry.candidate
        yield [entry.position, c.nuptk, neutralise(c.name), yes, "", *_values(entry)]
    for entry in ineligible:
        c = entry.candidate
        why = reasons[id(c)]
        yield ["", c.nuptk, neutralise(c.name), no, why, *_values(entry)]


def _values(entry: Ranked) -> list[object]:
    return [value for _key, value in entry.factors]


def run_rank(
    args: argparse.Namespace, out: IO[bytes], years_dirs: tuple[Path, ...], run: Status
) -> int:
    """Run `sergur rank`: 0 every row valid, 1 any invalid row (the valid ones are ranked)."""
    params: SelectionParams = selection_params(args.year, years_dirs)
    if args.as_of is not None:
        params = structs.replace(params, reference_date=args.as_of)
    lang: Lang = args.lang
    source = "<stdin>" if args.path == "-" else args.path
    checker = RowChecker(date_format=DATE_FORMATS[args.date_format])
    eligible: list[Candidate] = []
    ineligible: list[Candidate] = []
    reasons: dict[int, str] = {}
    invalid = 0
    texts = _Texts(lang)
    stream = open_input(args.path)
    with stream if args.path != "-" else nullcontext(stream):
        try:
            for line, row in read_csv(stream):
                first = checker.header is None
                parsed = checker.check(line, row)
                if first:
                    for problem in checker.header or ():
                        _report(source, problem, lang)
                if checker.blocking_header:
                    break
                if isinstance(parsed, list):
                    invalid += 1
                    for problem in parsed:
                        _report(source, problem, lang)
                    continue
                for problem in parsed.warnings:
                    _report(source, problem, lang)
                candidate = parsed.to_candidate()
                verdict = check(candidate, params)
                if verdict.eligible:
                    eligible.append(candidate)
                else:
                    ineligible.append(candidate)
                    reasons[id(candidate)] = texts.join(verdict.reasons)
        except ReadError as exc:
            place = f"{_label('line', lang, line=exc.line)}: " if exc.line else ""
            print(f"{source}: {place}{exc.message.text(lang)}", file=sys.stderr)
            print(_label("refused", lang), file=sys.stderr)
            return 1
    if checker.blocking_header or checker.header is None:
        if checker.header is None:
            print(f"{source}: {_label('no_rows', lang)}", file=sys.stderr)
        print(_label("refused", lang), file=sys.stderr)
        return 1
    run.status = 1 if invalid else 0
    header = (*COLUMNS, *(FACTOR_COLUMNS.get(key, key) for key in params.ranking_keys))
    rows = _rows(rank(eligible, params), rank(ineligible, params), reasons, lang)
    emit(args.output, out, header, rows)
    out.flush()
    summary = _label(
        "summary", lang, eligible=len(eligible), ineligible=len(ineligible), invalid=invalid
    )
    print(summary, file=sys.stderr)
    return run.status
