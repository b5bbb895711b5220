"""The staging table a dry run leaves on PostgreSQL (docs/import.md, "Speed"): the import
writes from it while the file, the registry and the rules are as they were, checks the file
again when anything changed, and writes what the ORM path writes."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sergur.conftest import Cast
from sergur.imports import bulk
from sergur.imports.models import ImportBatch
from sergur.imports.services import apply as apply_module
from sergur.imports.services import (
    import_apply,
    import_batch_create,
    import_check,
    orm,
    stage_is_current,
)
from sergur.imports.services.reading import batch_lookups
from sergur.imports.tests.factories import NPSN, csv_upload, row
from sergur.registry.models import School, Teacher, TeachingAssignment
from sergur.registry.tests.factories import SchoolFactory, SubjectFactory, TeacherFactory
from sergur.rules.selection.layout import ParsedRow, parse_row

pytestmark = pytest.mark.django_db
postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the stage is PostgreSQL's fast path"
)


def checked(cast: Cast, rows: list[dict[str, str]]) -> ImportBatch:
    batch = import_batch_create(actor=cast.dinas, upload=csv_upload(rows))
    return import_check(batch=batch)


def not_again(*args: Any) -> Any:
    raise AssertionError("the file was read again")


@postgresql
def test_the_import_writes_from_the_stage_of_the_dry_run(
    cast: Cast, school: School, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = checked(cast, [row(1), row(2), row(3, NIP="")])
    stage = bulk.Stage(batch.pk)
    assert batch.staged and stage.count() == batch.rows_valid == 2
    assert stage_is_current(batch, batch_lookups(batch), stage)
    monkeypatch.setattr(apply_module, "good_parts", not_again)
    applied = import_apply(batch=batch, mode="good_rows")
    assert (applied.rows_created, applied.rows_updated, applied.staged) == (2, 0, "")
    assert stage.count() is None  # dropped with the import
    teacher = Teacher.objects.get(nuptk=row(2)["NUPTK"])
    assert (teacher.assignments.get().school, teacher.assignments.get().weekly_hours) == (
        school,
        24,
    )


@postgresql
def test_a_changed_file_is_checked_again(cast: Cast, school: School) -> None:
    batch = checked(cast, [row(1), row(2)])
    changed = csv_upload([row(1), row(2, KODE_BIDANG_STUDI="999")]).read()
    with batch.file.open("wb") as stream:  # the same stored file, other bytes
        stream.write(changed)
    assert not stage_is_current(batch, batch_lookups(batch), bulk.Stage(batch.pk))
    with pytest.raises(ValidationError):
        import_apply(batch=batch, mode="all_or_nothing")
    assert not Teacher.objects.filter(nuptk=row(1)["NUPTK"]).exists()
    batch.refresh_from_db()
    applied = import_apply(batch=batch, mode="good_rows")
    assert applied.rows_created == 1  # the good row of the file as it is now
    assert not Teacher.objects.filter(nuptk=row(2)["NUPTK"]).exists()


@postgresql
def test_a_change_of_the_registry_is_checked_again(cast: Cast, school: School) -> None:
    batch = checked(cast, [row(1), row(2, NPSN="20999005")])
    assert batch.rows_invalid == 1  # no such school at the dry run
    stage = bulk.Stage(batch.pk)
    SchoolFactory(npsn="20999005", subdistrict=school.subdistrict)  # now there is
    assert not stage_is_current(batch, batch_lookups(batch), stage)
    applied = import_apply(batch=batch, mode="good_rows")
    assert applied.rows_created == 2  # as the row path would: every row checked again


@postgresql
def test_other_rules_than_at_the_dry_run_invalidate_the_stage(
    cast: Cast, school: School, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = checked(cast, [row(1)])
    lookups, stage = batch_lookups(batch), bulk.Stage(batch.pk)
    assert stage_is_current(batch, lookups, stage)
    monkeypatch.setattr(bulk.stage, "_code_digest", lambda: "another version")
    assert not stage_is_current(batch, lookups, stage)


def test_the_stage_version_reads_every_module_that_makes_the_rows() -> None:
    names = {name for name, _path in bulk.stage.code_files()}

    # The row parser and the readers live in subpackages and in sergur.tabular: a change
    # there must invalidate a stage as much as one in rules/selection itself.
    assert {"selection/layout/rows.py", "selection/columns.py", "tabular/readers.py"} <= names
    assert {"bulk/stage.py", "tabular/plain.py"} <= names
    assert not any("/tests/" in name for name in names)


@postgresql
@pytest.mark.parametrize("loss", ["DROP TABLE", "TRUNCATE"])
def test_a_lost_stage_is_made_again_from_the_file(cast: Cast, school: School, loss: str) -> None:
    batch = checked(cast, [row(1), row(2)])
    stage = bulk.Stage(batch.pk)
    with connection.cursor() as cursor:  # a crash empties an unlogged table
        cursor.execute(f"{loss} {stage.name}")
    assert not stage_is_current(batch, batch_lookups(batch), stage)
    applied = import_apply(batch=batch, mode="all_or_nothing")
    assert (applied.rows_created, applied.rows_updated) == (2, 0)
    assert stage.count() is None


@postgresql
def test_a_file_that_is_not_plain_is_staged_row_by_row(cast: Cast, school: School) -> None:
    multiline = {**row(1), "NAMA": "Sri\nLestari"}  # a line break in a cell: the row path
    batch = checked(cast, [row(2), multiline, row(3, NIP="")])
    assert not batch.plain and (batch.rows_valid, batch.rows_invalid) == (2, 1)
    assert bulk.Stage(batch.pk).count() == 2
    applied = import_apply(batch=batch, mode="good_rows")
    assert applied.rows_created == 2


@postgresql
def test_the_sweep_drops_the_stages_nobody_can_use(cast: Cast, school: School) -> None:
    failed = checked(cast, [row(1)])
    kept = checked(cast, [row(2)])
    bulk.Stage(failed.pk).create()  # a leftover stage of a batch that can no longer import
    ImportBatch.objects.filter(pk=failed.pk).update(status=ImportBatch.Status.FAILED)
    bulk.Stage(10**9).create()  # and one of a batch that is gone
    checked(cast, [row(3)])  # every dry run sweeps
    assert bulk.Stage(failed.pk).count() is None
    assert bulk.Stage(10**9).count() is None
    assert bulk.Stage(kept.pk).count() == 1


@postgresql
def test_the_sweep_drops_the_stage_of_a_stalled_import(cast: Cast, school: School) -> None:
    import datetime as dt

    from django.utils import timezone

    killed = checked(cast, [row(1)])
    long_ago = timezone.now() - dt.timedelta(minutes=16)
    ImportBatch.objects.filter(pk=killed.pk).update(
        status=ImportBatch.Status.APPLYING, beat_at=long_ago
    )
    running = checked(cast, [row(2)])
    ImportBatch.objects.filter(pk=running.pk).update(status=ImportBatch.Status.APPLYING)
    checked(cast, [row(3)])  # every dry run sweeps
    assert bulk.Stage(killed.pk).count() is None
    assert bulk.Stage(running.pk).count() == 1


def test_good_rows_commit_range_by_range(
    cast: Cast, school: School, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(apply_module, "STAGE_LINES", 2)
    batch = checked(cast, [row(n) for n in range(1, 8)])
    applied = import_apply(batch=batch, mode="good_rows")
    assert (applied.rows_created, applied.rows_updated, applied.progress) == (7, 0, 100)
    again = import_apply(batch=checked(cast, [row(n) for n in range(1, 8)]), mode="good_rows")
    assert (again.rows_created, again.rows_updated) == (0, 0)


def test_a_concurrent_write_is_reported_as_a_change(
    cast: Cast, school: School, monkeypatch: pytest.MonkeyPatch
) -> None:
    def clash(*args: Any, **kwargs: Any) -> Any:
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(bulk, "stage_upsert", clash)
    monkeypatch.setattr(orm, "upsert", clash)
    batch = checked(cast, [row(1)])
    with pytest.raises(ValidationError) as caught:
        import_apply(batch=batch, mode="all_or_nothing")
    assert caught.value.code == "changed"
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CHECKED


# -- the set-based writes agree with the ORM's ----------------------------------------------

SCHOOLS = ("A", "B", "C")
HELD = st.lists(
    st.tuples(st.sampled_from(SCHOOLS), st.integers(0, 3)), max_size=3, unique_by=lambda x: x[0]
)
BEFORE = st.one_of(
    st.none(),
    st.tuples(st.sampled_from(["III/c", "IV/a"]), HELD, st.booleans(), st.booleans()),
)
# the mismatch columns: no degree's field, or "156" with no route or either route
MISMATCH = st.sampled_from([("", ""), ("156", ""), ("156", "IJAZAH"), ("156", "MENGAJAR")])
# the other schools (SEKOLAH_LAIN): a school and its hours; the row's main school is left out
OTHERS = st.lists(
    st.tuples(st.sampled_from(SCHOOLS), st.sampled_from(["4", "18"])),
    max_size=2,
    unique_by=lambda x: x[0],
)
AFTER = st.tuples(
    st.sampled_from(SCHOOLS),
    st.sampled_from(["18", "24"]),
    st.sampled_from(["III/c", "IV/a"]),
    MISMATCH,
    OTHERS,
)


def _registry() -> list[tuple[object, ...]]:
    return sorted(
        (
            t.nuptk,
            t.rank,
            t.degree_subject.code if t.degree_subject is not None else "",
            t.mismatch_choice,
            sorted((a.school.npsn, a.weekly_hours, a.is_main) for a in t.assignments.all()),
        )
        for t in Teacher.objects.filter(nuptk__startswith="12345678901200")
    )


@postgresql
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.tuples(BEFORE, AFTER), min_size=1, max_size=4), st.booleans())
def test_the_set_based_writes_are_the_orm_writes(
    cast: Cast, school: School, cases: list[tuple[Any, Any]], with_others: bool
) -> None:
    npsn = {"A": NPSN, "B": "20999011", "C": "20999012"}
    schools = {"A": school}
    for name in ("B", "C"):
        schools[name] = School.objects.filter(npsn=npsn[name]).first() or SchoolFactory(
            npsn=npsn[name], subdistrict=school.subdistrict
        )
    language = SubjectFactory(code="156", name="Bahasa Indonesia")
    lookups = batch_lookups(ImportBatch(district=None))
    with transaction.atomic():
        rows: list[ParsedRow] = []
        for n, (before, (at, hours, rank, (degree, route), others)) in enumerate(cases, start=1):
            listed = [f"{npsn[where]}:{h}" for where, h in others if where != at]
            cells = row(
                n,
                NPSN=npsn[at],
                JAM_MENGAJAR=hours,
                GOLONGAN=rank,
                KODE_BIDANG_STUDI_IJAZAH=degree,
                PILIHAN_SERTIFIKASI=route,
                SEKOLAH_LAIN=";".join(listed) if with_others else "",
            )
            parsed = parse_row(n + 1, cells, lookups.subjects, lookups.refs)
            assert isinstance(parsed, ParsedRow)
            rows.append(parsed)
            if before is not None:
                old_rank, held, first_is_main, chosen = before
                teacher = TeacherFactory(
                    nuptk=cells["NUPTK"],
                    rank=old_rank,
                    user=None,
                    degree_subject=language if chosen else None,
                    mismatch_choice="degree" if chosen else "",
                )
                for index, (where, extra) in enumerate(held):
                    TeachingAssignment.objects.create(
                        teacher=teacher,
                        school=schools[where],
                        weekly_hours=18 + extra,
                        is_main=first_is_main and index == 0,
                    )
        point = transaction.savepoint_create()
        expected = orm.upsert(rows, lookups, other_schools=with_others), _registry()
        transaction.savepoint_rollback(point)
        stage = bulk.Stage(10**9 + 1)
        stage.create()
        stage.add_rows(rows, lookups)
        found = bulk.stage_upsert(stage, (0, 10**6), other_schools=with_others), _registry()
        transaction.set_rollback(True)
    assert found == expected
