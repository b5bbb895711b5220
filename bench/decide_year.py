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
   the filled closed envelope, two assessors' submitted sheets (items 2-5; one sheet in twenty
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
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/sergur_bench_decide"
SETTINGS = "config.settings.test"
DEFAULT_SIZES = (25_000, 100_000, 250_000)
FLUSH = 10_000  # cases generated between COPYs
GENERATED = (
    "assessments_result",
    "assessments_sheet",
    "assessments_allocation",
    "assessments_reconciliation",
    "assessments_batchjob",
    "portfolios_evidence",
    "portfolios_entry",
    "portfolios_envelopeinstrument",
    "cases_caseevent",
    "cases_case",
    "registry_teachingassignment",
    "registry_teacher",
)


# -- the database ---------------------------------------------------------------------------


def database_name(url: str) -> str:
    """The database named in the URL, refused unless it is clearly a benchmark database."""
    name = urllib.parse.urlsplit(url).path.lstrip("/")
    if not re.fullmatch(r"[A-Za-z0-9_]+", name) or "bench" not in name:
        raise SystemExit(f"refusing to create and drop {name!r}: its name must contain 'bench'")
    return name


def _maintenance(url: str) -> psycopg.Connection[Any]:
    parts = urllib.parse.urlsplit(url)
    return psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True)


def create_database(url: str) -> None:
    """Create the benchmark database, dropping a leftover one first."""
    name = database_name(url)
    with _maintenance(url) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(url: str) -> None:
    """Drop the benchmark database."""
    name = database_name(url)
    with _maintenance(url) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def setup_django(url: str) -> None:
    """Django on the benchmark database (in this process)."""
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# -- what is generated ------------------------------------------------------------------------


def base_fixtures() -> dict[str, int]:
    """The registry the cases hang on: a province served by a rayon, a school, two subjects,
    the programme year, an operator and two assessors (the ORM; a handful of rows)."""
    from django.core.management import call_command

    from sergur.accounts.models import User
    from sergur.assessments.models import Assessor
    from sergur.registry.models import Rayon
    from sergur.registry.tests.factories import (
        ProgrammeYearFactory,
        ProvinceFactory,
        SchoolFactory,
        SubjectFactory,
        UserFactory,
    )

    call_command("migrate", verbosity=0)
    province = ProvinceFactory()
    rayon = Rayon.objects.create(code="900", institution="Universitas Contoh")
    rayon.provinces.add(province)
    school = SchoolFactory()
    year = ProgrammeYearFactory()
    maths = SubjectFactory()
    counselling = SubjectFactory(code="991", name="Bimbingan dan Konseling", is_counseling=True)
    operator = UserFactory(username="operator", role=User.Role.OPERATOR, is_superuser=True)
    assessors = []
    for name in ("asesor1", "asesor2"):
        user = UserFactory(username=name, role=User.Role.ASSESSOR, rayon=rayon)
        assessors.append(
            Assessor.objects.create(
                user=user, rayon=rayon, number=f"A-{name}", degree="S2", institution="UNY"
            ).pk
        )
    return {
        "school": school.pk,
        "year": year.pk,
        "maths": maths.pk,
        "counselling": counselling.pk,
        "operator": operator.pk,
        "assessor1": assessors[0],
        "assessor2": assessors[1],
    }


def _rows() -> dict[str, dict[str, str]]:
    from sergur.portfolios.tests.teacher_support import COMPLETE

    return COMPLETE


class Copy:
    """COPY rows into one table, every concrete column; missing values take the model's
    default (or "" for text, now for timestamps, NULL where allowed)."""

    def __init__(self, conn: psycopg.Connection[Any], model: Any) -> None:
        from django.db import models

        self.fields = list(model._meta.concrete_fields)
        self.now = dt.datetime.now(tz=dt.UTC)
        self.fill: list[Any] = []
        for field in self.fields:
            if field.has_default():
                value = field.get_default()
                value = json.dumps(value) if isinstance(field, models.JSONField) else value
            elif isinstance(field, models.DateTimeField):
                value = self.now
            elif field.null:
                value = None
            else:
                value = ""
            self.fill.append(value)
        self.json = {f.attname for f in self.fields if isinstance(f, models.JSONField)}
        columns = sql.SQL(", ").join(sql.Identifier(f.column) for f in self.fields)
        self.statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(model._meta.db_table), columns
        )
        self.conn = conn
        self.rows: list[list[Any]] = []

    def write(self, **values: Any) -> None:
        """One row."""
        row = []
        for field, fill in zip(self.fields, self.fill, strict=True):
            if field.attname in values:
                value = values[field.attname]
                row.append(json.dumps(value) if field.attname in self.json else value)
            else:
                row.append(fill)
        self.rows.append(row)

    def flush(self) -> None:
        """COPY the rows written so far (one COPY at a time on a connection)."""
        with self.conn.cursor() as cursor, cursor.copy(self.statement) as copy:
            for row in self.rows:
                copy.write_row(row)
        self.rows = []


def generate(url: str, n: int, base: dict[str, int], seed: int) -> float:
    """N decided portfolios with COPY; returns the seconds it took."""
    from sergur.assessments.models import Allocation, Result, Sheet
    from sergur.cases.models import Case
    from sergur.portfolios.models import Entry, EnvelopeInstrument, Evidence
    from sergur.registry.models import Teacher, TeachingAssignment

    rng = random.Random(seed)
    complete = _rows()
    started = time.perf_counter()
    with psycopg.connect(url) as conn:
        conn.execute(
            sql.SQL("TRUNCATE {} RESTART IDENTITY CASCADE").format(
                sql.SQL(", ").join(sql.Identifier(t) for t in GENERATED)
            )
        )
        tables = {
            name: Copy(conn, model)
            for name, model in (
                ("teacher", Teacher),
                ("assignment", TeachingAssignment),
                ("case", Case),
                ("entry", Entry),
                ("evidence", Evidence),
                ("envelope", EnvelopeInstrument),
                ("allocation", Allocation),
                ("sheet", Sheet),
                ("result", Result),
            )
        }
        entry_id = 0
        for case_id in range(1, n + 1):
            if case_id % FLUSH == 0:
                for table in tables.values():
                    table.flush()
            counsellor = rng.random() < 0.1
            tables["teacher"].write(
                id=case_id,
                nuptk=f"{7000000000000000 + case_id:016d}",
                name=f"Guru Bench {case_id}, S.Pd.",
                birth_date=dt.date(1960 + case_id % 20, 1 + case_id % 12, 1 + case_id % 28),
                gender="P" if case_id % 2 else "L",
                employment="pns",
                nip=f"{196501011990030000 + case_id:018d}",
                education_level="S1",
                subject_id=base["counselling"] if counsellor else base["maths"],
                special_area=rng.random() < 0.05,
            )
            tables["assignment"].write(
                id=case_id, teacher_id=case_id, school_id=base["school"], weekly_hours=24
            )
            tables["case"].write(
                id=case_id,
                teacher_id=case_id,
                programme_year_id=base["year"],
                state=Case.State.DECIDED,
            )
            rows: list[tuple[str, dict[str, str]]] = [
                ("qualification", complete["qualification"]),
                ("teaching_period", complete["teaching_period"]),
                ("forum", complete["forum"]),
            ]
            if rng.random() < 0.2:
                rows.append(("qualification", {**complete["qualification"], "level": "S2"}))
            for t in range(rng.randint(1, 3)):
                hours = str(rng.choice((20, 40, 60, 100)))
                rows.append(("training", {**complete["training"], "hours": hours, "name": f"D{t}"}))
            if rng.random() < 0.3:
                rows.append(("award", complete["award"]))
            if rng.random() < 0.3:
                rows.append(("organization", complete["organization"]))
            plans = 4 if counsellor else 5
            rows += [
                ("lesson_plan", {**complete["lesson_plan"], "topic": f"T{p}"}) for p in range(plans)
            ]
            positions: dict[str, int] = {}
            for section, values in rows:
                entry_id += 1
                position = positions.get(section, 0)
                positions[section] = position + 1
                tables["entry"].write(
                    id=entry_id,
                    case_id=case_id,
                    section=section,
                    position=position,
                    values=values,
                    complete=True,
                )
                tables["evidence"].write(
                    id=entry_id,
                    case_id=case_id,
                    entry_id=entry_id,
                    file=f"evidence/{case_id}/{entry_id}.pdf",
                    sha256=f"{entry_id:064x}",
                    size=120_000,
                    content_type="pdf",
                    original_name="bukti.pdf",
                    uploaded_by_id=base["operator"],
                )
            tables["envelope"].write(
                id=case_id,
                case_id=case_id,
                variant="subject_teacher",
                observation_items=[rng.randint(3, 5) for _ in range(24)],
                superior_items=[rng.randint(3, 5) for _ in range(10)],
            )
            far_apart = rng.random() < 0.01
            base_item = rng.randint(2, 5)
            for slot in (1, 2):
                allocation_id = 2 * (case_id - 1) + slot
                tables["allocation"].write(
                    id=allocation_id,
                    case_id=case_id,
                    assessor_id=base[f"assessor{slot}"],
                    slot=slot,
                )
                item = (1 if slot == 1 else 5) if far_apart else base_item
                sheet: dict[str, Any] = {
                    "plan_items": [
                        [item if rng.random() < 0.9 else min(5, item + 1) for _ in range(8)]
                        for _ in range(plans)
                    ]
                }
                if rng.random() < 0.05:
                    sheet["overrides"] = {
                        "trainings[0]": {"points": "10", "reason": "Jam pelatihan tidak sesuai"}
                    }
                if rng.random() < 0.02:
                    sheet["doubtful_evidence"] = ["3.a"]
                tables["sheet"].write(
                    id=allocation_id,
                    allocation_id=allocation_id,
                    submitted_at=tables["sheet"].now,
                    code="MPLPG",
                    total=0,
                    **sheet,
                )
            tables["result"].write(
                id=case_id,
                case_id=case_id,
                round=1,
                source=Result.Source.MEAN,
                parts={},
                total=0,
                code="MPLPG",
                decided_at=tables["result"].now,
            )
        for table in tables.values():
            table.flush()
        for name in GENERATED:
            conn.execute(
                sql.SQL(
                    "SELECT setval(pg_get_serial_sequence({}, 'id'), "
                    "coalesce((SELECT max(id) FROM {}), 0) + 1, false)"
                ).format(sql.Literal(name), sql.Identifier(name))
            )
        conn.commit()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


# -- the measured run -------------------------------------------------------------------------


def child(url: str, operator: int, workers: int) -> None:
    """Run the job once (in a fresh process) and print its figures as JSON."""
    import resource

    setup_django(url)
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
        setup_django(url)
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
