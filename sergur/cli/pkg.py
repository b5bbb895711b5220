"""`sergur pkg APPRAISAL.json`: one PKG appraisal's indicator points → per competency the
points, percentage and converted value, the total, the 0-100 score, the category, the NPK and
the yearly credit, every step shown (docs/pkg.md, "The command line").

The same rules code as the web app (`sergur.rules.appraisal`): the instrument named in the file
(`appraisal/instruments/`) and the year's figures (`years/appraisal/`). Points that do not fit
the instrument are listed on stderr with their competency and indicator (exit 1); a file that
cannot be read is exit 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import IO, Any

import msgspec

from sergur.rules.appraisal import (
    PkgResult,
    ScoresError,
    appraisal_params,
    decimal,
    evaluate,
    plain,
)
from sergur.rules.appraisal.instruments import instrument
from sergur.rules.messages import Lang
from sergur.rules.programme import ProgrammeYearError

EXIT_OK, EXIT_INVALID = 0, 1
_ENCODER = msgspec.json.Encoder()

LABELS: dict[str, dict[Lang, str]] = {
    "competency": {"id": "Kompetensi", "en": "Competency"},
    "points": {"id": "Skor", "en": "Points"},
    "percent": {"id": "Persen", "en": "Percent"},
    "value": {"id": "Nilai", "en": "Value"},
    "below": {"id": "di bawah standar", "en": "below standard"},
    "total": {"id": "Jumlah", "en": "Total"},
    "score": {"id": "Nilai PKG (100)", "en": "PKG score (0-100)"},
    "category": {"id": "Sebutan", "en": "Category"},
    "npk": {"id": "NPK", "en": "NPK"},
    "credit": {"id": "Angka kredit per tahun", "en": "Yearly credit (angka kredit)"},
    "no_step": {
        "id": "tidak dihitung: golongan tidak dikenal",
        "en": "not computed: unknown rank",
    },
    "no_hours": {
        "id": "tidak dihitung: jam mengajar tidak diisi",
        "en": "not computed: no teaching hours",
    },
    "no_credit": {
        "id": "instrumen ini tidak menghasilkan angka kredit",
        "en": "this instrument earns no credit",
    },
    "provisional": {
        "id": "catatan: indikator instrumen ini sementara (docs/pkg.md)",
        "en": "note: this instrument's indicators are provisional (docs/pkg.md)",
    },
    "refused": {"id": "sergur pkg: skor tidak sesuai instrumen", "en": "sergur pkg: bad points"},
}


class AppraisalFile(msgspec.Struct, forbid_unknown_fields=True):
    """The input: the instrument, the year, the rank and hours, and the points per competency."""

    points: dict[str, list[int]]
    instrument: str = "pkg-teacher"
    version: int | None = None
    year: int = 2013
    rank: str = ""
    teaching_hours: int | None = None
    teacher: str = ""


def add_pkg_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`sergur pkg APPRAISAL.json`: every step of one PKG result."""
    parser = commands.add_parser(
        "pkg",
        help="compute a PKG appraisal: per competency, total, score, category, NPK, credit",
        description="Read one appraisal (instrument, year, rank, teaching_hours and the "
        "indicator points 0/1/2 per competency, docs/pkg.md; examples/pkg/) and print every "
        "step of the result. Points that do not fit the instrument go to stderr (exit 1).",
    )
    parser.add_argument("path", help="the appraisal JSON file, or - for stdin")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--lang", choices=("id", "en"), default="id")


def _read(path: str) -> AppraisalFile:
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        return msgspec.json.decode(raw, type=AppraisalFile)
    except OSError as exc:
        raise ProgrammeYearError(f"{path}: cannot read: {exc.strerror}") from exc
    except msgspec.DecodeError as exc:
        raise ProgrammeYearError(f"{path}: not an appraisal file: {exc}") from exc


def result_json(data: AppraisalFile, result: PkgResult, lang: Lang) -> dict[str, Any]:
    """Every step as JSON (decimals as strings, exactly as shown)."""
    credit = result.credit
    return {
        "teacher": data.teacher,
        "instrument": {
            "key": result.instrument.key,
            "version": result.instrument.version,
            "name": result.instrument.name(lang),
            "provisional": result.instrument.provisional,
        },
        "competencies": [
            {
                "key": c.competency.key,
                "name": c.competency.name(lang),
                "points": c.points,
                "maximum": c.maximum,
                "percentage": str(decimal(c.percentage)),
                "value": c.value,
                "below_standard": c.below_standard,
            }
            for c in result.competencies
        ],
        "total": result.total,
        "maximum": result.maximum,
        "score": str(decimal(result.score)),
        "score_whole": result.score_whole,
        "category": {"code": result.category.code, "name": result.category.name(lang)},
        "npk": result.category.npk,
        "credit": None
        if credit is None
        else {
            "rank": credit.step.rank,
            "akk": credit.step.akk,
            "akpkb": credit.step.akpkb,
            "akp": credit.step.akp,
            "hours": credit.hours,
            "required_hours": credit.required_hours,
            "hours_ratio": str(plain(credit.hours_ratio)),
            "npk": credit.npk,
            "years_per_step": credit.years_per_step,
            "amount": str(plain(credit.amount)),
        },
        "credit_note": result.credit_note,
    }


def result_table(data: AppraisalFile, result: PkgResult, lang: Lang) -> str:
    """Every step as a plain-text table."""

    def label(key: str) -> str:
        return LABELS[key][lang]

    lines = [f"{result.instrument.name(lang)} (v{result.instrument.version})"]
    if data.teacher:
        lines.append(data.teacher)
    lines.append(
        f"{label('competency'):<52} {label('points'):>7} {label('percent'):>8} {label('value'):>5}"
    )
    for c in result.competencies:
        name = f"{c.competency.key} {c.competency.name(lang)}"[:52]
        flag = f"  {label('below')}" if c.below_standard else ""
        share = f"{c.points}/{c.maximum}"
        lines.append(f"{name:<52} {share:>7} {decimal(c.percentage):>8} {c.value:>5}{flag}")
    lines.append(f"{label('total')}: {result.total}/{result.maximum}")
    lines.append(
        f"{label('score')}: {result.total}/{result.maximum} × 100 = {decimal(result.score)}"
        f" → {result.score_whole}"
    )
    lines.append(f"{label('category')}: {result.category.name(lang)} ({result.category.code})")
    lines.append(f"{label('npk')}: {result.category.npk} %")
    credit = result.credit
    if credit is None:
        lines.append(f"{label('credit')}: {label(result.credit_note)}")
    else:
        step = credit.step
        hours = (
            f" × ({credit.hours}/{credit.required_hours} → {plain(credit.hours_ratio)})"
            if result.instrument.credit == "teaching"
            else ""
        )
        lines.append(
            f"{label('credit')} ({step.rank} → {step.to}): ({step.akk} − {step.akpkb} − "
            f"{step.akp}){hours} × {credit.npk} % / {credit.years_per_step}"
            f" = {plain(credit.amount)}"
        )
    if result.instrument.provisional:
        lines.append(label("provisional"))
    return "\n".join(lines) + "\n"


def run_pkg(args: argparse.Namespace, out: IO[bytes], years_dirs: tuple[Path, ...]) -> int:
    """Compute and print one appraisal; exit 1 for points that do not fit the instrument."""
    lang: Lang = args.lang
    data = _read(args.path)
    used = instrument(data.instrument, data.version, years_dirs)
    params = appraisal_params(data.year, years_dirs)
    try:
        result = evaluate(used, data.points, params, rank=data.rank, hours=data.teaching_hours)
    except ScoresError as exc:
        print(LABELS["refused"][lang], file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_INVALID
    if args.format == "json":
        out.write(_ENCODER.encode(result_json(data, result, lang)) + b"\n")
    else:
        out.write(result_table(data, result, lang).encode())
    return EXIT_OK
