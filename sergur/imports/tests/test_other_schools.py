"""The other schools of a teacher (SEKOLAH_LAIN): checked with line and column, written as the
teacher's second schools on both write paths, kept when a file lacks the column (seed 003's
FAQ: "mengajar di sekolah lain yang memiliki ijin operasional")."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sergur.conftest import Cast
from sergur.imports.models import ImportBatch
from sergur.imports.services import import_apply, import_batch_create, import_check
from sergur.imports.tests.factories import NPSN, csv_upload, row, xlsx_upload
from sergur.registry.models import School, Teacher
from sergur.registry.tests.factories import SchoolFactory, SubdistrictFactory
from sergur.rules.tests.selection.seed003 import OTHER_SCHOOL
from sergur.rules.tests.selection.test_layout import GOOD

pytestmark = pytest.mark.django_db

OWN, AWAY = "20999002", "20999003"  # a second school in Bantul, one in Sleman


@pytest.fixture
def others(cast: Cast, school: School) -> tuple[School, School]:
    """A second school of the officer's district and one of another district."""
    own = SchoolFactory(npsn=OWN, subdistrict=school.subdistrict)
    away = SchoolFactory(
        npsn=AWAY, subdistrict=SubdistrictFactory(district=cast.dinas_other.district)
    )
    return own, away


def checked(cast: Cast, upload: SimpleUploadedFile) -> ImportBatch:
    return import_check(batch=import_batch_create(actor=cast.dinas, upload=upload))


def imported(cast: Cast, upload: SimpleUploadedFile, mode: str) -> ImportBatch:
    return import_apply(batch=checked(cast, upload), mode=mode)


def schools(nuptk: str) -> list[tuple[str, int, bool]]:
    teacher = Teacher.objects.get(nuptk=nuptk)
    held = teacher.assignments.select_related("school").order_by("school__npsn")
    return [(a.school.npsn, a.weekly_hours, a.is_main) for a in held]


def as_xlsx(rows: list[dict[str, str]]) -> SimpleUploadedFile:
    return xlsx_upload([list(GOOD), *([r[k] for k in GOOD] for r in rows)])


@pytest.mark.parametrize("upload", [csv_upload, as_xlsx], ids=["columns", "rows"])
def test_every_bad_other_school_is_reported_with_line_and_column(
    cast: Cast, others: tuple[School, School], upload: Callable[..., SimpleUploadedFile]
) -> None:
    bad = [
        row(1, SEKOLAH_LAIN=f"{OWN}:6"),
        row(2, SEKOLAH_LAIN=f"{OWN}=6"),
        row(3, SEKOLAH_LAIN="20999999:6"),
        row(4, SEKOLAH_LAIN=f"{OWN}:41"),
        row(5, SEKOLAH_LAIN=f"{OWN}:6;{OWN}:2"),
        row(6, SEKOLAH_LAIN=f"{NPSN}:4"),
    ]
    batch = checked(cast, upload(bad))
    found = sorted((p.line, p.column, p.code) for p in batch.problems.all())
    assert found == [
        (3, "SEKOLAH_LAIN", "import.other_school_bad"),
        (4, "SEKOLAH_LAIN", "import.school_unknown"),
        (5, "SEKOLAH_LAIN", "import.other_school_hours"),
        (6, "SEKOLAH_LAIN", "import.other_school_twice"),
        (7, "SEKOLAH_LAIN", "import.other_school_main"),
    ]
    assert batch.rows_valid == 1


@pytest.mark.parametrize("mode", ["all_or_nothing", "good_rows"])
def test_the_import_writes_the_other_schools_and_a_second_run_changes_nothing(
    cast: Cast, others: tuple[School, School], mode: str
) -> None:
    assert "sekolah lain yang memiliki ijin operasional" in OTHER_SCHOOL
    nuptk = row(1)["NUPTK"]
    # Another district's school is allowed as another school: the row is Bantul's teacher.
    first = [row(1, JAM_MENGAJAR="18", SEKOLAH_LAIN=f"{AWAY}:4; {OWN}:6"), row(2)]
    batch = imported(cast, csv_upload(first), mode)
    assert (batch.rows_created, batch.rows_updated) == (2, 0)
    assert schools(nuptk) == [(NPSN, 18, True), (OWN, 6, False), (AWAY, 4, False)]
    assert schools(row(2)["NUPTK"]) == [(NPSN, 24, True)]

    again = imported(cast, csv_upload(first), mode)
    assert (again.rows_created, again.rows_updated) == (0, 0)

    # The list is the teacher's second schools: one gone, one with other hours.
    changed = imported(
        cast, csv_upload([row(1, JAM_MENGAJAR="18", SEKOLAH_LAIN=f"{OWN}:8"), row(2)]), mode
    )
    assert (changed.rows_created, changed.rows_updated) == (0, 1)
    assert schools(nuptk) == [(NPSN, 18, True), (OWN, 8, False)]

    # A file without the column keeps them; one with an empty cell says there are none.
    kept = imported(cast, csv_upload([row(1, JAM_MENGAJAR="18")], without=("SEKOLAH_LAIN",)), mode)
    assert kept.rows_updated == 0
    assert schools(nuptk) == [(NPSN, 18, True), (OWN, 8, False)]
    cleared = imported(cast, csv_upload([row(1, JAM_MENGAJAR="18")]), mode)
    assert cleared.rows_updated == 1
    assert schools(nuptk) == [(NPSN, 18, True)]


@pytest.mark.parametrize("mode", ["all_or_nothing", "good_rows"])
def test_a_former_main_school_stays_only_when_the_list_names_it(
    cast: Cast, others: tuple[School, School], mode: str
) -> None:
    nuptk = row(1)["NUPTK"]
    imported(cast, csv_upload([row(1, SEKOLAH_LAIN=f"{OWN}:6")]), mode)
    # OWN becomes the main school; the list names the old main one (NPSN): kept, new hours.
    moved = row(1, NPSN=OWN, JAM_MENGAJAR="20", SEKOLAH_LAIN=f"{NPSN}:4")
    assert imported(cast, csv_upload([moved]), mode).rows_updated == 1
    assert schools(nuptk) == [(NPSN, 4, False), (OWN, 20, True)]
    # The main school moves back and the list is empty: the former main school is gone.
    back = row(1, JAM_MENGAJAR="24")
    assert imported(cast, csv_upload([back]), mode).rows_updated == 1
    assert schools(nuptk) == [(NPSN, 24, True)]


def test_another_districts_school_is_never_the_main_one(
    cast: Cast, others: tuple[School, School]
) -> None:
    batch = checked(cast, csv_upload([row(1, NPSN=AWAY, SEKOLAH_LAIN=f"{NPSN}:6")]))
    found = [(p.line, p.column, p.code) for p in batch.problems.all()]
    assert found == [(2, "NPSN", "import.school_outside")]
