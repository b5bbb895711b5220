"""How fast sergur decides the allowance eligibility of a nation's teachers for a semester
(docs/allowance.md, "Speed").

Usage:

    .venv/bin/python bench/allowance_eligibility.py [--count N] [--seed S]
                                                     [--semester 2019-1] [--check K]

The script generates N (default 3,000,000) seeded random teachers' semester loads in columns
(numpy): 1-9 timetable lines each (about 5 on average) over a main school and up to three
others of 60,000 schools, subjects from 40 codes with a linearity table, team-taught classes,
class sizes (some below the year's minimum), additional duties, counsellors, certificate
years, NRG, PKG, permanent posts elsewhere and minister's approvals. Generation is not
timed. It then times, once, `columns.verdicts` for every teacher with the rules in force in
the semester (2019: 16 JP face to face, 40 JP over 3 schools, main duty 12 JP, other duties
up to 6), and prints the time, the teachers per second, the share eligible and the load
codes.

`--check K` (default 20,000) compares the first K teachers' verdict and hours with the
per-teacher reference (`eligibility.evaluate`, which also words every reason) and prints the
agreement and the reference's time per teacher. It asserts nothing. Target (issue 13):
eligibility of 3,000,000 teachers' semester loads in under 30 s.
"""

from __future__ import annotations

import argparse
import os
import time
from decimal import Decimal

import numpy as np

from sergur.rules.allowance.columns import DutyColumns, LineColumns, TeacherColumns, verdicts
from sergur.rules.allowance.eligibility import Facts, evaluate
from sergur.rules.allowance.load import Line, Load
from sergur.rules.allowance.params import EMPLOYERS, PKG_ORDER, allowance_params
from sergur.rules.allowance.semester import parse_semester

LEVELS = ("SD", "SMP", "SMA", "SMK")
SCHOOLS = 60_000


def generate(
    count: int, seed: int, duty_kinds: int
) -> tuple[LineColumns, TeacherColumns, DutyColumns, np.ndarray]:
    """`count` teachers' loads in columns, from a seeded generator."""
    rng = np.random.default_rng(seed)
    subjects = np.arange(100, 260, 4)
    per_teacher = rng.integers(1, 10, count)
    total = int(per_teacher.sum())
    teacher = np.repeat(np.arange(count, dtype=np.int64), per_teacher)
    main_school = rng.integers(0, SCHOOLS, count)
    away = rng.random(total) < 0.2
    school = np.where(away, rng.integers(0, SCHOOLS, total), main_school[teacher])
    certified = rng.choice(subjects, count)
    # Most lines in the certified subject; some in another (linear or not).
    subject = np.where(rng.random(total) < 0.9, certified[teacher], rng.choice(subjects, total))
    may_teach = np.zeros((1000, 1000), dtype=np.bool_)
    may_teach[subjects, np.roll(subjects, 1)] = True
    lines = LineColumns(
        teacher=teacher,
        school=school.astype(np.int64),
        main=school == main_school[teacher],
        subject=subject.astype(np.int64),
        hours=rng.integers(2, 9, total),
        share=np.where(rng.random(total) < 0.05, 50, 100),
        pupils=np.where(rng.random(total) < 0.3, -1, rng.integers(8, 40, total)),
        level=rng.integers(0, len(LEVELS), total),
    )
    teachers = TeacherColumns(
        certificate_year=np.where(rng.random(count) < 0.05, 0, rng.integers(2007, 2020, count)),
        certified_subject=certified.astype(np.int64),
        nrg=rng.random(count) < 0.97,
        pkg=rng.choice(np.arange(-1, len(PKG_ORDER)), count, p=[0.03, 0.01, 0.02, 0.09, 0.6, 0.25]),
        elsewhere=rng.random(count) < 0.01,
        approved=rng.random(count) < 0.01,
        employer=rng.integers(0, len(EMPLOYERS), count),
        counselling=np.where(rng.random(count) < 0.03, rng.integers(50, 200, count), 0),
    )
    with_duty = np.flatnonzero(rng.random(count) < 0.15)
    duties = DutyColumns(
        teacher=with_duty.astype(np.int64),
        kind=rng.integers(0, duty_kinds, with_duty.size),
    )
    return lines, teachers, duties, may_teach


def reference(
    index: int,
    lines: LineColumns,
    starts: np.ndarray,
    teachers: TeacherColumns,
    duty_of: dict[int, list[str]],
    may_teach: np.ndarray,
) -> tuple[Load, Facts]:
    """Teacher `index` as the per-teacher rules read it."""
    rows = range(starts[index], starts[index + 1])
    certified = int(teachers.certified_subject[index])
    main = next((int(lines.school[r]) for r in rows if lines.main[r]), -1)
    load = Load(
        main_school=str(main),
        lines=tuple(
            Line(
                str(int(lines.school[r])),
                str(int(lines.subject[r])),
                int(lines.hours[r]),
                Decimal(int(lines.share[r])) / 100,
                None if lines.pupils[r] < 0 else int(lines.pupils[r]),
                LEVELS[int(lines.level[r])],
            )
            for r in rows
        ),
        duties=tuple(duty_of.get(index, ())),
        counselling_pupils=int(teachers.counselling[index]),
    )
    year = int(teachers.certificate_year[index])
    pkg = int(teachers.pkg[index])
    facts = Facts(
        certificate_year=year or None,
        has_nrg=bool(teachers.nrg[index]),
        certified_subject=str(certified),
        may_teach=frozenset(str(int(s)) for s in np.flatnonzero(may_teach[certified])),
        pkg=PKG_ORDER[pkg] if pkg >= 0 else "",
        employed_elsewhere=bool(teachers.elsewhere[index]),
        approval="1/MPN" if teachers.approved[index] else "",
        employer=EMPLOYERS[int(teachers.employer[index])],
    )
    return load, facts


def main() -> None:
    """Generate, time the columns, compare a sample with the reference, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=3_000_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--semester", default="2019-1")
    parser.add_argument("--check", type=int, default=20_000)
    args = parser.parse_args()
    semester = parse_semester(args.semester)
    params = allowance_params(semester.year)
    started = time.perf_counter()
    lines, teachers, duties, may_teach = generate(args.count, args.seed, len(params.duties))
    print(
        f"generated {args.count:,} teachers, {lines.teacher.size:,} timetable lines, "
        f"{duties.teacher.size:,} duties in {time.perf_counter() - started:.1f} s (not timed)"
    )

    cpu, wall = time.process_time(), time.perf_counter()
    result = verdicts(lines, teachers, duties, may_teach, LEVELS, semester, params)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    eligible = int(result.eligible.sum())
    print(
        f"eligibility of {args.count:,} teachers ({semester.code}, rules of {params.year}): "
        f"{wall:.2f} s wall, {cpu:.2f} s CPU, {args.count / wall:,.0f} teachers/s"
    )
    print(f"eligible: {eligible:,} ({eligible / args.count:.1%})")
    codes = {code: 0 for code, _ in params.load_codes}
    for code, start in params.load_codes:
        higher = [s for _, s in params.load_codes if s > start]
        top = min(higher) * 100 if higher else None
        inside = result.hours >= start * 100
        if top is not None:
            inside &= result.hours < top
        codes[code] = int(inside.sum())
    print("load codes: " + ", ".join(f"{code} {n:,}" for code, n in codes.items()))

    check = min(args.check, args.count)
    if check:
        starts = np.searchsorted(lines.teacher, np.arange(check + 1))
        keys = [d.key for d in params.duties]
        duty_of: dict[int, list[str]] = {}
        for t, k in zip(duties.teacher.tolist(), duties.kind.tolist(), strict=True):
            if t < check:
                duty_of.setdefault(t, []).append(keys[k])
        same = 0
        spent = time.perf_counter()
        for index in range(check):
            load, facts = reference(index, lines, starts, teachers, duty_of, may_teach)
            want = evaluate(load, facts, semester, params)
            same += int(
                want.eligible == bool(result.eligible[index])
                and want.hours == Decimal(int(result.hours[index])) / 100
            )
        per = (time.perf_counter() - spent) / check
        print(
            f"reference (evaluate with worded reasons) on the first {check:,}: {same:,} agree "
            f"({same == check and 'all' or 'NOT all'}); {per * 1e6:.0f} µs per teacher, "
            f"{per * args.count:.0f} s for {args.count:,} on one core"
        )
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
