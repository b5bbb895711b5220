"""gunicorn on loopback and the HTTP clients that load it: steps 3-5 of
bench/portfolio_pages.py (the server, the users' logins, the timed requests).

It is a helper module of that benchmark, not a benchmark itself.
"""

from __future__ import annotations

import http.client
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from base64 import b32decode
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django_otp.oath import TOTP
from support import ROOT

PASSWORD = "sergur-demo"  # noqa: S105 - the demo district's published password
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


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
    second_factor(port, username, cookies)
    return cookies


def second_factor(port: int, username: str, cookies: dict[str, str]) -> None:
    """Give the demo authenticator's code where the site asks for one (staff logins; a teacher
    without an authenticator is sent on), as a person signing in does."""
    status, headers, body = request(port, "GET", "/accounts/2fa/verify/", cookies=cookies)
    if status != 200:
        return
    token = CSRF_FIELD.search(body.decode())
    if token is None:
        raise SystemExit(f"second factor of {username}: no CSRF token")
    from sergur.demo.twofactor import DEMO_TOTP_SECRET  # read after django.setup()

    code = f"{TOTP(b32decode(DEMO_TOTP_SECRET)).token():06d}"
    form = urllib.parse.urlencode({"code": code, "csrfmiddlewaretoken": token.group(1)})
    status, headers, _body = request(
        port, "POST", "/accounts/2fa/verify/", cookies=cookies, body=form
    )
    cookies.update(set_cookies(headers))
    if status != 302:
        raise SystemExit(f"second factor of {username} failed: HTTP {status}")


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
