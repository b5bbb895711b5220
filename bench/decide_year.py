"""How long the re-scoring batch takes to decide a whole programme year on PostgreSQL: from
stored entries to stored decisions (issue 4, "Speed").

Usage:

    .venv/bin/python bench/decide_year.py [--sizes 25000,100000,250000] [--seed S]

The database is DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sergur_bench_decide).
The script creates it (dropping a leftover one first) and drops it at the end, also after an
error or Ctrl-C; its name must contain "bench", so that no other database is ever touched.
Then, for every size N (smallest first, the generated tables emptied between sizes):

1. it generates N synthetic decided portfolios with PostgreSQL COPY (seeded `random`): a
   teacher (one in ten a counsellor, one in twenty in a special area) at one school of a
   province the rayon serves, a case in state "decided", 9-14 complete entries with one
   evidence file each (a degree, sometimes a second one, a teaching period, 1-3 trainings, a
   forum, sometimes an award and an organisation, and the 5 — counsellors 4 — lesson plans),
   the filled closed envelope (a counsellor's: component 5 only), two assessors' submitted
   sheets (items 2-5, a counsellor's with their 24-item 4b form; one sheet in twenty
   overrides a training line, one in fifty records doubtful evidence; one case in a hundred
   has sheets far apart) and a current "mean" result whose code and total are stale (as after
   a parameter change), then VACUUM ANALYZE;
2. in a fresh child process (so that its peak memory is the batch's alone) it runs the job
   as the Celery task does — `rescore_run`, the fast path — with `--workers` processes (the
   task's SERGUR_BATCH_WORKERS; its default, and the bench's, is 1), twice:
   - "first": every decision is rewritten (a new result, the old one kept, a RESCORED event;
     the far-apart cases open a reconciliation), the worst case;
   - "again": the same job once more, when nothing changes (the reads and the scoring alone);
3. it prints, per run: portfolios, decisions changed, seconds, portfolios/s, the CPU
   seconds of the job's processes (PostgreSQL's not included; less dependent on what else
   the shared machine runs than the wall clock) and the peak RSS: the child's own plus that
   of its largest worker process (with 2 workers both hold a chunk at once, so the true peak
   may exceed this by one worker's RSS).

It prints figures only and asserts nothing. The target (the issue's words): the whole batch
of a 250,000-portfolio programme year in under 30 seconds on the dev machine.

Its parts: bench/support.py (the database and Django) and bench/decide_generator.py (step 1).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import Any

from decide_generator import base_fixtures, generate
from support import ROOT, create_database, database_name, drop_database, setup_django

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/sergur_bench_decide"
SETTINGS = "config.settings.test"
DEFAULT_SIZES = (25_000, 100_000, 250_000)


def django_on(url: str) -> None:
    """Django on the benchmark database (in this process)."""
    setup_django({"DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": SETTINGS})


# -- the measured run -------------------------------------------------------------------------


def child(url: str, operator: int, workers: int) -> None:
    """Run the job once (in a fresh process) and print its figures as JSON."""
    import resource

    django_on(url)
    from django.utils import timezone

    from sergur.accounts.models import User
    from sergur.assessments.services.batch import batch_start, rescore_run
    from sergur.registry.models import ProgrammeYear

    year = ProgrammeYear.objects.get(year=2007)
    actor = User.objects.get(pk=operator)
    cpu_before = sum(
        u.ru_utime + u.ru_stime
        for u in (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
    )
    started = time.perf_counter()
    job = batch_start(actor=actor, programme_year=year, rayon=None)
    job = rescore_run(job=job, now=timezone.now(), workers=workers)
    seconds = time.perf_counter() - started
    # The job's process, plus the largest of its worker processes (each holds one chunk).
    own, workers_used = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    peak = (own.ru_maxrss + workers_used.ru_maxrss) / 1024
    # CPU seconds of the job's processes (not PostgreSQL's): a figure that depends less on
    # what else the shared machine is doing than the wall-clock seconds.
    cpu = sum(u.ru_utime + u.ru_stime for u in (own, workers_used)) - cpu_before
    print(
        json.dumps(
            {
                "state": job.state,
                "portfolios": job.done,
                "changed": job.changed,
                "seconds": seconds,
                "cpu": cpu,
                "rss_mb": peak,
                "error": job.error[:200],
            }
        )
    )


def run_child(url: str, operator: int, workers: int) -> dict[str, Any]:
    """The job in a child process; its figures."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(operator), "--workers", str(workers)],
        env={**os.environ, "DATABASE_URL": url},
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def load() -> str:
    """The machine's load average (the machine is shared)."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def main(argv: Sequence[str] | None = None) -> None:
    """Generate, run, print; the database is dropped at the end."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in DEFAULT_SIZES))
    parser.add_argument("--seed", type=int, default=2007)
    parser.add_argument(
        "--workers", type=int, default=1, help="processes the job spreads its chunks over"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    url = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    database_name(url)
    if args.child is not None:
        child(url, args.child, args.workers)
        return
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    create_database(url)
    try:
        django_on(url)
        base = base_fixtures()
        from django.db import connection

        connection.close()
        print(
            f"{'portfolios':>10} {'run':>6} {'changed':>8} {'seconds':>8} {'per s':>8} "
            f"{'cpu s':>7} {'peak RSS':>9}  generated in"
        )
        for n in sizes:
            made = generate(url, n, base, args.seed)
            for label in ("first", "again"):
                before = load()
                f = run_child(url, base["operator"], args.workers)
                if f["state"] != "done":
                    print(f"  job {f['state']}: {f['error']}")
                print(
                    f"{f['portfolios']:>10,} {label:>6} {f['changed']:>8,} {f['seconds']:>8.1f} "
                    f"{f['portfolios'] / f['seconds']:>8,.0f} {f['cpu']:>7.1f} "
                    f"{f['rss_mb']:>7.0f} MB  "
                    f"{made:.0f} s  ({before})"
                )
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(url)


if __name__ == "__main__":
    main()
