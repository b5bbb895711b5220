"""`sergur credits TEACHER.json`: a teacher's PKB credit balance towards the next rank, what is
missing and which activities would close it (docs/pkb.md, "The command line").

The same rules code as the web app (`sergur.rules.development`): the file names the rank held,
the credits from appraisal and supporting elements, and the PKB activities; the command adds
up what each activity earns and prints the balance of the step out of the rank.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path
from typing import IO, Literal

import msgspec

from sergur.rules.development import (
    ASSESSED,
    Balance,
    DevelopmentParams,
    Earned,
    Kind,
    activity_credit,
    balance,
    development_params,
)
from sergur.rules.kkg import KkgParams, kkg_params
from sergur.rules.messages import Lang, number

KindName = Literal[
    "training", "kkg_package", "collective", "publication", "innovative_work", "presentation"
]


class Activity(msgspec.Struct, forbid_unknown_fields=True):
    """One PKB activity of the file: `count` of the same kind (e.g. 4 KKG packages)."""

    kind: KindName
    title: str = ""
    hours: int = 0
    key: str = ""
    credit: Decimal | None = None
    count: int = 1


class Credits(msgspec.Struct, forbid_unknown_fields=True):
    """Credits earned outside PKB activities since reaching the rank."""

    pk: Decimal = Decimal(0)
    supporting: Decimal = Decimal(0)


class Teacher(msgspec.Struct, forbid_unknown_fields=True):
    """The input file: the rank held, the year, the credits and the activities."""

    rank: str
    year: int = 2013
    name: str = ""
    credits: Credits = msgspec.field(default_factory=Credits)
    activities: list[Activity] = msgspec.field(default_factory=list)


LABELS: dict[str, dict[Lang, str]] = {
    "step": {"id": "Kenaikan {from_rank} → {to_rank}", "en": "Promotion {from_rank} → {to_rank}"},
    "top": {"id": "{rank} adalah pangkat tertinggi.", "en": "{rank} is the top rank."},
    "head": {
        "id": "Unsur|Perlu|Diperoleh|Terhitung|Kurang",
        "en": "Element|Needed|Earned|Counted|Missing",
    },
    "total": {"id": "Jumlah", "en": "Total"},
    "percent": {"id": "Kemajuan: {percent} %", "en": "Progress: {percent} %"},
    "ready": {"id": "Syarat angka kredit terpenuhi.", "en": "The credit requirements are met."},
    "missing": {"id": "Yang kurang:", "en": "What is missing:"},
    "close": {"id": "Kegiatan yang menutup kekurangan:", "en": "Activities that would close it:"},
    "element.pk": {"id": "PK guru", "en": "Appraisal"},
    "element.pd": {"id": "PD", "en": "Self-dev."},
    "element.pi_ki": {"id": "PI/KI", "en": "PI/KI"},
    "element.supporting": {"id": "Penunjang", "en": "Supporting"},
    "kind.training": {
        "id": "{count} × diklat fungsional ≥ {hours} jam ({credit})",
        "en": "{count} × functional training of ≥ {hours} h ({credit})",
    },
    "kind.kkg_package": {
        "id": "{count} paket KKG/MGMP ({credit})",
        "en": "{count} KKG/MGMP package(s) ({credit})",
    },
    "kind.collective": {
        "id": "{count} × {name} ({credit})",
        "en": "{count} × {name} ({credit})",
    },
    "kind.publication": {
        "id": "publikasi ilmiah senilai {credit}",
        "en": "publications worth {credit}",
    },
    "kind.innovative_work": {
        "id": "karya inovatif senilai {credit}",
        "en": "innovative works worth {credit}",
    },
    "kind.presentation": {"id": "satu presentasi ilmiah", "en": "one scientific presentation"},
    "unknown_rank": {
        "id": "sergur credits: pangkat {rank} tidak ada dalam tabel ({ranks})",
        "en": "sergur credits: rank {rank} is not in the table ({ranks})",
    },
    "unknown_key": {
        "id": "sergur credits: kegiatan kolektif {key} tidak dikenal ({keys})",
        "en": "sergur credits: unknown collective activity {key} ({keys})",
    },
}


def _label(code: str, lang: Lang, **values: object) -> str:
    return LABELS[code][lang].format(**values)


def add_credits_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`sergur credits TEACHER.json`: the balance towards the next rank."""
    parser = commands.add_parser(
        "credits",
        help="print a teacher's PKB credit balance towards the next rank and what is missing",
        description="Read a teacher file (rank, year, credits from appraisal and supporting "
        "elements, PKB activities; docs/pkb.md) and print the balance of the step out of the "
        "rank: needed, earned, counted and missing per element, what is missing and which "
        "activities would close it. Exit 0 ready for promotion, 1 not yet, 2 unusable file.",
    )
    parser.add_argument("path", help="the teacher .json file, or - for stdin")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--lang", choices=("id", "en"), default="id")


class Unusable(ValueError):
    """The teacher file cannot be used; the text says why."""


def read_teacher(data: bytes) -> Teacher:
    """The decoded teacher file; a bad one raises `Unusable` naming the field."""
    try:
        return msgspec.json.decode(data, type=Teacher)
    except msgspec.ValidationError as exc:
        raise Unusable(f"sergur credits: {exc}") from exc
    except msgspec.DecodeError as exc:
        raise Unusable(f"sergur credits: not JSON: {exc}") from exc


def earned_of(
    teacher: Teacher, dev: DevelopmentParams, kkg: KkgParams, lang: Lang = "en"
) -> Earned:
    """The credits of the file per element, each activity valued by the rules."""
    earned = Earned(pk=teacher.credits.pk, supporting=teacher.credits.supporting)
    keys = [item.key for item in dev.collective]
    for activity in teacher.activities:
        kind = Kind(activity.kind)
        if kind is Kind.COLLECTIVE and activity.key not in keys:
            raise Unusable(_label("unknown_key", lang, key=activity.key, keys=", ".join(keys)))
        result = activity_credit(
            kind,
            dev=dev,
            kkg=kkg,
            hours=activity.hours,
            key=activity.key,
            assessed=activity.credit if kind in ASSESSED else None,
        )
        earned = earned.add(result.element, result.credit * max(activity.count, 0))
        if kind is Kind.PRESENTATION and result.credit > 0:
            earned = Earned(
                pk=earned.pk,
                pd=earned.pd,
                pi_ki=earned.pi_ki,
                supporting=earned.supporting,
                presentation=True,
            )
    return earned


def _suggestion_text(result: Balance, dev: DevelopmentParams, lang: Lang) -> list[str]:
    lines = []
    for item in result.suggestions:
        name = dev.collective_activity(item.key).name(lang) if item.key else ""
        lines.append(
            _label(
                f"kind.{item.kind.value}",
                lang,
                count=item.count,
                hours=item.hours,
                credit=number(item.credit, lang),
                name=name,
            )
        )
    return lines


def _as_table(teacher: Teacher, result: Balance, dev: DevelopmentParams, lang: Lang) -> str:
    step = result.step
    out = [
        (teacher.name + ": " if teacher.name else "")
        + _label("step", lang, from_rank=step.from_rank, to_rank=step.to_rank)
    ]
    first, *rest = _label("head", lang).split("|")
    out.append(f"{first:<12}" + "".join(f"{cell:>10}" for cell in rest))
    for line in result.lines:
        cells = (line.needed, line.earned, line.counted, line.missing)
        out.append(
            f"{_label('element.' + line.element.value, lang):<12}"
            + "".join(f"{number(value, lang):>10}" for value in cells)
        )
    total = (step.akk, result.counted, result.counted, result.missing)
    out.append(
        f"{_label('total', lang):<12}" + "".join(f"{number(value, lang):>10}" for value in total)
    )
    out.append(_label("percent", lang, percent=number(result.percent, lang)))
    out.extend(note.text(lang) for note in result.notes)
    if result.ready:
        out.append(_label("ready", lang))
    else:
        out.append(_label("missing", lang))
        out.extend(f"- {reason.text(lang)}" for reason in result.reasons)
    if result.suggestions:
        out.append(_label("close", lang))
        out.extend(f"- {text}" for text in _suggestion_text(result, dev, lang))
    return "\n".join(out) + "\n"


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _as_json(teacher: Teacher, result: Balance, dev: DevelopmentParams, lang: Lang) -> str:
    step = result.step
    data = {
        "name": teacher.name,
        "from_rank": step.from_rank,
        "to_rank": step.to_rank,
        "needed": _plain(step.akk),
        "counted": _plain(result.counted),
        "missing": _plain(result.missing),
        "percent": _plain(result.percent),
        "ready": result.ready,
        "elements": [
            {
                "element": line.element.value,
                "needed": _plain(line.needed),
                "earned": _plain(line.earned),
                "counted": _plain(line.counted),
                "missing": _plain(line.missing),
            }
            for line in result.lines
        ],
        "reasons": [reason.text(lang) for reason in result.reasons],
        "notes": [note.text(lang) for note in result.notes],
        "suggestions": _suggestion_text(result, dev, lang),
    }
    return msgspec.json.encode(data).decode() + "\n"


def run_credits(args: argparse.Namespace, out: IO[bytes], years_dirs: tuple[Path, ...]) -> int:
    """Run `sergur credits`: 0 ready for promotion (or at the top rank), 1 not yet, 2 the
    file is unusable."""
    lang: Lang = args.lang
    try:
        raw = sys.stdin.buffer.read() if args.path == "-" else Path(args.path).read_bytes()
    except OSError as exc:
        print(f"sergur credits: {args.path}: {exc.strerror}", file=sys.stderr)
        return 2
    try:
        teacher = read_teacher(raw)
        dev = development_params(teacher.year, years_dirs)
        kkg = kkg_params(teacher.year, years_dirs)
        if teacher.rank not in dev.ranks:
            ranks = ", ".join(dev.ranks)
            raise Unusable(_label("unknown_rank", lang, rank=teacher.rank, ranks=ranks))
        earned = earned_of(teacher, dev, kkg, lang)
    except Unusable as exc:
        print(str(exc), file=sys.stderr)
        return 2
    step = dev.step_from(teacher.rank)
    if step is None:
        out.write((_label("top", lang, rank=teacher.rank) + "\n").encode())
        return 0
    result = balance(step, earned, dev=dev, kkg=kkg)
    render = _as_json if args.format == "json" else _as_table
    out.write(render(teacher, result, dev, lang).encode())
    return 0 if result.ready else 1


__all__ = ["Teacher", "add_credits_command", "earned_of", "read_teacher", "run_credits"]
