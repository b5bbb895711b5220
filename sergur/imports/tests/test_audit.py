"""The import writes one audit record per teacher it creates or changes, in the transaction
of the write, on the row path (SQLite) and the staged path (PostgreSQL) alike."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from sergur.common.audit import Action, audit_verify
from sergur.common.models import AuditRecord
from sergur.conftest import Cast
from sergur.imports.services import import_apply, import_batch_create, import_check
from sergur.imports.tests.factories import csv_upload, row
from sergur.registry.models import School, Teacher


def _apply(cast: Cast, rows: list[dict[str, str]], mode: str = "all_or_nothing") -> None:
    batch = import_check(batch=import_batch_create(actor=cast.dinas, upload=csv_upload(rows)))
    import_apply(batch=batch, mode=mode, actor=cast.dinas)


def _records(action: str) -> list[AuditRecord]:
    return list(AuditRecord.objects.filter(action=action).order_by("seq"))


def test_each_created_and_changed_teacher_gets_one_record(cast: Cast, school: School) -> None:
    _apply(cast, [row(1), row(2)])
    created = _records(Action.TEACHER_CREATED)
    teachers = Teacher.objects.filter(nuptk__in=[row(1)["NUPTK"], row(2)["NUPTK"]])

    assert sorted(r.object_id for r in created) == sorted(str(t.pk) for t in teachers)
    assert {(r.actor_id, r.district_id, r.object_kind) for r in created} == {
        (cast.dinas.pk, cast.dinas.district_id, "teacher")
    }

    _apply(cast, [row(1), row(2, JAM_MENGAJAR="20", GOLONGAN="III/d")])
    (changed,) = _records(Action.TEACHER_CHANGED)
    assert changed.object_id == str(Teacher.objects.get(nuptk=row(2)["NUPTK"]).pk)
    assert set(changed.detail) == {"import"}
    assert audit_verify()[1] == []


def test_an_import_that_changes_nothing_records_nothing(cast: Cast, school: School) -> None:
    _apply(cast, [row(1)])
    before = AuditRecord.objects.count()

    _apply(cast, [row(1)])

    assert AuditRecord.objects.count() == before


def test_records_hold_no_personal_data(cast: Cast, school: School) -> None:
    _apply(cast, [row(1, NAMA_DAPODIK="Sri Lestari")])
    teacher = Teacher.objects.get(nuptk=row(1)["NUPTK"])

    for record in _records(Action.TEACHER_CREATED):
        text = f"{record.object_id} {record.detail}"
        for private in (teacher.name, teacher.nuptk, teacher.nip, str(teacher.birth_date)):
            assert not private or private not in text


def test_a_refused_import_records_nothing(cast: Cast, school: School) -> None:
    with pytest.raises(ValidationError):
        _apply(cast, [row(1), row(2, NUPTK="9999000011112222")])

    assert not _records(Action.TEACHER_CREATED)
