"""`sergur allowance LOAD.csv --semester 2019-1`: per teacher the counted hours and each
eligibility rule with pass/fail, its reason and the fix (docs/allowance.md, "The command
line").

The same rules code as the web app: the timetable row parser (`sergur.rules.allowance.rows`)
and `evaluate` with the rules in force in the semester (`years/allowance/<year>.toml`). One row
per timetable line (NUPTK, NPSN, CLASS, SUBJECT, HOURS, optional TEAM_SHARE, PUPILS, LEVEL);
the teacher columns (CERTIFICATE_YEAR, CERTIFIED_SUBJECT, MAY_TEACH, NRG, PKG,
EMPLOYED_ELSEWHERE, EMPLOYER, DUTIES, COUNSELLING_PUPILS, APPROVAL, MAIN_NPSN) are read from
each teacher's first row; with EMPLOYMENT (and GOLONGAN, MKG) the month's amount follows
(`sergur.rules.allowance.amount`, the salary table shipped for the year). A bad row goes to
stderr with its line and column (exit 1).
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import msgspec

from sergur.cli.csvio import open_input
from sergur.rules.allowance.amount import Amount, Employment, params_for, shipped_table
from sergur.rules.allowance.amount import Teacher as Paid
from sergur.rules.allowance.amount import amount as amount_of
from sergur.rules.allowance.eligibility import DEFAULT_EMPLOYER, Eligibility, Facts, evaluate
from sergur.rules.allowance.load import Line, Load
from sergur.rules.allowance.params import AllowanceParams, allowance_params
from sergur.rules.allowance.rows import (
    LEVEL,
    TeacherRow,
    header_problems,
    parse_load_row,
    parse_teacher_row,
)
from sergur.rules.allowance.semester import Semester, SemesterError, parse_semester
from sergur.rules.messages import Lang, number
from sergur.rules.plpg.rows import peek_header
from sergur.rules.selection.layout import RowProblem
from sergur.tabular.readers import ReadError, read_csv

_ENCODER = msgspec.json.Encoder()

LABELS: dict[str, dict[Lang, str]] = {
    "line": {"id": "baris {line}", "en": "line {line}"},
    "column": {"id": "kolom {column}", "en": "column {column}"},
    "teacher": {"id": "Guru", "en": "Teacher"},
    "hours": {"id": "jam dihitung", "en": "hours counted"},
    "eligible": {"id": "LAYAK", "en": "ELIGIBLE"},
    "not_eligible": {"id": "TIDAK LAYAK", "en": "NOT ELIGIBLE"},
    "pass": {"id": "ya", "en": "pass"},
    "fail": {"id": "TIDAK", "en": "FAIL"},
    "fix": {"id": "perbaikan", "en": "fix"},
    "fund": {"id": "sumber dana", "en": "funding"},
    "amount": {
        "id": "tunjangan per bulan: bruto {gross}, pajak {tax}, neto {net}",
        "en": "allowance a month: gross {gross}, tax {tax}, net {net}",
    },
    "amount_if": {
        "id": "tunjangan per bulan bila layak: bruto {gross}, pajak {tax}, neto {net}",
        "en": "allowance a month if eligible: gross {gross}, tax {tax}, net {net}",
    },
    "no_amount": {
        "id": "tunjangan per bulan: tidak dapat dihitung",
        "en": "allowance a month: cannot be computed",
    },
    "summary": {
        "id": "sergur allowance {semester}: {eligible} layak, {other} tidak layak, "
        "{invalid} baris tidak sah",
        "en": "sergur allowance {semester}: {eligible} eligible, {other} not eligible, "
        "{invalid} invalid row(s)",
    },
    "no_rows": {"id": "tidak ada baris data", "en": "no data rows"},
    "refused": {
        "id": "sergur allowance: berkas tidak dapat dipakai",
        "en": "sergur allowance: the file cannot be used",
    },
    "semester": {
        "id": "sergur allowance: {error}",
        "en": "sergur allowance: {error}",
    },
}


def _label(key: str, lang: Lang, **values: object) -> str:
    return LABELS[key][lang].format(**values)


def add_allowance_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`sergur allowance LOAD.csv --semester YYYY-N`: every teacher's eligibility."""
    parser = commands.add_parser(
        "allowance",
        help="compute teachers' counted hours and allowance eligibility from a load CSV",
        description="Read one row per timetable line (NUPTK, NPSN, CLASS, SUBJECT, HOURS, "
        "optional TEAM_SHARE, PUPILS, LEVEL, and teacher columns on the teacher's first row; "
        "docs/allowance.md) and print per teacher the counted hours and each eligibility rule "
        "with pass/fail, its reason and the fix. Bad rows go to stderr (exit 1).",
    )
    parser.add_argument("path", help="the load CSV, or - for stdin")
    parser.add_argument(
        "--semester", required=True, help="YYYY-1 (January-June) or YYYY-2 (July-December)"
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--lang", choices=("id", "en"), default="id")


@dataclass
class _Teacher:
    """A teacher's rows gathered from the file."""

    first_line: int
    facts: TeacherRow
    main: str
    lines: list[Line] = field(default_factory=list)


def _report(source: str, problem: RowProblem, lang: Lang) -> None:
    place = [_label("line", lang, line=problem.line)]
    if problem.column:
        place.append(_label("column", lang, column=problem.column))
    print(f"{source}: {', '.join(place)}: {problem.message.text(lang)}", file=sys.stderr)


def _verdict(teacher: _Teacher, semester: Semester, params: AllowanceParams) -> Eligibility:
    row = teacher.facts
    facts = Facts(
        certificate_year=row.certificate_year,
        has_nrg=row.has_nrg,
        certified_subject=row.certified_subject,
        subject_label=row.certified_subject,
        may_teach=row.may_teach,
        pkg=row.pkg,
        employed_elsewhere=row.employed_elsewhere,
        approval=row.approval,
        employer=row.employer or DEFAULT_EMPLOYER["pns"],
    )
    load = Load(
        main_school=teacher.main,
        lines=tuple(teacher.lines),
        duties=row.duties,
        counselling_pupils=row.counselling_pupils,
    )
    return evaluate(load, facts, semester, params)


def _amount(teacher: _Teacher, semester: Semester, years_dirs: tuple[Path, ...]) -> Amount | None:
    """A month's allowance when the file gives the teacher's EMPLOYMENT (and GOLONGAN, MKG):
    the salary table shipped for the semester's year (docs/allowance.md, "Amount")."""
    row = teacher.facts
    if not row.employment:
        return None
    params = params_for(semester.year, years_dirs)
    paid = Paid(employment=Employment(row.employment), golongan=row.golongan, mkg=row.mkg)
    return amount_of(params, shipped_table(params.salary_table), paid, semester.start)


def _amount_json(found: Amount | None, lang: Lang) -> dict[str, object] | None:
    if found is None:
        return None
    return {
        "base": None if found.base is None else str(found.base),
        "factor": str(found.factor),
        "gross": None if found.gross is None else str(found.gross),
        "tax": str(found.tax),
        "net": None if found.net is None else str(found.net),
        "reasons": [reason.text(lang) for reason in found.reasons],
    }


def _amount_lines(found: Amount | None, lang: Lang, eligible: bool) -> list[str]:
    if found is None:
        return []
    if found.gross is None or found.net is None:
        head = _label("no_amount", lang)
    else:
        head = _label(
            "amount" if eligible else "amount_if",
            lang,
            gross=number(found.gross, lang),
            tax=number(found.tax, lang),
            net=number(found.net, lang),
        )
    return [f"  {head}", *(f"    - {reason.text(lang)}" for reason in found.reasons)]


def _as_json(
    nuptk: str, verdict: Eligibility, semester: Semester, lang: Lang, found: Amount | None
) -> bytes:
    data = {
        "nuptk": nuptk,
        "semester": semester.code,
        "eligible": verdict.eligible,
        "hours": str(verdict.hours),
        "face_to_face": str(verdict.count.face_to_face),
        "duty_hours": str(verdict.count.duty_hours),
        "required": verdict.count.required,
        "load_code": verdict.load_code,
        "funding": verdict.funding,
        "rules": [
            {
                "rule": r.rule,
                "passed": r.passed,
                "reason": r.reason.text(lang),
                "fix": r.fix.text(lang) if r.fix else None,
            }
            for r in verdict.reasons
        ],
        "amount": _amount_json(found, lang),
    }
    return _ENCODER.encode(data) + b"\n"


def _as_table(
    nuptk: str, verdict: Eligibility, semester: Semester, lang: Lang, found: Amount | None
) -> bytes:
    state = _label("eligible" if verdict.eligible else "not_eligible", lang)
    hours = number(verdict.hours, lang)
    out = [
        f"{_label('teacher', lang)} {nuptk} ({semester.code}): {hours} "
        f"{_label('hours', lang)} [{verdict.load_code}] — {state}; "
        f"{_label('fund', lang)} {verdict.funding.upper()}"
    ]
    for r in verdict.reasons:
        mark = _label("pass" if r.passed else "fail", lang)
        out.append(f"  {r.rule:<13}{mark:<6}{r.reason.text(lang)}")
        if r.fix is not None:
            out.append(f"  {'':<19}{_label('fix', lang)}: {r.fix.text(lang)}")
    out.extend(_amount_lines(found, lang, verdict.eligible))
    return ("\n".join(out) + "\n\n").encode()


def _gather(
    stream: IO[bytes], source: str, lang: Lang, counts: dict[str, int]
) -> dict[str, _Teacher] | None:
    """Every teacher's rows; None when the header lacks a column."""
    header = peek_header(stream)
    teachers: dict[str, _Teacher] = {}
    seen = False
    for line, row in read_csv(stream):
        if not seen:
            seen = True
            missing = header_problems(header or row.keys())
            for problem in missing:
                _report(source, problem, lang)
            if missing:
                return None
        parsed = parse_load_row(line, row)
        if isinstance(parsed, list):
            problems = parsed
        elif parsed.nuptk in teachers:
            problems = []
        else:
            facts = parse_teacher_row(line, row)
            problems = facts if isinstance(facts, list) else []
            if isinstance(facts, TeacherRow):
                teachers[parsed.nuptk] = _Teacher(line, facts, facts.main_npsn or parsed.npsn)
        if problems or isinstance(parsed, list):
            counts["invalid"] += 1
            for problem in problems:
                _report(source, problem, lang)
            continue
        level = row.get(LEVEL, "").strip().upper()
        teachers[parsed.nuptk].lines.append(
            Line(
                parsed.npsn,
                parsed.subject,
                parsed.hours,
                parsed.share,
                parsed.pupils,
                level,
                parsed.class_label,
            )
        )
    return teachers if seen else {}


def run_allowance(args: argparse.Namespace, out: IO[bytes], years_dirs: tuple[Path, ...]) -> int:
    """Run `sergur allowance`: 0 every row valid, 1 a bad row or an unusable file, 2 a bad
    semester."""
    lang: Lang = args.lang
    try:
        semester = parse_semester(args.semester)
    except SemesterError as exc:
        print(_label("semester", lang, error=exc), file=sys.stderr)
        return 2
    params = allowance_params(semester.year, years_dirs)
    source = "<stdin>" if args.path == "-" else args.path
    counts = {"eligible": 0, "other": 0, "invalid": 0}
    render = _as_json if args.format == "json" else _as_table
    stream = open_input(args.path)
    with stream if args.path != "-" else nullcontext(stream):
        try:
            teachers = _gather(stream, source, lang, counts)
        except ReadError as exc:
            print(f"{source}: {_label('line', lang, line=exc.line)}: ", end="", file=sys.stderr)
            print(exc.message.text(lang), file=sys.stderr)
            print(_label("refused", lang), file=sys.stderr)
            return 1
    if teachers is None:
        print(_label("refused", lang), file=sys.stderr)
        return 1
    if not teachers and not counts["invalid"]:
        print(f"{source}: {_label('no_rows', lang)}", file=sys.stderr)
        return 1
    for nuptk, teacher in sorted(teachers.items(), key=lambda item: item[1].first_line):
        verdict = _verdict(teacher, semester, params)
        counts["eligible" if verdict.eligible else "other"] += 1
        out.write(render(nuptk, verdict, semester, lang, _amount(teacher, semester, years_dirs)))
    out.flush()
    print(_label("summary", lang, semester=semester.code, **counts), file=sys.stderr)
    return 1 if counts["invalid"] else 0
