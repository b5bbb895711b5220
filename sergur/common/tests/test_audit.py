"""The audit trail's chain: written in order, verified, and every kind of tampering found."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import sys
import threading

import pytest
from django.core.management import call_command
from django.db import close_old_connections, connection, connections, transaction
from django.test import RequestFactory

from sergur.common.audit import (
    COPY_FROM,
    GENESIS,
    Action,
    AuditEntry,
    audit_head,
    audit_record,
    audit_record_many,
    audit_verify,
    record_hash,
    request_address,
)
from sergur.common.logs import JsonLinesFormatter
from sergur.common.models import AuditHead, AuditRecord
from sergur.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 12, 7, 3, 0, tzinfo=dt.UTC)


def _write(count: int) -> list[AuditRecord]:
    return audit_record_many(
        entries=[
            AuditEntry(action=Action.DOWNLOAD, object_kind="case", object_id=str(n))
            for n in range(count)
        ],
        now=NOW,
    )


def _sql(statement: str, params: list[int | str]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement.format(table=AuditRecord._meta.db_table), params)


def _verify_command() -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("audit_verify", stdout=out, stderr=err)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_records_are_numbered_and_each_links_to_the_one_before():
    records = _write(3)

    stored = list(AuditRecord.objects.order_by("seq"))
    assert [r.seq for r in stored] == [1, 2, 3]
    assert stored[0].prev_hash == GENESIS
    assert [r.prev_hash for r in stored[1:]] == [r.hash for r in stored[:-1]]
    assert all(record_hash(r) == r.hash for r in stored)
    assert audit_head() == (3, records[-1].hash)


def test_an_intact_chain_verifies_and_the_command_exits_0():
    _write(5)

    assert audit_verify() == (5, [])
    status, out, _err = _verify_command()
    assert status == 0
    assert "intact: 5 records" in out


def test_many_records_at_once_chain_and_verify_as_one_by_one():
    # Enough for COPY on PostgreSQL (COPY_FROM), with a detail to read back as JSON.
    audit_record_many(
        entries=[
            AuditEntry(action=Action.TEACHER_CHANGED, object_id=str(n), detail={"import": n})
            for n in range(COPY_FROM + 20)
        ]
    )
    _write(2)

    assert audit_verify() == (COPY_FROM + 22, [])
    assert AuditRecord.objects.get(seq=5).detail == {"import": 4}


def test_an_empty_trail_verifies():
    assert audit_verify() == (0, [])
    assert audit_head() == (0, GENESIS)


def test_a_changed_field_is_found_at_its_record():
    _write(5)
    _sql("UPDATE {table} SET object_id = %s WHERE seq = %s", ["99", 3])

    count, breaks = audit_verify()
    assert count == 5
    assert [b.seq for b in breaks] == [3]
    assert "changed" in breaks[0].problem
    status, _out, err = _verify_command()
    assert status == 1
    assert "record #3" in err


def test_a_changed_detail_is_found():
    audit_record(action=Action.DOWNLOAD, user=None, detail={"file": "pdf"})
    _sql("UPDATE {table} SET detail = %s WHERE seq = %s", ['{"file": "csv"}', 1])

    assert [b.seq for b in audit_verify()[1]] == [1]


def test_a_record_rewritten_with_a_fresh_hash_breaks_the_next_link():
    records = _write(4)
    forged = AuditRecord.objects.get(seq=2)
    forged.action = Action.SIGNIN
    new_hash = record_hash(forged)
    _sql("UPDATE {table} SET action = %s, hash = %s WHERE seq = %s", [forged.action, new_hash, 2])

    breaks = audit_verify()[1]
    assert [b.seq for b in breaks] == [3]
    assert "link" in breaks[0].problem
    assert records[1].hash != new_hash


def test_a_deleted_record_is_found_as_a_gap():
    _write(5)
    _sql("DELETE FROM {table} WHERE seq = %s", [3])

    breaks = audit_verify()[1]
    assert [b.seq for b in breaks] == [3]
    assert "deleted" in breaks[0].problem
    assert _verify_command()[0] == 1


def test_deleted_last_records_are_found_against_the_head():
    _write(5)
    _sql("DELETE FROM {table} WHERE seq >= %s", [4])

    breaks = audit_verify()[1]
    assert [b.seq for b in breaks] == [4]
    assert "#5" in breaks[0].problem


def test_a_head_that_does_not_match_the_last_record_is_found():
    _write(2)
    AuditHead.objects.filter(pk=1).update(hash="f" * 64)

    assert "head" in audit_verify()[1][0].problem


def test_a_deleted_head_is_found():
    _write(2)
    AuditHead.objects.all().delete()

    assert "head" in audit_verify()[1][0].problem


def test_reordered_records_are_found():
    _write(4)
    # Swap the numbers of records 2 and 3 (through a free number: seq is unique).
    _sql("UPDATE {table} SET seq = %s WHERE seq = %s", [-1, 2])
    _sql("UPDATE {table} SET seq = %s WHERE seq = %s", [2, 3])
    _sql("UPDATE {table} SET seq = %s WHERE seq = %s", [3, -1])

    breaks = audit_verify()[1]
    assert breaks
    assert breaks[0].seq == 2


def test_the_limit_bounds_the_breaks_reported():
    _write(6)
    _sql("UPDATE {table} SET action = %s", ["signin"])

    assert len(audit_verify(limit=2)[1]) == 2


def test_records_are_append_only_one_by_one():
    record = _write(1)[0]

    with pytest.raises(ValueError, match="append-only"):
        record.save()
    with pytest.raises(ValueError, match="append-only"):
        record.delete()


def test_a_rolled_back_action_takes_its_record_with_it():
    _write(1)
    with pytest.raises(RuntimeError), transaction.atomic():
        _write(1)
        raise RuntimeError

    assert audit_head()[0] == 1
    assert audit_verify() == (1, [])


def test_a_record_names_the_actor_role_district_and_address(settings):
    settings.SERGUR_TRUSTED_PROXIES = ["10.0.0.1"]
    user = UserFactory(role="operator")
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")

    record = audit_record(action=Action.DOWNLOAD, user=user, request=request, district_id=7)

    assert (record.actor_id, record.actor_role) == (user.pk, "operator")
    assert (record.address, record.district_id) == ("203.0.113.9", 7)


def test_a_record_written_while_serving_a_request_takes_its_address():
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.4")

    with request_address(request):
        record = audit_record(action=Action.DOWNLOAD, user=None)

    assert (record.address, record.actor_role) == ("198.51.100.4", "anonymous")
    assert audit_record(action=Action.DOWNLOAD, user=None).address == ""


def test_each_committed_record_is_logged_as_one_json_line_without_personal_data(
    caplog, django_capture_on_commit_callbacks
):
    user = UserFactory(first_name="Sri", last_name="Wahyuni", username="197001011990032001")
    with (
        caplog.at_level(logging.INFO, logger="sergur.audit"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        record = audit_record(
            action=Action.DOWNLOAD, user=user, object_kind="case", detail={"file": "book"}
        )

    lines = [JsonLinesFormatter().format(r) for r in caplog.records]
    assert len(lines) == 1
    parsed = json.loads(lines[0])
    assert parsed["logger"] == "sergur.audit"
    assert parsed["audit"]["hash"] == record.hash
    assert parsed["audit"]["seq"] == record.seq
    assert parsed["audit"]["actor_id"] == user.pk
    for personal in ("Sri", "Wahyuni", "197001011990032001"):
        assert personal not in lines[0]


def test_the_json_formatter_names_an_error_without_its_traceback():
    try:
        raise KeyError("secret")
    except KeyError:
        record = logging.LogRecord("x", logging.ERROR, "f", 1, "failed", None, sys.exc_info())

    parsed = json.loads(JsonLinesFormatter().format(record))
    assert parsed["error"] == "KeyError"
    assert "secret" not in json.dumps(parsed)


WRITERS = 48


def _in_threads(target, count: int) -> None:
    threads = [threading.Thread(target=target, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _write_at_once() -> tuple[list[str], tuple[int, list[object]], tuple[int, str]]:
    """48 threads, each its own connection, each appending 3 records one at a time; the
    failures, what `audit_verify` finds and the head afterwards."""
    start = threading.Barrier(WRITERS)
    failures: list[str] = []
    found: list[object] = []

    def write(number: int) -> None:
        try:
            start.wait()
            for _ in range(3):
                audit_record(action=Action.DOWNLOAD, user=None, object_id=number)
        except Exception as exc:  # noqa: BLE001 - any error is the failure looked for
            failures.append(repr(exc))
        finally:
            close_old_connections()
            connection.close()

    def verify(_number: int) -> None:
        found.extend([audit_verify(), audit_head()])
        connection.close()

    _in_threads(write, WRITERS)
    _in_threads(verify, 1)
    return failures, found[0], found[1]  # type: ignore[return-value]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the embedded default only")
def test_simultaneous_writers_never_fork_the_chain_on_sqlite(
    tmp_path, monkeypatch, django_db_blocker
):
    # The test database lives in shared memory, where SQLite answers a waiting writer with
    # "table is locked" at once; the embedded default is a file: the threads use one.
    monkeypatch.setitem(connections.settings["default"], "NAME", str(tmp_path / "a.sqlite3"))

    def tables(_number: int) -> None:
        with connection.schema_editor() as editor:
            editor.create_model(AuditHead)
            editor.create_model(AuditRecord)
        connection.close()

    with django_db_blocker.unblock():
        _in_threads(tables, 1)
        failures, verified, head = _write_at_once()

    assert failures == []
    assert verified == (WRITERS * 3, [])
    assert head[0] == WRITERS * 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_simultaneous_writers_never_fork_the_chain_on_postgresql():
    failures, verified, head = _write_at_once()

    assert failures == []
    assert verified == (WRITERS * 3, [])
    assert head[0] == WRITERS * 3
