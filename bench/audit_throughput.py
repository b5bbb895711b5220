"""How many audit records sergur appends a second (docs/audit.md, "Throughput"): one record a
transaction as a staff action writes it (beside one plain row a transaction, the yardstick),
alone and from several threads at once (a deadline surge), records in bulk as the import
writes them, and how fast `audit_verify` walks the chain.

Usage:

    .venv/bin/python bench/audit_throughput.py [--records 2000] [--bulk 100000]
        [--threads 1,4,8,16]

The database is DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sergur_bench_audit);
the script creates it (dropping a leftover one first), migrates it with `config.settings.bench`
and drops it at the end; its name must contain "bench" (bench/support.py). Each thread has its
own connection; every record goes through `audit_record`, which locks the chain's head row,
so the writers queue on that row: the figures say what the one chain costs under contention.
The chain is verified after each step (a fork would show there). It prints figures only and
asserts nothing; the machine is shared, so the load average is printed with them.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import threading
import time
from pathlib import Path

import support

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/sergur_bench_audit"


def _single(count: int) -> float:
    from sergur.common.audit import Action, audit_record

    started = time.perf_counter()
    for number in range(count):
        audit_record(
            action=Action.CASE_EVENT,
            user=None,
            object_kind="case",
            object_id=number,
            district_id=1,
            detail={"kind": "verified", "from": "submitted", "to": "district_verified"},
        )
    return time.perf_counter() - started


def _plain(count: int) -> float:
    """The yardstick: one plain row a transaction, no chain (what any logged action costs)."""
    from django.db import connection, transaction

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_plain (id bigserial, body text)")
    started = time.perf_counter()
    for number in range(count):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("INSERT INTO bench_plain (body) VALUES (%s)", [str(number)])
    return time.perf_counter() - started


def _threads(count: int, threads: int) -> float:
    from django.db import connection

    each = max(1, count // threads)
    start = threading.Barrier(threads + 1)

    def write() -> None:
        start.wait()
        _single(each)
        connection.close()

    workers = [threading.Thread(target=write) for _ in range(threads)]
    for worker in workers:
        worker.start()
    started = time.perf_counter()
    start.wait()
    for worker in workers:
        worker.join()
    return time.perf_counter() - started


def _bulk(count: int) -> float:
    from django.db import transaction

    from sergur.common.audit import Action, AuditEntry, audit_record_many

    started = time.perf_counter()
    with transaction.atomic():
        for first in range(0, count, 10_000):
            audit_record_many(
                entries=[
                    AuditEntry(
                        action=Action.TEACHER_CHANGED,
                        object_kind="teacher",
                        object_id=str(n),
                        district_id=1,
                        detail={"import": 1},
                    )
                    for n in range(first, min(count, first + 10_000))
                ]
            )
    return time.perf_counter() - started


def _verify() -> tuple[int, int, float]:
    from sergur.common.audit import audit_verify

    started = time.perf_counter()
    count, breaks = audit_verify()
    return count, len(breaks), time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    """Create the database, time each step, print the figures, drop the database."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2000, help="records a timed step")
    parser.add_argument("--bulk", type=int, default=100_000, help="records of the bulk step")
    parser.add_argument("--threads", default="1,4,8,16", help="thread counts to time")
    args = parser.parse_args(argv)
    database_url = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    support.database_name(database_url)
    scratch = Path(tempfile.mkdtemp(prefix="sergur-bench-audit-"))
    env = support.bench_env(database_url, scratch)
    print(f"database   {support.shown_url(database_url)}")
    print(f"load       {' '.join(f'{n:.2f}' for n in os.getloadavg())} (before)")
    support.create_database(database_url)
    try:
        print(f"migrate    {support.manage(env, 'migrate', '--noinput'):.1f} s")
        support.setup_django(env)
        seconds = _plain(args.records)
        print(
            f"plain      {args.records} plain rows, one a transaction: {seconds:.2f} s, "
            f"{args.records / seconds:,.0f} rows/s (yardstick, no chain)"
        )
        seconds = _single(args.records)
        print(
            f"single     {args.records} records, one a transaction: {seconds:.2f} s, "
            f"{args.records / seconds:,.0f} records/s"
        )
        for threads in (int(n) for n in args.threads.split(",")):
            seconds = _threads(args.records, threads)
            total = max(1, args.records // threads) * threads
            print(
                f"threads {threads:>2} {total} records, one a transaction: {seconds:.2f} s, "
                f"{total / seconds:,.0f} records/s"
            )
        seconds = _bulk(args.bulk)
        print(
            f"bulk       {args.bulk} records in one transaction: {seconds:.2f} s, "
            f"{args.bulk / seconds:,.0f} records/s"
        )
        count, breaks, seconds = _verify()
        print(
            f"verify     {count} records, {breaks} breaks: {seconds:.2f} s, "
            f"{count / seconds:,.0f} records/s"
        )
    finally:
        from django.db import connections

        connections.close_all()
        support.drop_database(database_url)
    print(f"load       {' '.join(f'{n:.2f}' for n in os.getloadavg())} (after)")


if __name__ == "__main__":
    main()
