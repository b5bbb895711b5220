"""`sergur plpg SCORES.csv`: one row per PLPG participant → final score, pass/fail per part,
the parts to retake and the reasons (docs/plpg.md, "The command line").

The same rules code as the web app: the row parser (`sergur.rules.plpg.rows`) and `evaluate`
with the programme year's formula (`years/plpg/<year>.toml`). Rows are read and printed one at
a time; a bad row goes to stderr with its line and column and is not evaluated (exit 1).
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import IO

import msgspec

from sergur.cli.csvio import open_input
from sergur.rules.messages import Lang, exact, number
from sergur.rules.plpg import Outcome, PlpgParams, evaluate, plpg_params
from sergur.rules.plpg.rows import ScoreRow, header_problems, parse_score_row, peek_header
from sergur.rules.selection.layout import RowProblem
from sergur.tabular.readers import ReadError, read_csv

_ENCODER = msgspec.json.Encoder()

LABELS: dict[str, dict[Lang, str]] = {
    "line": {"id": "baris {line}", "en": "line {line}"},
    "column": {"id": "kolom {column}", "en": "column {column}"},
    "participant": {"id": "Peserta", "en": "Participant"},
    "final": {"id": "Nilai akhir", "en": "Final score"},
    "none": {"id": "-", "en": "-"},
    "pass": {"id": "lulus", "en": "pass"},
    "fail": {"id": "TIDAK LULUS", "en": "FAIL"},
    "open": {"id": "belum ada", "en": "missing"},
    "retake": {"id": "Ujian ulang", "en": "Retake"},
    "reasons": {"id": "Alasan", "en": "Reasons"},
    "status.incomplete": {"id": "belum lengkap", "en": "incomplete"},
    "status.not_admitted": {"id": "tidak diizinkan ujian", "en": "not admitted"},
    "status.passed": {"id": "LULUS", "en": "PASSED"},
    "status.retake": {"id": "ujian ulang", "en": "retake"},
    "status.returned": {"id": "dikembalikan ke Dinas", "en": "returned to the district"},
    "summary": {
        "id": "sergur plpg: {passed} lulus, {retake} ujian ulang, {returned} dikembalikan, "
        "{other} lainnya, {invalid} baris tidak sah",
        "en": "sergur plpg: {passed} passed, {retake} to retake, {returned} returned, "
        "{other} other, {invalid} invalid row(s)",
    },
    "no_rows": {"id": "tidak ada baris data", "en": "no data rows"},
    "refused": {
        "id": "sergur plpg: berkas tidak dapat dipakai",
        "en": "sergur plpg: the file cannot be used",
    },
}


def _label(key: str, lang: Lang, **values: object) -> str:
    return LABELS[key][lang].format(**values)


def add_plpg_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`sergur plpg SCORES.csv`: the PLPG result of every participant."""
    parser = commands.add_parser(
        "plpg",
        help="compute PLPG final scores, pass/fail per part and retakes from a CSV",
        description="Read one row per participant (PARTICIPANT, optional NAME, JP, "
        "APPEARANCES, RETAKES, and a column per part of the year's formula under the year "
        "file's header name, docs/plpg.md) and print the final score, pass/fail per part, the "
        "parts to retake and the reasons. Bad rows go to stderr with line and column (exit 1).",
    )
    parser.add_argument("path", help="the score CSV, or - for stdin")
    parser.add_argument("--year", type=int, default=2017, help="programme year (default 2017)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--lang", choices=("id", "en"), default="id")


def _where(problem: RowProblem, lang: Lang) -> str:
    place = [_label("line", lang, line=problem.line)]
    if problem.column:
        place.append(_label("column", lang, column=problem.column))
    return ", ".join(place)


def _report(source: str, problem: RowProblem, lang: Lang) -> None:
    print(f"{source}: {_where(problem, lang)}: {problem.message.text(lang)}", file=sys.stderr)


def _as_json(params: PlpgParams, row: ScoreRow, outcome: Outcome, lang: Lang) -> bytes:
    data = {
        "line": row.line,
        "participant": row.participant,
        "name": row.name,
        "year": params.year,
        "status": outcome.status.value,
        "final": None if outcome.final is None else str(exact(outcome.final)),
        "parts": [
            {
                "key": part.key,
                "score": None if part.score is None else str(exact(part.score)),
                "pass_mark": None if part.pass_mark is None else str(part.pass_mark),
                "passed": part.passed,
                "shortfall": str(part.shortfall),
            }
            for part in outcome.parts
        ],
        "competencies": {
            c.key: None if c.score is None else str(exact(c.score)) for c in outcome.competencies
        },
        "retake": list(outcome.retake_parts),
        "reasons": [reason.text(lang) for reason in outcome.reasons],
    }
    return _ENCODER.encode(data) + b"\n"


def _as_table(params: PlpgParams, row: ScoreRow, outcome: Outcome, lang: Lang) -> bytes:
    final = "-" if outcome.final is None else number(outcome.final, lang)
    who = f"{row.participant} {row.name}".strip()
    status = _label(f"status.{outcome.status.value}", lang)
    out = [f"{_label('participant', lang)} {who}: {_label('final', lang)} {final} — {status}"]
    for part in outcome.parts:
        score = _label("open", lang) if part.score is None else number(part.score, lang)
        mark = "" if part.pass_mark is None else f" (≥ {number(part.pass_mark, lang)})"
        verdict = _label("pass" if part.passed else "fail", lang) if part.score is not None else ""
        name = params.part(part.key).name(lang)
        out.append(f"  {part.key:<14}{name[:40]:<42}{score:>8}{mark:<10} {verdict}".rstrip())
    if outcome.retake_parts:
        out.append(f"  {_label('retake', lang)}: {', '.join(outcome.retake_parts)}")
    out.append(f"  {_label('reasons', lang)}:")
    out.extend(f"  - {reason.text(lang)}" for reason in outcome.reasons)
    return ("\n".join(out) + "\n\n").encode()


def run_plpg(args: argparse.Namespace, out: IO[bytes], years_dirs: tuple[Path, ...]) -> int:
    """Run `sergur plpg`: 0 every row valid, 1 a bad row or an unusable file."""
    params = plpg_params(args.year, years_dirs)
    lang: Lang = args.lang
    source = "<stdin>" if args.path == "-" else args.path
    counts = {"passed": 0, "retake": 0, "returned": 0, "other": 0, "invalid": 0}
    render = _as_json if args.format == "json" else _as_table
    seen_header = False
    stream = open_input(args.path)
    with stream if args.path != "-" else nullcontext(stream):
        header = peek_header(stream)
        try:
            for line, row in read_csv(stream):
                if not seen_header:
                    seen_header = True
                    missing = header_problems(params, header or row, params.inputs)
                    for problem in missing:
                        _report(source, problem, lang)
                    if missing:
                        print(_label("refused", lang), file=sys.stderr)
                        return 1
                parsed = parse_score_row(params, line, row, params.inputs, required=True)
                if isinstance(parsed, list):
                    counts["invalid"] += 1
                    for problem in parsed:
                        _report(source, problem, lang)
                    continue
                outcome = evaluate(params, parsed.standing)
                status = outcome.status.value
                counts[status if status in counts else "other"] += 1
                out.write(render(params, parsed, outcome, lang))
        except ReadError as exc:
            print(f"{source}: {_label('line', lang, line=exc.line)}: ", end="", file=sys.stderr)
            print(exc.message.text(lang), file=sys.stderr)
            print(_label("refused", lang), file=sys.stderr)
            return 1
    if not seen_header:
        print(f"{source}: {_label('no_rows', lang)}", file=sys.stderr)
        return 1
    out.flush()
    print(_label("summary", lang, **counts), file=sys.stderr)
    return 1 if counts["invalid"] else 0
