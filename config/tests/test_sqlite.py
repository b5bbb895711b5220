"""The embedded SQLite default under simultaneous writes: with the settings' options (WAL,
IMMEDIATE transactions, a busy timeout) 48 writers at once all succeed; with SQLite's own
defaults the same load answers "database is locked"."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import OperationalError, transaction
from django.db.utils import ConnectionHandler
from pytest_django import DjangoDbBlocker

WRITERS = 48


def _database(path: Path, options: dict[str, Any]) -> dict[str, Any]:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": options,
    }


def _write_at_once(
    path: Path, options: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> tuple[list[str], int]:
    """48 threads, each its own connection, each a transaction that reads and then writes
    (as a service does: check, then insert); the failures and the rows written."""
    handler = ConnectionHandler({"default": _database(path, options)})
    with handler["default"].cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS visit (id INTEGER PRIMARY KEY, n INTEGER)")
    handler["default"].close()
    # transaction.atomic finds its connection through this handler, as the app's does.
    monkeypatch.setattr(transaction, "connections", handler)
    start = threading.Barrier(WRITERS)
    failures: list[str] = []

    def write(number: int) -> None:
        try:
            start.wait()
            with transaction.atomic(), handler["default"].cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM visit")
                time.sleep(0.005)  # the other writers arrive meanwhile
                cursor.execute("INSERT INTO visit (n) VALUES (%s)", [number])
        except OperationalError as exc:
            failures.append(str(exc))
        finally:
            handler["default"].close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with handler["default"].cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM visit")
        (rows,) = cursor.fetchone()
    handler["default"].close()
    return failures, rows


def test_the_embedded_default_uses_wal_immediate_transactions_and_a_busy_timeout() -> None:
    options: dict[str, Any] = settings.SQLITE_OPTIONS
    assert "journal_mode=WAL" in options["init_command"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 10


def test_48_simultaneous_writes_all_succeed_with_the_settings_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, django_db_blocker: DjangoDbBlocker
) -> None:
    with django_db_blocker.unblock():
        failures, rows = _write_at_once(
            tmp_path / "w.sqlite3", settings.SQLITE_OPTIONS, monkeypatch
        )
        handler = ConnectionHandler(
            {"default": _database(tmp_path / "w.sqlite3", settings.SQLITE_OPTIONS)}
        )
        with handler["default"].cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            (mode,) = cursor.fetchone()
        handler["default"].close()

    assert failures == []
    assert rows == WRITERS
    assert mode == "wal"


def test_without_them_the_same_writes_meet_database_is_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, django_db_blocker: DjangoDbBlocker
) -> None:
    # What the embedded default did before: deferred transactions that read, then write.
    with django_db_blocker.unblock():
        failures, rows = _write_at_once(tmp_path / "d.sqlite3", {"timeout": 1}, monkeypatch)

    assert failures
    assert all("locked" in failure for failure in failures)
    assert rows == WRITERS - len(failures)
