"""An import never takes another district's teacher (issue 10, item 1): the dry run reports
the row on both paths alike, and no mode of the import changes that teacher."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from sergur.conftest import Cast
from sergur.imports.models import ImportBatch
from sergur.imports.services import import_apply, import_batch_create, import_check
from sergur.imports.tests.factories import csv_upload, row, xlsx_upload
from sergur.registry.models import School, Teacher
from sergur.registry.tests.factories import (
    SchoolFactory,
    SubdistrictFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
)
from sergur.rules.tests.selection.test_layout import GOOD

pytestmark = pytest.mark.django_db

HELD_NAME = "Hartini Wulandari"  # what district Y holds: never shown to district X


@pytest.fixture
def held(cast: Cast) -> Teacher:
    """A teacher of the other district (Sleman) whose NUPTK the sample row 1 carries."""
    teacher = TeacherFactory(nuptk=row(1)["NUPTK"], name=HELD_NAME, birth_date=dt.date(1970, 2, 3))
    sleman = SubdistrictFactory(district=cast.dinas_other.district)
    TeachingAssignmentFactory(teacher=teacher, school=SchoolFactory(subdistrict=sleman))
    return teacher


def as_xlsx(rows: list[dict[str, str]]) -> SimpleUploadedFile:
    return xlsx_upload([list(GOOD), *([r[k] for k in GOOD] for r in rows)])


def checked(cast: Cast, upload: SimpleUploadedFile) -> ImportBatch:
    return import_check(batch=import_batch_create(actor=cast.dinas, upload=upload))


def snapshot(teacher: Teacher) -> tuple[object, ...]:
    teacher.refresh_from_db()
    main = teacher.assignments.get(is_main=True)
    return (teacher.name, teacher.nip, teacher.birth_date, main.school_id, main.weekly_hours)


@pytest.mark.parametrize("upload", [csv_upload, as_xlsx], ids=["columns", "rows"])
def test_the_dry_run_reports_another_districts_teacher_on_both_paths(
    cast: Cast, school: School, held: Teacher, upload: Callable[..., SimpleUploadedFile]
) -> None:
    batch = checked(cast, upload([row(1), row(2)]))

    assert batch.plain == (upload is csv_upload)
    assert (batch.rows_total, batch.rows_valid, batch.rows_invalid) == (2, 1, 1)
    problem = batch.problems.get()
    assert (problem.line, problem.column, problem.code) == (2, "NUPTK", "import.teacher_outside")
    text = problem.text("id")
    assert "Kabupaten Sleman" in text and "mutasi" in text and row(1)["NUPTK"] in text
    for lang in ("id", "en"):  # nothing the other district holds beyond what was typed
        assert HELD_NAME not in problem.text(lang) and "1970" not in problem.text(lang)
    assert not batch.can_apply_all


@pytest.mark.parametrize("upload", [csv_upload, as_xlsx], ids=["columns", "rows"])
def test_no_mode_of_the_import_changes_another_districts_teacher(
    cast: Cast, school: School, held: Teacher, upload: Callable[..., SimpleUploadedFile]
) -> None:
    before = snapshot(held)
    batch = checked(cast, upload([row(1), row(2)]))

    with pytest.raises(ValidationError):
        import_apply(batch=batch, mode="all_or_nothing")
    applied = import_apply(batch=batch, mode="good_rows")

    assert (applied.rows_created, applied.rows_updated) == (1, 0)
    assert snapshot(held) == before


def test_a_teacher_who_left_for_another_district_after_the_dry_run_is_left_alone(
    cast: Cast, school: School
) -> None:
    teacher = TeacherFactory(nuptk=row(1)["NUPTK"], name=HELD_NAME)
    assignment = TeachingAssignmentFactory(teacher=teacher, school=school)
    for upload in (csv_upload, as_xlsx):
        batch = checked(cast, upload([row(1), row(2)]))
        assert batch.rows_invalid == 0
        sleman = SubdistrictFactory(district=cast.dinas_other.district)
        assignment.school = SchoolFactory(subdistrict=sleman)
        assignment.save()  # approved transfer to Sleman meanwhile
        before = snapshot(teacher)

        with pytest.raises(ValidationError):
            import_apply(batch=batch, mode="all_or_nothing")
        import_apply(batch=batch, mode="good_rows")

        assert snapshot(teacher) == before
        assignment.school = school
        assignment.save()
        Teacher.objects.filter(nuptk=row(2)["NUPTK"]).delete()


def test_the_operator_still_imports_for_the_whole_country(
    cast: Cast, school: School, held: Teacher
) -> None:
    batch = import_check(
        batch=import_batch_create(actor=cast.operator, upload=csv_upload([row(1)]))
    )
    assert batch.rows_invalid == 0
    import_apply(batch=batch, mode="all_or_nothing")
    held.refresh_from_db()
    assert held.name == GOOD["NAMA"]
