"""How long the teaching-load planner takes on a synthetic district (docs/allowance.md,
"Teaching-load planner"): 500 junior high schools and 6,000 certified teachers over an area the
size of Kabupaten Muaro Jambi (seed 002), solved to proven optimality (reach, then travel and
schools as one exact weighted objective), part by part.

Usage:

    .venv/bin/python bench/planner.py [--schools 500] [--teachers 6000] [--seed 7]
        [--max-km 15] [--seconds 600] [--what-if] [--json OUT.json]

It prints the instance's size; per stage (reach, then travel and schools) the solver's time,
the parts searched, the largest part searched (short teachers), the largest MIP gap and whether
every part was proven optimal; then overall the wall and CPU time, the parts, the largest part,
the teachers reached, the gap and the proof. `--seconds` is the solver's time limit per stage of
each part (a stage it stops is reported as not proven, with its gap). `--json` also writes the
district in the district-file format (examples/allowance/). It asserts nothing; the machine is
shared, so the load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from pathlib import Path

from sergur.rules.allowance.planner import (
    STAGE_SECONDS,
    District,
    Limits,
    School,
    Slot,
    Teacher,
    plan,
    what_if,
)

# Weekly JP per class of each SMP subject (Kurikulum 2013 grid, rounded); the codes are the
# allowance system's subject codes as in docs/sources/domain.md §5 (097 IPA ...); the others are
# labels for the benchmark only.
SUBJECTS = {
    "097": 5, "MAT": 5, "BIN": 6, "ING": 4, "IPS": 4, "PKN": 3,
    "AGM": 3, "SBD": 3, "PJK": 3, "PRK": 2,
}  # fmt: skip
# A certified subject that is not taught under its own name, and the subject linear to it.
LINEAR = {"190": ("097",), "FIS": ("097",), "GEO": ("IPS",), "SEJ": ("IPS",)}
CLASS_PUPILS = 32


def synthetic(schools: int, teachers: int, seed: int) -> District:
    """A district of `schools` schools and about `teachers` certified teachers."""
    rng = random.Random(seed)
    made: list[School] = []
    for n in range(schools):
        pupils = int(rng.lognormvariate(5.6, 0.6))
        made.append(
            School(
                f"S{n:03}",
                f"SMP {n + 1}",
                round(rng.uniform(-2.0, -1.3), 5),
                round(rng.uniform(103.3, 104.0), 5),
                max(40, min(pupils, 1200)),
            )
        )
    classes = {s.key: max(3, round(s.pupils / CLASS_PUPILS)) for s in made}
    demand = sum(classes.values()) * sum(SUBJECTS.values())
    per_hour = teachers / (demand / 24)  # teachers per 24 JP of demand
    staff: list[Teacher] = []
    slots: list[Slot] = []
    for school in made:
        for subject, jp in SUBJECTS.items():
            groups = [f"{g}" for g in range(classes[school.key])]
            want = classes[school.key] * jp / 24 * per_hour
            count = int(want) + (rng.random() < want - int(want))
            load = [0] * count
            mine: list[list[str]] = [[] for _ in range(count)]
            for group in groups:
                if count == 0 or rng.random() < 0.08:
                    slots.append(
                        Slot(f"{school.key}/{group}/{subject}", school.key, group, subject, jp)
                    )
                    continue
                i = min(range(count), key=load.__getitem__)
                if load[i] + jp > 40:
                    slots.append(
                        Slot(f"{school.key}/{group}/{subject}", school.key, group, subject, jp)
                    )
                    continue
                load[i] += jp
                mine[i].append(group)
            for i in range(count):
                certified, linear = subject, tuple[str, ...]()
                if subject in ("097", "IPS") and rng.random() < 0.3:
                    certified = rng.choice([c for c, to in LINEAR.items() if subject in to])
                    linear = LINEAR[certified]
                staff.append(Teacher(f"T{len(staff):05}", school.key, load[i], certified, linear))
    return District(tuple(made), tuple(staff), tuple(slots))


def _as_json(district: District) -> dict[str, object]:
    return {
        "district": "synthetic",
        "schools": [
            {"id": s.key, "name": s.name, "lat": s.lat, "lon": s.lon, "pupils": s.pupils}
            for s in district.schools
        ],
        "teachers": [
            {
                "id": t.key,
                "school": t.school,
                "hours": t.hours,
                "subject": t.subject,
                "linear": list(t.linear),
            }
            for t in district.teachers
        ],  # fmt: skip
        "open_hours": [
            {
                "id": o.key,
                "school": o.school,
                "class": o.klass,
                "subject": o.subject,
                "hours": o.hours,
            }
            for o in district.slots
        ],  # fmt: skip
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=500)
    parser.add_argument("--teachers", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-km", type=float, default=15.0)
    parser.add_argument("--seconds", type=float, default=STAGE_SECONDS)
    parser.add_argument("--what-if", action="store_true", help="also time a what-if")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    district = synthetic(args.schools, args.teachers, args.seed)
    if args.json:
        args.json.write_text(json.dumps(_as_json(district), indent=1))
    limits = Limits(min_hours=24, max_hours=40, max_schools=3, max_km=args.max_km)
    print(
        f"district: {len(district.schools)} schools, {len(district.teachers)} teachers, "
        f"{len(district.slots)} open class-subjects "
        f"({sum(s.hours for s in district.slots)} JP), max {args.max_km:g} km"
    )
    started, cpu = time.perf_counter(), time.process_time()
    result = plan(district, limits, seconds=args.seconds)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    for stage in result.stages:
        print(
            f"stage {stage.name}: {stage.seconds:.2f} s solver time; {stage.parts} parts "
            f"searched ({stage.proven} proven), largest {stage.largest} teachers; "
            f"gap {stage.gap:g}; "
            f"{'proven optimal' if stage.optimal else 'NOT proven optimal'}"
        )
    print(
        f"plan: {seconds:.2f} s wall, {cpu:.2f} s CPU; {result.parts} parts, largest "
        f"{result.largest} teachers; {result.short} short of 24 JP, {result.reached} brought "
        f"to it, {result.already} already there; travel {result.travel_tenths / 10:.1f} km "
        f"over {result.schools} school links"
    )
    print(
        f"overall: gap {result.gap:g}; "
        f"{'proven optimal' if result.optimal else 'NOT proven optimal'}"
    )
    if args.what_if:
        started, cpu = time.perf_counter(), time.process_time()
        answer = what_if(district, limits, pupils_below=200, min_hours=20, seconds=args.seconds)
        print(
            f"what-if (20 JP under 200 pupils): {answer.reached_now} -> {answer.reached_then} "
            f"in {time.perf_counter() - started:.2f} s wall, "
            f"{time.process_time() - cpu:.2f} s CPU"
        )
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
