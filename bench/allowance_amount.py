"""How fast the allowance amount is for a nation, and how long the SKTP and a quarter's payment
run take for one district on PostgreSQL, with their queries and memory (issue 13, "Speed";
docs/allowance.md, "SKTP and payments").

Usage:

    .venv/bin/python bench/allowance_amount.py [--teachers 3000000] [--district 20000]
                                               [--skip-db]

Part 1 (rules core only): `--teachers` random teachers (employment, golongan, MKG; a full
PP-shaped table of 17 golongan x MKG 0-32) through `amounts` (once per distinct key) and, on
the first 100,000, through `amount` one by one; it checks the two agree on those.

Part 2 (unless `--skip-db`): DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/sergur_bench_pay; its name must contain "bench") is created,
migrated and filled with `--district` eligible teachers of one district with pay profiles
(ORM bulk_create); a fresh child process then issues the SKTP (`sktp_run`) and runs Q1
(`run_execute`) twice, as the Celery tasks do, and prints for each: seconds, SQL queries and
the peak RSS. The database is dropped at the end. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from support import ROOT, bench_env, create_database, drop_database, manage, setup_django

sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/sergur_bench_pay"
BATCH = 5000
ON = dt.date(2019, 1, 1)


def nation(size: int) -> None:
    """Part 1: the amount of `size` teachers, through the rules core."""
    from sergur.rules.allowance.amount import (
        GOLONGAN,
        Employment,
        SalaryRow,
        SalaryTable,
        Teacher,
        amount,
        amounts,
        params_for,
    )

    params = params_for(2019)
    rows = tuple(
        SalaryRow(g, m, Decimal(1_500_000 + 100_000 * i + 1_000 * m))
        for i, g in enumerate(GOLONGAN)
        for m in range(0, 33, 2)
    )
    table = SalaryTable("PP-shaped", ON, rows)
    rng = random.Random(13)
    kinds = list(Employment)
    started = time.perf_counter()
    teachers = [
        Teacher(kind, rng.choice(GOLONGAN), rng.randrange(0, 36))
        if (kind := rng.choice(kinds)) is not Employment.NON_PNS
        else Teacher(kind)
        for _ in range(size)
    ]
    made = time.perf_counter() - started
    wall, cpu = time.perf_counter(), time.process_time()
    total = Decimal(0)
    for found in amounts(params, table, teachers, ON):
        total += found.gross or 0
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    sample = teachers[:100_000]
    one_wall = time.perf_counter()
    singles = [amount(params, table, teacher, ON) for teacher in sample]
    one_wall = time.perf_counter() - one_wall
    agree = singles == list(amounts(params, table, sample, ON))
    print(
        f"amount of {size:,} teachers (generated in {made:.1f} s): {wall:.2f} s wall, "
        f"{cpu:.2f} s CPU through `amounts`; gross total Rp {total:,}"
    )
    print(
        f"one by one through `amount`: {one_wall / len(sample) * 1e6:.1f} µs a teacher "
        f"({len(sample):,} teachers); equal to `amounts`: {agree}"
    )


def generate(size: int) -> int:
    """`size` eligible teachers of one district with pay profiles; returns the officer's id."""
    from sergur.accounts.models import User
    from sergur.allowance.models import SemesterEligibility
    from sergur.payments.models import PayProfile
    from sergur.registry.models import (
        District,
        Province,
        School,
        Subdistrict,
        Subject,
        Teacher,
        TeachingAssignment,
    )
    from sergur.rules.allowance.amount import GOLONGAN

    now = dt.datetime(2019, 3, 1, tzinfo=dt.UTC)
    province = Province.objects.create(code="34", name="DI Yogyakarta")
    district = District.objects.create(province=province, code="02", name="Bantul")
    sub = Subdistrict.objects.create(district=district, code="010", name="Srandakan")
    school = School.objects.create(
        npsn="20400001", name="SMP Negeri 1", level="SMP", status="negeri", subdistrict=sub
    )
    subject = Subject.objects.create(code="180", name="Matematika")
    officer = User.objects.create(username="keuangan", role=User.Role.FINANCE, district=district)
    rng = random.Random(7)
    for start in range(0, size, BATCH):
        numbers = range(start, min(size, start + BATCH))
        teachers = Teacher.objects.bulk_create(
            Teacher(
                nuptk=f"{n:016d}",
                nip=f"{196501011990031000 + n:018d}",
                name=f"Guru Contoh {n}, S.Pd.",
                birth_date=dt.date(1970, 1, 1),
                gender="P",
                employment="pns",
                subject=subject,
            )
            for n in numbers
        )
        TeachingAssignment.objects.bulk_create(
            TeachingAssignment(teacher=t, school=school, weekly_hours=24, is_main=True)
            for t in teachers
        )
        SemesterEligibility.objects.bulk_create(
            SemesterEligibility(
                teacher=t,
                semester="2019-1",
                district=district,
                school=school,
                eligible=True,
                hours=Decimal(24),
                funding="dau",
                computed_at=now,
            )
            for t in teachers
        )
        PayProfile.objects.bulk_create(
            PayProfile(
                teacher=t,
                employment="pns",
                golongan=rng.choice(GOLONGAN[8:10]),  # III/a, III/b: rows the excerpt has
                mkg=rng.randrange(0, 20),
                mkg_counted_on=dt.date(2019, 1, 1),
                paid_from=dt.date(2019, rng.choice([1, 1, 1, 2]), 1),
                bank_name="BPD DIY",
                bank_account=f"{n:010d}",
                updated_at=now,
                updated_by=officer,
            )
            for n, t in zip(numbers, teachers, strict=True)
        )
    return officer.pk


def child(officer_id: int) -> None:
    """Issue the SKTP and run Q1 twice in this fresh process; print the figures as JSON."""
    import resource

    setup_django({})
    from django.db import connection

    from sergur.accounts.models import User
    from sergur.payments.services import run_execute, run_start, sktp_run, sktp_start
    from sergur.rules.allowance.payment import Quarter

    officer = User.objects.select_related("district__province").get(pk=officer_id)
    district = officer.district
    assert district is not None  # noqa: S101 - a benchmark of its own data
    count = [0]

    def counting(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        count[0] += 1
        return execute(sql, params, many, context)

    figures: list[dict[str, object]] = []
    now = dt.datetime(2019, 3, 5, tzinfo=dt.UTC)

    def measure(name: str, step: Callable[[], Any]) -> Any:
        count[0] = 0
        wall = time.perf_counter()
        with connection.execute_wrapper(counting):
            result = step()
        seconds = time.perf_counter() - wall
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        figures.append({"step": name, "seconds": seconds, "queries": count[0], "peak_mb": peak})
        return result

    sktp = measure(
        "SKTP",
        lambda: sktp_run(
            sktp=sktp_start(actor=officer, district=district, semester="2019-1", now=now), now=now
        ),
    )
    first = measure(
        "payment run Q1",
        lambda: run_execute(
            run=run_start(actor=officer, district=district, quarter=Quarter(2019, 1), now=now),
            now=now,
        ),
    )
    again = measure(
        "payment run Q1 again",
        lambda: run_execute(
            run=run_start(actor=officer, district=district, quarter=Quarter(2019, 1), now=now),
            now=now,
        ),
    )
    figures[0]["rows"] = sktp.listed
    figures[1]["rows"] = first.entries_count
    figures[2]["rows"] = again.entries_count
    print(json.dumps(figures))


def district_bench(size: int) -> None:
    """Part 2: create, fill, measure in a child process, drop."""
    url = os.environ.get("DATABASE_URL", DEFAULT_URL)
    scratch = Path(tempfile.mkdtemp(prefix="sergur-bench-pay-"))
    env = bench_env(url, scratch)
    create_database(url)
    try:
        manage(env, "migrate", "--no-input")
        setup_django(env)
        started = time.perf_counter()
        officer = generate(size)
        print(f"generated {size:,} eligible teachers in {time.perf_counter() - started:.1f} s")
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(officer)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            sys.stderr.write(done.stderr[-3000:])
            raise SystemExit("the child process failed")
        for step in json.loads(done.stdout.strip().splitlines()[-1]):
            print(
                f"{step['step']}: {step['rows']:,} rows in {step['seconds']:.1f} s, "
                f"{step['queries']:,} queries, peak RSS {step['peak_mb']} MB"
            )
    finally:
        from django.db import connections

        connections.close_all()
        drop_database(url)


def main() -> None:
    """Both parts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teachers", type=int, default=3_000_000)
    parser.add_argument("--district", type=int, default=20_000)
    parser.add_argument("--skip-db", action="store_true")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child)
        return
    nation(args.teachers)
    if not args.skip_db:
        district_bench(args.district)


if __name__ == "__main__":
    main()
