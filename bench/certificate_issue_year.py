"""How long the bulk issuance job takes for a programme year's certificates and NRGs on
PostgreSQL, and how much memory it holds (issue 12, "Speed": 50,000 certificates with bounded
memory).

Usage:

    .venv/bin/python bench/certificate_issue_year.py [--size 50000] [--chunk 500]

The database is DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sergur_bench_cert);
its name must contain "bench". The script creates it (dropping a leftover one), migrates it,
generates `--size` teachers of one school in a province the rayon serves, each with a case
whose current result is a published L (ORM bulk_create), then runs the job in a fresh child
process exactly as the Celery task does (`issue_job_run`: chunk by chunk, every certificate
through `certificate_issue` with its checks, its NRG, its signed QR code and its log entries),
and prints: certificates issued, seconds, certificates/s, the child's CPU seconds and its peak
RSS. It drops the database at the end. It prints figures only and asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from support import ROOT, bench_env, create_database, drop_database, manage, setup_django

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/sergur_bench_cert"
BATCH = 5000


def generate(size: int) -> int:
    """`size` teachers with a published L; returns the rayon admin's id."""
    from django.utils import timezone

    from sergur.accounts.models import User
    from sergur.assessments.models import Result
    from sergur.cases.models import Case
    from sergur.registry.models import (
        District,
        ProgrammeYear,
        Province,
        Rayon,
        School,
        Subdistrict,
        Subject,
        Teacher,
        TeachingAssignment,
    )

    now = timezone.now()
    province = Province.objects.create(code="34", name="DI Yogyakarta")
    district = District.objects.create(province=province, code="02", name="Bantul")
    sub = Subdistrict.objects.create(district=district, code="010", name="Srandakan")
    school = School.objects.create(
        npsn="20400001", name="SMP Negeri 1", level="SMP", status="negeri", subdistrict=sub
    )
    subject = Subject.objects.create(code="180", name="Matematika")
    rayon = Rayon.objects.create(code="115", institution="Universitas Negeri Yogyakarta")
    rayon.provinces.add(province)
    year = ProgrammeYear.objects.create(
        year=2007,
        portfolio_opens=dt.date(2007, 6, 1),
        portfolio_deadline=now,
        envelope_deadline=now,
        service_until=dt.date(2007, 12, 31),
        is_current=True,
    )
    admin = User.objects.create(username="rayon", role=User.Role.RAYON_ADMIN, rayon=rayon)
    for start in range(0, size, BATCH):
        numbers = range(start, min(size, start + BATCH))
        teachers = Teacher.objects.bulk_create(
            Teacher(
                nuptk=f"{n:016d}",
                name=f"Guru Contoh {n}, S.Pd.",
                birth_place="Bantul",
                birth_date=dt.date(1970, 1, 1),
                gender="P",
                employment="non_pns",
                subject=subject,
            )
            for n in numbers
        )
        TeachingAssignment.objects.bulk_create(
            TeachingAssignment(teacher=t, school=school, weekly_hours=24, is_main=True)
            for t in teachers
        )
        cases = Case.objects.bulk_create(
            Case(teacher=t, programme_year=year, state=Case.State.PUBLISHED) for t in teachers
        )
        Result.objects.bulk_create(
            Result(
                case=c,
                round=1,
                source=Result.Source.MEAN,
                parts={},
                total=Decimal(900),
                code="L",
                decided_at=now,
                published_at=now,
            )
            for c in cases
        )
    return admin.pk


def child(admin_id: int, chunk: int) -> None:
    """Run the job once in this fresh process; print its figures as JSON."""
    import resource

    setup_django({})
    from django.utils import timezone

    from sergur.accounts.models import User
    from sergur.certificates.services import issue_job_run, issue_job_start
    from sergur.registry.models import ProgrammeYear

    admin = User.objects.get(pk=admin_id)
    job = issue_job_start(
        actor=admin, programme_year=ProgrammeYear.objects.get(year=2007), rayon=admin.rayon
    )
    wall, cpu = time.perf_counter(), time.process_time()
    job = issue_job_run(job=job, now=timezone.now(), chunk=chunk)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        json.dumps(
            {
                "issued": job.issued,
                "state": job.state,
                "wall": wall,
                "cpu": cpu,
                "peak_mb": peak,
                "error": job.error[:200],
            }
        )
    )


def main() -> None:
    """Create, fill, measure, drop."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--chunk", type=int, default=500)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.chunk)
        return
    url = os.environ.get("DATABASE_URL", DEFAULT_URL)
    scratch = Path(tempfile.mkdtemp(prefix="sergur-bench-cert-"))
    env = bench_env(url, scratch)
    create_database(url)
    try:
        manage(env, "migrate", "--no-input")
        setup_django(env)
        started = time.perf_counter()
        admin = generate(args.size)
        print(f"generated {args.size} published L cases in {time.perf_counter() - started:.1f} s")
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(admin), "--chunk", str(args.chunk)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            sys.stderr.write(done.stderr[-3000:])
            raise SystemExit("the job's process failed")
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        rate = figures["issued"] / figures["wall"]
        print(
            f"issued {figures['issued']} ({figures['state']}) in {figures['wall']:.1f} s: "
            f"{rate:.0f} certificates/s, cpu {figures['cpu']:.1f} s, "
            f"peak RSS {figures['peak_mb']} MB (chunk {args.chunk})"
        )
    finally:
        from django.db import connections

        connections.close_all()
        drop_database(url)


if __name__ == "__main__":
    main()
