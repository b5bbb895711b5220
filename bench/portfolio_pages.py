"""How fast the portfolio pages answer 50 concurrent users on PostgreSQL behind gunicorn, and
how many SQL queries each page takes as a portfolio grows.

Usage:

    .venv/bin/python bench/portfolio_pages.py [--clients 50] [--requests 6000] [--seconds 60]
                                              [--workers 4] [--threads 4] [--teachers 200]

The database is DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sergur_bench). The
script creates it (dropping a leftover one first), and drops it at the end; its name must
contain "bench", so that a development database is never touched. Then:

1. `manage.py migrate`, `manage.py demo_setup --teachers 200` (the demo district: portfolios in
   every state) and `collectstatic`, with `config.settings.bench`: the production settings
   (DEBUG off, WhiteNoise, hardened cookies) over plain HTTP on 127.0.0.1, files in a
   temporary folder;
2. in this process, with Django's test Client against the same database: the SQL queries of
   the teacher's case page and a section page for a teacher with few entries and for one with
   many (80 rows are added to the fullest portfolio through `entry_save`), and of the
   principal's list for a small and a large school;
3. gunicorn on 127.0.0.1 (a free port, `--workers` processes of `--threads` threads);
4. 50 users log in (POST /accounts/login/ with the CSRF token): four in five are teachers, the
   rest principals;
5. 50 client threads (http.client, loopback only) request, until `--requests` requests or
   `--seconds` seconds are spent, whichever comes first: teachers their case page and the
   training table alternately, principals the case list (/cases/). Each page's requests,
   errors, p50/p95/p99 latency and requests per second are printed;
6. gunicorn is stopped and the database dropped, also after an error or Ctrl-C.

It prints figures only and asserts nothing. The targets (issue 3, "Speed"): p95 latency of the
pages under 50 concurrent users, and queries per page that do not grow with the entries.

Its parts: bench/support.py (the database, the settings, `manage.py`), bench/pages_queries.py
(step 2) and bench/pages_load.py (steps 3-5).
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import support
from pages_load import Client, PageStats, free_port, gunicorn, login, percentiles, run_load
from pages_queries import SECTION, QueryRow, measure_queries

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/sergur_bench"


def pick_users(clients: int) -> list[Client]:
    """Teachers (four in five) with their case and section pages, and principals."""
    from sergur.accounts.models import User
    from sergur.cases.models import Case

    principals_wanted = max(1, clients // 5)
    principals = list(
        User.objects.filter(role=User.Role.PRINCIPAL).order_by("username")[:principals_wanted]
    )
    cases = list(
        Case.objects.select_related("teacher__user").order_by("pk")[: clients - len(principals)]
    )
    picked = [
        Client(
            case.teacher.user.username,
            {},
            [
                ("teacher's case page", f"/cases/{case.pk}/"),
                ("section page (training)", f"/cases/{case.pk}/portfolio/{SECTION}/"),
            ],
        )
        for case in cases
        if case.teacher.user is not None
    ]
    picked += [
        Client(user.username, {}, [("principal's list (/cases/)", "/cases/")])
        for user in principals
    ]
    return picked


def main(argv: list[str] | None = None) -> int:
    """Set up, measure, print, clean up."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=6000, help="request budget")
    parser.add_argument("--seconds", type=float, default=60.0, help="time limit of the load")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    parser.add_argument("--teachers", type=int, default=200)
    parser.add_argument(
        "--alone-seconds",
        type=float,
        default=20.0,
        help="then each of the trivial view, the case page and the section page alone (0: skip)",
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
        print(
            f"demo       {support.manage(env, 'demo_setup', f'--teachers={args.teachers}'):.1f} s "
            f"({args.teachers} teachers)"
        )
        print(f"static     {support.manage(env, 'collectstatic', '--noinput'):.1f} s")
        support.setup_django(env)
        django_ready = True
        query_rows = measure_queries()
        clients = pick_users(args.clients)
        port = free_port()
        log = scratch / "gunicorn.log"
        with gunicorn(env, port, args.workers, args.threads, log):
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=8) as pool:
                sessions = list(pool.map(lambda c: login(port, c.username), clients))
            for client, cookies in zip(clients, sessions, strict=True):
                client.cookies = cookies
            print(f"login      {time.perf_counter() - started:.1f} s ({len(clients)} users)")
            stats, wall = run_load(port, clients, args.requests, args.seconds)
            alone = run_alone(port, clients, args.alone_seconds) if args.alone_seconds else []
        report(args, stats, wall, query_rows)
        report_alone(args, alone)
    finally:
        if django_ready:
            from django.db import connections

            connections.close_all()
        support.drop_database(database_url)
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


TRIVIAL = ("trivial view", "/bench/trivial/")


def run_alone(
    port: int, clients: list[Client], seconds: float
) -> list[tuple[str, PageStats, float]]:
    """All clients on one page at a time, each for `seconds`: the trivial view (the stack's
    own cost, config/urls_bench.py), then each teacher's case page, then their section page.
    In the mixed load every page is asked equally often, so only this tells throughput apart."""
    teachers = [client for client in clients if len(client.pages) == 2]
    phases: list[tuple[str, list[Client]]] = [
        (TRIVIAL[0], [Client(c.username, c.cookies, [TRIVIAL]) for c in clients]),
        *(
            (
                teachers[0].pages[n][0],
                [Client(c.username, c.cookies, [c.pages[n]]) for c in clients if c in teachers],
            )
            for n in (0, 1)
        ),
    ]
    results = []
    for label, phase_clients in phases:
        stats, wall = run_load(port, phase_clients, 10**9, seconds)
        results.append((label, stats[label], wall))
    return results


def report_alone(args: argparse.Namespace, results: list[tuple[str, PageStats, float]]) -> None:
    """Each page alone: latency, throughput, and throughput as a share of the trivial view's."""
    if not results:
        return
    print()
    print(f"each page alone ({args.alone_seconds:.0f} s each; clients as in the load above):")
    columns = ("requests", "errors", "p50 ms", "p95 ms", "req/s", "x trivial")
    header = f"{'page':<28}" + "".join(f"{name:>10}" for name in columns)
    print(header)
    print("-" * len(header))
    yardstick = None
    for label, page, wall in results:
        done = len(page.latencies) + sum(page.errors.values())
        rate = len(page.latencies) / wall
        yardstick = yardstick or rate
        p50, p95, _p99 = percentiles(page.latencies)
        print(
            f"{label:<28}{done:>10}{sum(page.errors.values()):>10}{p50:>10.1f}{p95:>10.1f}"
            f"{rate:>10.1f}{rate / yardstick:>10.2f}"
        )


def report(
    args: argparse.Namespace, stats: dict[str, PageStats], wall: float, query_rows: list[QueryRow]
) -> None:
    """Print the figures."""
    print()
    print(
        f"load: {args.clients} concurrent clients, gunicorn {args.workers} workers x "
        f"{args.threads} threads, {wall:.1f} s (budget {args.requests} requests / "
        f"{args.seconds:.0f} s)"
    )
    columns = ("requests", "errors", "p50 ms", "p95 ms", "p99 ms", "req/s")
    header = f"{'page':<28}" + "".join(f"{name:>9}" for name in columns)
    print(header)
    print("-" * len(header))
    everything = PageStats()
    for page in stats.values():
        everything.latencies += page.latencies
        everything.errors.update(page.errors)
    for label, page in [*stats.items(), ("all pages", everything)]:
        done = len(page.latencies) + sum(page.errors.values())
        p50, p95, p99 = percentiles(page.latencies)
        print(
            f"{label:<28}{done:>9}{sum(page.errors.values()):>9}{p50:>9.1f}{p95:>9.1f}"
            f"{p99:>9.1f}{done / wall:>9.1f}"
        )
    for label, page in stats.items():
        if page.errors:
            print(f"  errors on {label}: {dict(page.errors)}")
    print()
    print("SQL queries per page (in-process, Django test Client, same database; ms: median of")
    print("10 requests one after another, measured before the load test):")
    print(f"{'page':<28}{'small':>14}{'queries':>9}{'ms':>7}{'large':>14}{'queries':>9}{'ms':>7}")
    for row in query_rows:
        print(
            f"{row.page:<28}{row.small:>14}{row.small_queries!s:>9}{row.small_ms:>7.1f}"
            f"{row.large:>14}{row.large_queries!s:>9}{row.large_ms:>7.1f}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
