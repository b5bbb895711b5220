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
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/sergur_bench"
SETTINGS = "config.settings.bench"
PASSWORD = "sergur-demo"  # noqa: S105 - the demo district's published password
SECTION = "training"
EXTRA_ROWS = 80
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


# -- the database ---------------------------------------------------------------------------


def database_name(url: str) -> str:
    """The database named in the URL, refused unless it is clearly a benchmark database."""
    name = urllib.parse.urlsplit(url).path.lstrip("/")
    if not re.fullmatch(r"[A-Za-z0-9_]+", name) or "bench" not in name:
        raise SystemExit(f"refusing to create and drop {name!r}: its name must contain 'bench'")
    return name


def _maintenance(url: str) -> psycopg.Connection[Any]:
    conninfo = psycopg.conninfo.make_conninfo(url, dbname="postgres")
    return psycopg.connect(conninfo, autocommit=True)


def create_database(url: str) -> None:
    """A fresh, empty benchmark database."""
    name = database_name(url)
    with _maintenance(url) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(url: str) -> None:
    """Remove the benchmark database."""
    name = database_name(url)
    with _maintenance(url) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


# -- set-up commands ------------------------------------------------------------------------


def bench_env(database_url: str, scratch: Path) -> dict[str, str]:
    """The environment of the app: bench settings, the database, files in `scratch`."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS,
        DATABASE_URL=database_url,
        SERGUR_SECRET_KEY="bench-only-" + os.urandom(16).hex(),
        SERGUR_ALLOWED_HOSTS="127.0.0.1",
        SERGUR_SSL_REDIRECT="0",
        SERGUR_MEDIA_ROOT=str(scratch / "media"),
        SERGUR_STATIC_ROOT=str(scratch / "static"),
        SERGUR_SIGNING_KEY_FILE=str(scratch / "signing-key.pem"),
    )
    return env


def manage(env: dict[str, str], *args: str) -> float:
    """Run one manage.py command quietly; its duration in seconds."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"manage.py {' '.join(args)} failed")
    return time.perf_counter() - started


# -- queries per page, in-process -----------------------------------------------------------


@dataclass
class QueryRow:
    """The SQL queries of one page for a small and a large portfolio (or school)."""

    page: str
    small: str
    large: str
    small_queries: int | str
    large_queries: int | str
    small_ms: float
    large_ms: float


def _count(client: Any, url: str) -> tuple[int | str, float]:
    """The page's SQL queries, and its median time over 10 requests one after another."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    if response.status_code != 200:
        return f"HTTP {response.status_code}", float("nan")
    # Read the count now: every request starts by clearing the connection's query log.
    count = len(captured)
    times = []
    for _ in range(10):
        began = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - began)
    return count, statistics.median(times) * 1000


def _grow(case: Any, actor: Any, rows: int) -> None:
    """Add `rows` training and forum rows to a draft portfolio, through the service."""
    from sergur.portfolios.services import entry_save

    for number in range(rows):
        if number % 2:
            values = {
                "name": f"Seminar {number}",
                "year": "2005",
                "role": "participant",
                "level": "district",
            }
            entry_save(case=case, section_key="forum", values=values, actor=actor)
        else:
            values = {
                "name": f"Diklat {number}",
                "hours": "30",
                "organizer": "LPMP DIY",
                "year": "2006",
                "level": "province",
                "relevant": "yes",
            }
            entry_save(case=case, section_key="training", values=values, actor=actor)


def measure_queries() -> list[QueryRow]:
    """Queries of the case page, a section page and the principal's list, small and large."""
    from django.db.models import Count
    from django.test import Client

    from sergur.accounts.models import User
    from sergur.cases.models import Case

    drafts = (
        Case.objects.filter(state=Case.State.DRAFT)
        .annotate(rows=Count("entries"))
        .select_related("teacher__user")
        .order_by("rows", "pk")
    )
    small = next(case for case in drafts if case.rows > 0)
    large = drafts.last()
    assert large is not None
    _grow(large, large.teacher.user, EXTRA_ROWS)
    entries = {case.pk: case.entries.count() for case in (small, large)}
    rows = []
    pages = [
        ("teacher's case page", "/cases/{}/"),
        ("section page (training)", "/cases/{}/portfolio/" + SECTION + "/"),
    ]
    for label, pattern in pages:
        counts: list[tuple[int | str, float]] = []
        for case in (small, large):
            client = Client(HTTP_HOST="127.0.0.1")
            assert case.teacher.user is not None
            client.force_login(case.teacher.user)
            counts.append(_count(client, pattern.format(case.pk)))
        rows.append(
            QueryRow(
                label,
                f"{entries[small.pk]} entries",
                f"{entries[large.pk]} entries",
                counts[0][0],
                counts[1][0],
                counts[0][1],
                counts[1][1],
            )
        )
    principals = sorted(
        User.objects.filter(role=User.Role.PRINCIPAL).select_related("school"),
        key=lambda user: Case.objects.filter(
            teacher__assignments__school=user.school, teacher__assignments__is_main=True
        ).count(),
    )
    timed: list[tuple[int | str, float]] = []
    sizes: list[int] = []
    for principal in (principals[0], principals[-1]):
        sizes.append(
            Case.objects.filter(
                teacher__assignments__school=principal.school, teacher__assignments__is_main=True
            ).count()
        )
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(principal)
        timed.append(_count(client, "/cases/"))
    rows.append(
        QueryRow(
            "principal's list (/cases/)",
            f"{sizes[0]} teachers",
            f"{sizes[1]} teachers",
            timed[0][0],
            timed[1][0],
            timed[0][1],
            timed[1][1],
        )
    )
    return rows


# -- gunicorn -------------------------------------------------------------------------------


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def gunicorn(
    env: dict[str, str], port: int, workers: int, threads: int, log: Path
) -> Iterator[None]:
    """gunicorn serving the app on 127.0.0.1:`port` until the block ends."""
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "config.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        "--worker-class=gthread",
        f"--threads={threads}",
        "--timeout=60",
        "--graceful-timeout=5",
        f"--error-logfile={log}",
    ]
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise SystemExit(
                    f"gunicorn stopped at start; see {log}:\n{log.read_text()[-2000:]}"
                )
            try:
                status, _headers, _body = request(port, "GET", "/accounts/login/")
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("gunicorn did not answer within 60 s")
            time.sleep(0.3)
        yield
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# -- HTTP clients ---------------------------------------------------------------------------


def request(
    port: int,
    method: str,
    path: str,
    *,
    cookies: dict[str, str] | None = None,
    body: str | None = None,
    connection: http.client.HTTPConnection | None = None,
) -> tuple[int, list[tuple[str, str]], bytes]:
    """One request on loopback; the status, the headers and the body."""
    conn = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Host": "127.0.0.1"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        return response.status, response.getheaders(), data
    finally:
        if connection is None:
            conn.close()


def set_cookies(headers: list[tuple[str, str]]) -> dict[str, str]:
    """The name=value pairs of the Set-Cookie headers (the Secure flag is ignored: loopback)."""
    found = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            pair = value.split(";", 1)[0]
            key, _, val = pair.partition("=")
            found[key.strip()] = val.strip()
    return found


def login(port: int, username: str) -> dict[str, str]:
    """Sign in as the login form does; the session's cookies."""
    status, headers, body = request(port, "GET", "/accounts/login/")
    cookies = set_cookies(headers)
    token = CSRF_FIELD.search(body.decode())
    if status != 200 or token is None or "csrftoken" not in cookies:
        raise SystemExit(f"login page: HTTP {status}, no CSRF token")
    form = urllib.parse.urlencode(
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token.group(1)}
    )
    status, headers, _body = request(port, "POST", "/accounts/login/", cookies=cookies, body=form)
    cookies.update(set_cookies(headers))
    if status != 302 or "sessionid" not in cookies:
        raise SystemExit(f"login of {username} failed: HTTP {status}")
    return cookies


@dataclass
class Client:
    """One signed-in user and the pages they request in turn."""

    username: str
    cookies: dict[str, str]
    pages: list[tuple[str, str]]  # (page label, path)


@dataclass
class PageStats:
    """What one page answered."""

    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)


def run_load(
    port: int, clients: list[Client], budget: int, seconds: float
) -> tuple[dict[str, PageStats], float]:
    """Every client in its own thread until the request budget or the time is spent."""
    stats: dict[str, PageStats] = {}
    for client in clients:
        for label, _path in client.pages:
            stats.setdefault(label, PageStats())
    lock = threading.Lock()
    issued = 0
    start = time.perf_counter()
    deadline = start + seconds

    def take() -> bool:
        nonlocal issued
        with lock:
            if issued >= budget or time.perf_counter() >= deadline:
                return False
            issued += 1
            return True

    def work(client: Client) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        turn = 0
        while take():
            label, path = client.pages[turn % len(client.pages)]
            turn += 1
            began = time.perf_counter()
            try:
                status, _headers, _body = request(
                    port, "GET", path, cookies=client.cookies, connection=conn
                )
                outcome = "" if status == 200 else f"HTTP {status}"
            except (OSError, http.client.HTTPException) as exc:
                outcome = type(exc).__name__
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            elapsed = time.perf_counter() - began
            with lock:
                if outcome:
                    stats[label].errors[outcome] += 1
                else:
                    stats[label].latencies.append(elapsed)
        conn.close()

    threads = [threading.Thread(target=work, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return stats, time.perf_counter() - start


def percentiles(values: list[float]) -> tuple[float, float, float]:
    """p50, p95 and p99 in milliseconds."""
    if len(values) < 2:
        only = values[0] * 1000 if values else float("nan")
        return only, only, only
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000, cuts[98] * 1000


# -- main -----------------------------------------------------------------------------------


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
    args = parser.parse_args(argv)
    database_url = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    database_name(database_url)
    scratch = Path(tempfile.mkdtemp(prefix="sergur-bench-"))
    env = bench_env(database_url, scratch)
    print(f"database   {urllib.parse.urlsplit(database_url)._replace(netloc='…').geturl()}")
    create_database(database_url)
    django_ready = False
    try:
        print(f"migrate    {manage(env, 'migrate', '--noinput'):.1f} s")
        print(
            f"demo       {manage(env, 'demo_setup', f'--teachers={args.teachers}'):.1f} s "
            f"({args.teachers} teachers)"
        )
        print(f"static     {manage(env, 'collectstatic', '--noinput'):.1f} s")
        os.environ.update(env)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
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
        report(args, stats, wall, query_rows)
    finally:
        if django_ready:
            from django.db import connections

            connections.close_all()
        drop_database(database_url)
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


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
