"""The PostgreSQL and Django set-up the benchmarks share: a throw-away database whose name
must contain "bench" (created, dropped), the app's environment, `manage.py` commands and
Django in the benchmark's own process.

It is a helper module, not a benchmark: it prints nothing and has no command line.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import psycopg
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
BENCH_SETTINGS = "config.settings.bench"


# -- the database ---------------------------------------------------------------------------


def database_name(url: str) -> str:
    """The database named in the URL, refused unless it is clearly a benchmark database."""
    name = urllib.parse.urlsplit(url).path.lstrip("/")
    if not re.fullmatch(r"[A-Za-z0-9_]+", name) or "bench" not in name:
        raise SystemExit(f"refusing to create and drop {name!r}: its name must contain 'bench'")
    return name


def shown_url(url: str) -> str:
    """The URL without its user and host, for the printed figures."""
    return urllib.parse.urlsplit(url)._replace(netloc="…").geturl()


def _maintenance(url: str) -> psycopg.Connection[Any]:
    """A connection to the server's `postgres` database, outside any transaction."""
    conninfo = psycopg.conninfo.make_conninfo(url, dbname="postgres")
    return psycopg.connect(conninfo, autocommit=True)


def drop_database(url: str) -> None:
    """Remove the benchmark database (nothing happens if it does not exist)."""
    name = database_name(url)
    with _maintenance(url) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def create_database(url: str) -> None:
    """A fresh, empty benchmark database: a leftover one is dropped first."""
    drop_database(url)
    with _maintenance(url) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database_name(url))))


# -- the app --------------------------------------------------------------------------------


def bench_env(database_url: str, scratch: Path) -> dict[str, str]:
    """The environment of the app: bench settings, the database, files in `scratch`."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE=BENCH_SETTINGS,
        DATABASE_URL=database_url,
        SERGUR_SECRET_KEY="bench-only-" + os.urandom(16).hex(),
        SERGUR_ALLOWED_HOSTS="127.0.0.1",
        SERGUR_SSL_REDIRECT="0",
        SERGUR_MEDIA_ROOT=str(scratch / "media"),
        SERGUR_STATIC_ROOT=str(scratch / "static"),
        SERGUR_SIGNING_KEY_FILE=str(scratch / "signing-key.pem"),
        # Production settings take the receipt key from the environment only.
        SERGUR_SIGNING_KEYS=signing_key_pem(),
    )
    return env


def signing_key_pem() -> str:
    """A fresh Ed25519 signing key (PEM), as `manage.py signing_keys --generate` prints."""
    return (
        Ed25519PrivateKey.generate()
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode("ascii")
    )


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


def setup_django(env: Mapping[str, str]) -> None:
    """Django in this process, with `env` (settings, database) added to the environment."""
    os.environ.update(env)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()
