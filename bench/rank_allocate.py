"""How fast sergur ranks and allocates a national cohort of teachers (facts.md §4).

Usage:

    .venv/bin/python bench/rank_allocate.py [--count N] [--seed S] [--target T]

The script generates N (default 3,000,000) random teachers with the `random` module (seeded:
two runs with the same seed build the same cohort) spread over 34 provinces, about 500
districts and the school levels SD/SMP/SMA/SMK/SLB; about a third fail some eligibility rule
(mostly below S-1/D-IV, as many teachers were in 2007; also too old, no NUPTK, appointed
after 30 Dec 2005, non-PNS without the permanent years, already certified), and every one of
them gets its reasons built.
To keep generation compact the records reuse shared dates and strings. Generation is not
timed. Then it times, once each, with the 2007 parameters:

  (a) eligibility: `eligibility.check_many` (the batch form of `check`) of every teacher,
      reasons built for every ineligible one;
  (b) counting the eligible per (province, district, level);
  (c) ranking: `ranking.rank` of the eligible in every district × level;
  (d) national allocation: `quota.allocate_nation` of the national target T (default 170,450);
  (e) selection: `quota.select` in every district × level (with the non-PNS minimum share).

It prints the figures and the total, and asserts nothing. Target (the issue): (a)-(e) together
under 10 s for 3,000,000 teachers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import time
from collections import Counter, defaultdict

from sergur.rules.selection import Candidate, Ranked
from sergur.rules.selection.eligibility import check_many
from sergur.rules.selection.params import RANKS, selection_params
from sergur.rules.selection.quota import allocate_nation, select
from sergur.rules.selection.ranking import rank

LEVELS = ("SD", "SD", "SD", "SMP", "SMP", "SMA", "SMK", "SLB")
EDUCATION = ("S1", "S1", "S1", "S1", "D4", "S2", "D3", "D2", "SMA")


def generate(count: int, seed: int) -> list[Candidate]:
    """`count` seeded random teachers; dates and strings come from small shared pools."""
    rng = random.Random(seed)
    births = [dt.date(1945, 1, 1) + dt.timedelta(days=d) for d in range(0, 365 * 38, 3)]
    starts = [dt.date(1970, 1, 1) + dt.timedelta(days=d) for d in range(0, 365 * 37, 5)]
    degrees = [dt.date(1975, 1, 1) + dt.timedelta(days=d) for d in range(0, 365 * 33, 7)]
    regions = [f"{p:02d}{d:02d}" for p in range(1, 35) for d in range(1, rng.randint(6, 25))]
    subjects = [f"{s:03d}" for s in range(100, 260, 4)]
    names = [f"Guru {i}" for i in range(5000)]
    ranks = ("", "", *RANKS)
    out: list[Candidate] = []
    rand = rng.random
    choice = rng.choice
    for i in range(count):
        pns = rand() < 0.6
        start = choice(starts)
        out.append(
            Candidate(
                nuptk="" if rand() < 0.005 else f"{1000000000000000 + i}",
                name=choice(names),
                birth_date=choice(births),
                employment="pns" if pns else "non_pns",
                rank=choice(ranks) if pns or rand() < 0.1 else "",
                has_inpassing=not pns and rand() < 0.1,
                education_level=choice(EDUCATION),
                degree_date=choice(degrees),
                teacher_since=start,
                permanent_since=None if pns else choice(starts),
                service_gap_months=0 if rand() < 0.8 else rng.randint(1, 36),
                teaching_hours=rng.randint(6, 40),
                additional_duty=rng.randint(0, 3),
                achievement=0 if rand() < 0.8 else rng.randint(1, 4),
                certified=rand() < 0.02,
                region=choice(regions),
                school_level=choice(LEVELS),
                subject_code=choice(subjects),
            )
        )
    return out


def main() -> None:
    """Generate, then time eligibility, ranking, allocation and selection."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3_000_000)
    parser.add_argument("--seed", type=int, default=2007)
    parser.add_argument("--target", type=int, default=170_450)
    args = parser.parse_args()
    params = selection_params(2007)

    t = time.perf_counter()
    cohort = generate(args.count, args.seed)
    print(f"generated {len(cohort):,} teachers in {time.perf_counter() - t:.1f} s (not timed)")
    gc.collect()
    gc.freeze()
    gc.disable()

    timings: list[tuple[str, float]] = []
    t0 = time.perf_counter()
    results = check_many(cohort, params)
    eligible = [c for c, result in zip(cohort, results, strict=True) if result.eligible]
    t1 = time.perf_counter()
    timings.append((f"(a) eligibility ({len(eligible):,} of {len(cohort):,} eligible)", t1 - t0))

    groups: dict[tuple[str, str, str], list[Candidate]] = defaultdict(list)
    for c in eligible:
        groups[(c.region[:2], c.region[2:], c.school_level)].append(c)
    counts = {key: len(members) for key, members in groups.items()}
    t2 = time.perf_counter()
    timings.append((f"(b) counting ({len(counts):,} district × level groups)", t2 - t1))

    ranked: dict[tuple[str, str, str], list[Ranked]] = {
        key: rank(members, params) for key, members in groups.items()
    }
    t3 = time.perf_counter()
    timings.append((f"(c) ranking ({sum(map(len, ranked.values())):,} teachers)", t3 - t2))

    quotas = allocate_nation(args.target, counts)
    t4 = time.perf_counter()
    timings.append((f"(d) national allocation (target {args.target:,})", t4 - t3))

    chosen = {key: select(ranked[key], quotas[key], params) for key in ranked}
    t5 = time.perf_counter()
    picked = sum(len(s.selected) for s in chosen.values())
    reasons = Counter(p.reason for s in chosen.values() for p in s.selected)
    timings.append((f"(e) selection ({picked:,} selected; {dict(reasons)})", t5 - t4))

    gc.enable()
    for label, seconds in timings:
        print(f"{label:<78} {seconds:6.2f} s")
    total = t5 - t0
    print(f"{'total (a)-(e)':<78} {total:6.2f} s  (target < 10 s)")
    print(f"{'quota sum':<78} {sum(quotas.values()):,} (national target {args.target:,})")


if __name__ == "__main__":
    main()
