"""`sergur plan-load DISTRICT.json`: the optimal teaching-load plan for a district and the count
of certified teachers it brings to the minimum (docs/allowance.md, "Teaching-load planner").

The same rules code as the web app's planner page: `sergur.rules.allowance.planner` with the
limits of the programme year (`years/allowance/planner/<year>.toml`), which the options may
override for a what-if. A file that cannot be planned is refused with every problem and its
place on stderr (exit 1).
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import IO

import msgspec

from sergur.cli.csvio import open_input
from sergur.rules.allowance.planner import (
    Plan,
    PlannerError,
    TeacherPlan,
    WhatIf,
    plan,
    what_if,
)
from sergur.rules.allowance.planner_data import DistrictInvalid, parse_district, planner_limits
from sergur.rules.messages import Lang, number

_ENCODER = msgspec.json.Encoder()
DEFAULT_YEAR = 2007

LABELS: dict[str, dict[Lang, str]] = {
    "teacher": {"id": "Guru", "en": "Teacher"},
    "reaches": {
        "id": "+{added} JP → {total} JP (minimum {minimum} JP)",
        "en": "+{added} JP → {total} JP (minimum {minimum} JP)",
    },
    "short": {
        "id": "{total} JP, belum mencapai {minimum} JP",
        "en": "{total} JP, short of {minimum} JP",
    },
    "smallest": {"id": "Perubahan terkecil", "en": "Smallest change"},
    "or": {"id": "atau", "en": "or"},
    "optimal": {"id": "terbukti optimal", "en": "proven optimal"},
    "not_optimal": {
        "id": "BELUM terbukti optimal (gap {gap})",
        "en": "NOT proven optimal (gap {gap})",
    },
    "travel": {
        "id": "perjalanan {km} km, {schools} sekolah tambahan, {parts} bagian",
        "en": "travel {km} km, {schools} other school(s), {parts} part(s)",
    },
    "what_if": {
        "id": "Bagaimana jika minimum {hours} JP untuk sekolah dengan kurang dari {pupils} "
        "peserta didik: {now} → {then} guru mencapai minimum (+{more}).",
        "en": "What if the minimum were {hours} JP for schools under {pupils} pupils: "
        "{now} → {then} teachers at their minimum (+{more}).",
    },
    "refused": {
        "id": "sergur plan-load: berkas tidak dapat dipakai",
        "en": "sergur plan-load: the file cannot be used",
    },
}


def _label(key: str, lang: Lang, **values: object) -> str:
    return LABELS[key][lang].format(**values)


def add_plan_load_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`sergur plan-load DISTRICT.json`: the optimal plan and the count it brings to the
    minimum."""
    parser = commands.add_parser(
        "plan-load",
        help="plan extra teaching hours in other schools for teachers short of the minimum",
        description="Read a district file (schools with coordinates and pupils, certified "
        "teachers with their main-school hours and subjects, open class-subject hours; "
        "docs/allowance.md) and print the optimal plan: most teachers brought to the weekly "
        "minimum, then least travel, then fewest schools; for the others the smallest change "
        "that would bring them there.",
    )
    parser.add_argument("path", help="the district JSON file, or - for stdin")
    parser.add_argument("--year", type=int, help="programme year of the limits (default: the "
                        "file's semester, else 2007)")  # fmt: skip
    parser.add_argument("--min-hours", type=int, help="weekly minimum (default: the year's)")
    parser.add_argument("--max-km", type=float, help="farthest school (default: the year's)")
    parser.add_argument("--max-schools", type=int, help="schools per teacher, main included")
    parser.add_argument("--what-if-pupils", type=int, help="what if schools under N pupils...")
    parser.add_argument("--what-if-hours", type=int, help="...had this minimum")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--lang", choices=("id", "en"), default="id")


def _teacher_json(tp: TeacherPlan, lang: Lang) -> dict[str, object]:
    return {
        "teacher": tp.teacher.key,
        "school": tp.teacher.school,
        "hours": tp.teacher.hours,
        "minimum": tp.minimum,
        "reaches": tp.reaches,
        "hours_added": tp.hours_added,
        "travel_km": round(tp.travel_km, 1),
        "assignments": [
            {
                "open_hours": a.slot.key,
                "school": a.slot.school,
                "class": a.slot.klass,
                "subject": a.slot.subject,
                "hours": a.slot.hours,
                "km": a.km,
            }
            for a in tp.assignments
        ],
        "fixes": [{"kind": fix.kind.value, "text": fix.message.text(lang)} for fix in tp.fixes],
    }


def _as_json(result: Plan, answer: WhatIf | None, lang: Lang) -> bytes:
    data: dict[str, object] = {
        "short": result.short,
        "reached": result.reached,
        "already": result.already,
        "travel_km": result.travel_tenths / 10,
        "schools": result.schools,
        "parts": result.parts,
        "optimal": result.optimal,
        "gap": result.gap if math.isfinite(result.gap) else None,
        "summary": result.reasons[0].text(lang),
        "teachers": [_teacher_json(tp, lang) for tp in result.teachers],
    }
    if answer is not None:
        data["what_if"] = {
            "pupils_below": answer.pupils_below,
            "min_hours": answer.min_hours,
            "reached_now": answer.reached_now,
            "reached_then": answer.reached_then,
        }
    return _ENCODER.encode(data) + b"\n"


def _as_table(result: Plan, answer: WhatIf | None, lang: Lang) -> bytes:
    out: list[str] = []
    for tp in result.teachers:
        subjects = "/".join(tp.teacher.subjects)
        head = f"{_label('teacher', lang)} {tp.teacher.key} ({tp.teacher.school}, {subjects})"
        if tp.reaches:
            total = tp.teacher.hours + tp.hours_added
            out.append(f"{head}: " + _label(
                "reaches", lang, added=tp.hours_added, total=total, minimum=tp.minimum
            ))  # fmt: skip
            for a in tp.assignments:
                km = number(Decimal(str(a.km)), lang)
                out.append(
                    f"  {a.slot.school:<12} {a.slot.klass:<10} {a.slot.subject:<6} "
                    f"{a.slot.hours:>2} JP  {km} km"
                )
        else:
            status = _label("short", lang, total=tp.teacher.hours, minimum=tp.minimum)
            out.append(f"{head}: {status}")
            first, *others = tp.fixes
            out.append(f"  {_label('smallest', lang)}: {first.message.text(lang)}")
            out.extend(f"  {_label('or', lang)}: {fix.message.text(lang)}" for fix in others)
    out.append("")
    out.append(result.reasons[0].text(lang))
    proof = (
        _label("optimal", lang)
        if result.optimal
        else _label("not_optimal", lang, gap=f"{result.gap:g}")
    )
    km = number(Decimal(result.travel_tenths) / 10, lang)
    travel = _label("travel", lang, km=km, schools=result.schools, parts=result.parts)
    out.append(f"{proof}; {travel}")
    if answer is not None:
        out.append(
            _label(
                "what_if",
                lang,
                hours=answer.min_hours,
                pupils=answer.pupils_below,
                now=answer.reached_now,
                then=answer.reached_then,
                more=answer.more,
            )
        )
    return ("\n".join(out) + "\n").encode()


def run_plan_load(args: argparse.Namespace, out: IO[bytes], years_dirs: tuple[Path, ...]) -> int:
    """Run `sergur plan-load`: 0 planned, 1 the file cannot be planned."""
    lang: Lang = args.lang
    source = "<stdin>" if args.path == "-" else args.path
    stream = open_input(args.path)
    with stream:
        raw = stream.read()
    try:
        district = parse_district(raw)
    except DistrictInvalid as exc:
        for problem in exc.problems:
            print(f"{source}: {problem.text(lang)}", file=sys.stderr)
        print(_label("refused", lang), file=sys.stderr)
        return 1
    semester = district.semester[:4]
    year = args.year or (int(semester) if semester.isdigit() else DEFAULT_YEAR)
    limits = planner_limits(year, years_dirs)
    limits = replace(
        limits,
        min_hours=args.min_hours or limits.min_hours,
        max_km=limits.max_km if args.max_km is None else args.max_km,
        max_schools=args.max_schools or limits.max_schools,
    )
    try:
        result = plan(district, limits)
        answer = None
        if args.what_if_pupils is not None and args.what_if_hours is not None:
            answer = what_if(
                district, limits, pupils_below=args.what_if_pupils, min_hours=args.what_if_hours
            )
    except PlannerError as exc:
        print(f"sergur plan-load: {exc}", file=sys.stderr)
        return 1
    render = _as_json if args.format == "json" else _as_table
    out.write(render(result, answer, lang))
    return 0
