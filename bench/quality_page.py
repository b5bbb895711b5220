"""The quality-assurance page of a district (docs/quality-assurance.md) over many certified
teachers and years: its SQL queries and its p50/p95 time, in-process with Django's test Client
on PostgreSQL; then the same page narrowed to one of its schools (as the district committee)
and the province's view (as the quality office, whose province is that one district).

    .venv/bin/python bench/quality_page.py [--teachers 10000] [--years 5] [--requests 30] [--keep]

DATABASE_URL names a throw-away database whose name contains "bench" (created and dropped);
default postgres://postgres@127.0.0.1:5432/sergur_qa_bench. Every teacher has a final
core-duty PKG each year with all 84 indicator points (so the below-standard check reads
~84 rows per appraisal), a fifth of them are below standard; 40 working groups of the district
have members, and half of them attend three held meetings a year.
"""

from __future__ import annotations

import argparse
import io
import math
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import support

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/sergur_qa_bench"
FIRST_YEAR = 2026


def _copy(table: str, columns: list[str], rows: Any) -> int:
    """COPY rows (tuples) into `table`; how many."""
    from django.db import connection

    count = 0
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join("\\N" if v is None else str(v) for v in row) + "\n")
        count += 1
    buffer.seek(0)
    with (
        connection.cursor() as cursor,
        cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        while chunk := buffer.read(1 << 20):
            copy.write(chunk)
    return count


def build(teachers: int, years: int) -> tuple[Any, Any, int]:
    """The district, its schools and certified teachers, their appraisals and working groups;
    the district committee's and the quality office's users and the number of indicator
    rows."""
    from django.db import connection
    from django.utils import timezone

    from sergur.accounts.models import User
    from sergur.appraisal.models import Appraisal, IndicatorScore
    from sergur.kkg.models import Attendance, Group, Meeting, Membership, Package
    from sergur.registry.models import (
        District,
        Province,
        School,
        Subdistrict,
        Teacher,
        TeachingAssignment,
    )
    from sergur.rules.appraisal import appraisal_params, decimal, evaluate, instrument

    rng = random.Random(15)  # noqa: S311 - test data, not security
    province = Province.objects.create(code="34", name="DI Yogyakarta")
    district = District.objects.create(province=province, code="02", name="Bantul")
    sub = Subdistrict.objects.create(district=district, code="010", name="Srandakan")
    schools = School.objects.bulk_create(
        School(
            npsn=f"{20400000 + n}",
            name=f"SD Negeri {n} Bantul",
            level="SD",
            status="negeri",
            subdistrict=sub,
        )
        for n in range(1, max(teachers // 100, 1) + 1)
    )
    committee = User.objects.create_user(
        "dinas-bench", role=User.Role.DISTRICT_COMMITTEE, district=district
    )
    office = User.objects.create_user(
        "lpmp-bench", role=User.Role.QUALITY_OFFICE, province=province
    )
    appraiser = User.objects.create_user(
        "kepala-bench", role=User.Role.PRINCIPAL, school=schools[0]
    )
    subject = _subject()
    made = Teacher.objects.bulk_create(_teacher(n, subject) for n in range(teachers))
    TeachingAssignment.objects.bulk_create(
        TeachingAssignment(teacher=t, school=schools[n % len(schools)], weekly_hours=24)
        for n, t in enumerate(made)
    )
    used = instrument("pkg-teacher")
    params = appraisal_params(FIRST_YEAR)
    shapes = []
    for low in ((), ("01",), ("01", "07")):
        for points in (1, 2):
            given = {
                c.key: [0 if c.key in low else points] * c.indicators for c in used.competencies
            }
            result = evaluate(used, given, params, rank="III/a", hours=24)
            shapes.append((given, result))
    now = timezone.now().isoformat()
    appraisal_rows, shape_of = [], []
    for year in range(FIRST_YEAR, FIRST_YEAR + years):
        for n, t in enumerate(made):
            shape = rng.choice([1, 1, 1, 1, 3, 3, 3, 3, 0, 5] if n % 5 else [2, 4, 5])
            given, result = shapes[shape]
            shape_of.append(shape)
            appraisal_rows.append(
                (
                    t.pk,
                    schools[n % len(schools)].pk,
                    year,
                    "pkg-teacher",
                    used.version,
                    appraiser.pk,
                    "final",
                    "III/a",
                    24,
                    "",
                    result.total,
                    decimal(result.score),
                    result.category.code,
                    result.category.npk,
                    len(result.below_standard),
                    min(c.value for c in result.competencies),
                    "0",
                    "",
                    now,
                    now,
                )
            )
    _copy(
        Appraisal._meta.db_table,
        [
            "teacher_id",
            "school_id",
            "year",
            "instrument_key",
            "instrument_version",
            "appraiser_id",
            "state",
            "rank",
            "teaching_hours",
            "monitoring_notes",
            "total",
            "score",
            "category",
            "npk",
            "below_count",
            "lowest_value",
            "credit",
            "objection",
            "created_at",
            "final_at",
        ],
        appraisal_rows,
    )
    pks = list(Appraisal.objects.order_by("pk").values_list("pk", flat=True))
    indicator_rows = _copy(
        IndicatorScore._meta.db_table,
        ["appraisal_id", "competency", "indicator", "points", "evidence"],
        (
            (pk, key, i + 1, p, "")
            for pk, shape in zip(pks, shape_of, strict=True)
            for key, row in shapes[shape][0].items()
            for i, p in enumerate(row)
        ),
    )
    groups = Group.objects.bulk_create(
        Group(
            kind="kkg",
            name=f"KKG Gugus {n + 1}",
            district=district,
            core_school=schools[n % len(schools)],
        )
        for n in range(40)
    )
    members = Membership.objects.bulk_create(
        Membership(
            group=groups[n % 40],
            teacher=t,
            school=schools[n % len(schools)],
            joined_on=f"{FIRST_YEAR}-01-02",
        )
        for n, t in enumerate(made[: teachers // 5 * 4])
    )
    for year in range(FIRST_YEAR, FIRST_YEAR + years):
        packages = Package.objects.bulk_create(
            Package(group=g, year=year, number=1, topic="RPP", output_kind="syllabus")
            for g in groups
        )
        meetings = Meeting.objects.bulk_create(
            Meeting(
                package=p, held_on=f"{year}-02-0{d + 1}", agenda="Pertemuan", attendance_taken=True
            )
            for p in packages
            for d in range(3)
        )
        by_group: dict[int, list[Any]] = {}
        for m in meetings:
            by_group.setdefault(m.package.group_id, []).append(m)
        Attendance.objects.bulk_create(
            (
                Attendance(meeting=m, membership=member)
                for member in members
                if rng.random() < 0.5
                for m in by_group[member.group_id]
            ),
            batch_size=5000,
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return committee, office, indicator_rows


def _subject() -> Any:
    from sergur.registry.models import Subject

    return Subject.objects.order_by("pk").first() or Subject.objects.create(
        code="999", name="Bench"
    )


def _teacher(n: int, subject: Any) -> Any:
    import datetime as dt

    from sergur.registry.models import Teacher

    return Teacher(
        nuptk=f"{1000000000000000 + n:016d}",
        nip=f"{196501011990031000 + n:018d}",
        name=f"Guru Bench {n}, S.Pd.",
        birth_place="Bantul",
        birth_date=dt.date(1965, 1, 1),
        gender=Teacher.Gender.FEMALE,
        employment=Teacher.Employment.PNS,
        rank="III/c",
        subject=subject,
        certified=True,
    )


def _backend_cpu(pid: int) -> float | None:
    """The CPU seconds PostgreSQL backend `pid` has used, when it runs on this machine and is
    still there (its /proc entry), else None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _timed(client: Any, url: str, query: dict[str, str] | None) -> tuple[float, float | None]:
    """One request: its wall time and the CPU time it cost (this process plus its database
    backend; None when the backend's use cannot be read), both in ms. The CPU time is what the
    page would take on an idle machine, whatever the other users of the machine do."""
    from django.db import connection

    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    backend = _backend_cpu(pid)
    cpu = time.process_time()
    began = time.perf_counter()
    client.get(url, query)
    wall = (time.perf_counter() - began) * 1000
    cpu = time.process_time() - cpu
    after = _backend_cpu(pid)
    if backend is None or after is None:
        return wall, None
    return wall, (cpu + after - backend) * 1000


def measure(user: Any, requests: int, label: str, query: dict[str, str] | None = None) -> None:
    """The page's queries and its times as `user` (with `query` in its URL), printed."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(user)
    # Staff sign in with a second factor: mark the session verified, as the code page does.
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    url = reverse("quality:overview")
    began = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        first = client.get(url, query)
    # Read the count now: every request starts by clearing the connection's query log.
    queries = len(captured)
    print(f"first      {(time.perf_counter() - began) * 1000:.0f} ms (cold)", flush=True)
    if first.status_code != 200:
        raise SystemExit(f"{url}: HTTP {first.status_code}")
    times, cpus = [], []
    for _ in range(requests):
        wall, cpu = _timed(client, url, query)
        times.append(wall)
        if cpu is not None:
            cpus.append(cpu)
    times.sort()
    cpus.sort()
    with CaptureQueriesContext(connection) as warm:
        client.get(url, query)
    slowest = sorted(warm.captured_queries, key=lambda q: -float(q["time"]))[:4]
    # Nearest rank: the smallest time at or above 95 % of the requests (the slowest of 5).
    p95 = times[math.ceil(len(times) * 0.95) - 1]
    print(f"page       {url} {label}")
    print(f"queries    {queries}")
    print(
        f"time       p50 {statistics.median(times):.0f} ms, p95 {p95:.0f} ms, "
        f"max {times[-1]:.0f} ms over {requests} requests"
    )
    if cpus:
        print(
            f"cpu        p50 {statistics.median(cpus):.0f} ms, "
            f"p95 {cpus[math.ceil(len(cpus) * 0.95) - 1]:.0f} ms over {len(cpus)} requests "
            "(this process + its PostgreSQL backend)"
        )
    for one in slowest:
        sql = " ".join(one["sql"].split())
        print(f"slowest    {float(one['time']) * 1000:6.0f} ms  {sql[:110]}")


def main(argv: list[str] | None = None) -> int:
    """Set up, measure, print, clean up."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--teachers", type=int, default=10_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the database afterwards (for EXPLAIN ANALYZE in psql); drop it yourself",
    )
    args = parser.parse_args(argv)
    database_url = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    support.database_name(database_url)
    scratch = Path(tempfile.mkdtemp(prefix="sergur-bench-"))
    env = support.bench_env(database_url, scratch)
    print(f"database   {support.shown_url(database_url)}")
    support.create_database(database_url)
    django_ready = False
    try:
        print(f"migrate    {support.manage(env, 'migrate', '--noinput'):.1f} s")
        print(f"static     {support.manage(env, 'collectstatic', '--noinput'):.1f} s")
        support.setup_django(env)
        django_ready = True
        started = time.perf_counter()
        committee, office, indicators = build(args.teachers, args.years)
        print(
            f"data       {time.perf_counter() - started:.1f} s: {args.teachers} certified "
            f"teachers × {args.years} years = {args.teachers * args.years} final appraisals, "
            f"{indicators} indicator points"
        )
        print(f"load       {os.getloadavg()[0]:.2f} (1 min, before measuring)")
        measure(committee, args.requests, "as the district committee")
        from sergur.registry.models import School

        school = School.objects.order_by("pk").first()
        assert school is not None
        measure(
            committee,
            args.requests,
            "?school=<pk> (one school) as the district committee",
            {"school": str(school.pk)},
        )
        measure(office, args.requests, "as the quality office (province)")
        print(f"load       {os.getloadavg()[0]:.2f} (1 min, after measuring)")
    finally:
        if django_ready:
            from django.db import connections

            connections.close_all()
        if args.keep:
            print(f"kept       {support.shown_url(database_url)}")
        else:
            support.drop_database(database_url)
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
