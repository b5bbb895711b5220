"""Import services: dry run, all or nothing, good rows, idempotence, CSV and XLSX, fuzz."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sergur.conftest import Cast
from sergur.imports.models import ImportBatch
from sergur.imports.services import import_apply, import_batch_create, import_check
from sergur.imports.tests.factories import csv_upload, row, xlsx_upload
from sergur.registry.models import School, Teacher, TeachingAssignment
from sergur.registry.tests.factories import SchoolFactory, SubdistrictFactory, SubjectFactory
from sergur.rules.selection.layout import ParsedRow, parse_row
from sergur.rules.tests.selection.seed003 import MISMATCH as MISMATCH_QUOTE
from sergur.rules.tests.selection.test_layout import GOOD
from sergur.selection.selectors import certified_subject_for

pytestmark = pytest.mark.django_db


def checked(cast: Cast, upload: SimpleUploadedFile, **kwargs: Any) -> ImportBatch:
    batch = import_batch_create(actor=cast.dinas, upload=upload, **kwargs)
    return import_check(batch=batch)


def test_a_dry_run_writes_nothing_and_stores_every_problem(cast: Cast, school: School) -> None:
    before = Teacher.objects.count()
    rows = [row(1), row(2, TANGGAL_LAHIR="01-01-1965"), row(3, KODE_BIDANG_STUDI="999")]
    batch = checked(cast, csv_upload(rows))
    assert Teacher.objects.count() == before
    assert (batch.status, batch.rows_total, batch.rows_valid, batch.rows_invalid) == (
        "checked",
        3,
        1,
        2,
    )
    found = [(p.line, p.column, p.code) for p in batch.problems.all()]
    assert found == [
        (3, "TANGGAL_LAHIR", "import.date_bad"),
        (4, "KODE_BIDANG_STUDI", "import.subject_unknown"),
    ]
    assert batch.progress == 100
    assert "guru" not in str(batch.file.name)


def test_all_or_nothing_imports_a_clean_file_and_twice_changes_nothing(
    cast: Cast, school: School
) -> None:
    upload = csv_upload([row(1), row(2, NAMA_DAPODIK="Sri Lestary")])
    batch = import_apply(batch=checked(cast, upload), mode="all_or_nothing")
    assert (batch.status, batch.rows_created, batch.rows_updated) == ("applied", 2, 0)
    teacher = Teacher.objects.get(nuptk=row(1)["NUPTK"])
    assert teacher.assignments.get().school == school
    assert teacher.assignments.get().weekly_hours == 24
    assert batch.problems.get().code == "import.name_mismatch"
    again = import_apply(
        batch=checked(cast, csv_upload([row(1), row(2, NAMA_DAPODIK="Sri Lestary")])),
        mode="all_or_nothing",
    )
    assert (again.rows_created, again.rows_updated) == (0, 0)


def test_all_or_nothing_is_refused_with_one_error(cast: Cast, school: School) -> None:
    batch = checked(cast, csv_upload([row(1), row(2, NUPTK="9999000011112222")]))
    with pytest.raises(ValidationError):
        import_apply(batch=batch, mode="all_or_nothing")
    assert not Teacher.objects.filter(nuptk=row(1)["NUPTK"]).exists()


def test_all_or_nothing_rolls_back_when_the_data_changed_since_the_check(
    cast: Cast, school: School
) -> None:
    rows = [row(n) for n in range(1, 2500)] + [row(3000, NPSN="20999002")]
    other = SchoolFactory(npsn="20999002", subdistrict=school.subdistrict)
    batch = checked(cast, csv_upload(rows))
    assert batch.can_apply_all
    other.subdistrict = SubdistrictFactory(district=cast.dinas_other.district)
    other.save()  # the last row is outside the district now
    with pytest.raises(ValidationError):
        import_apply(batch=batch, mode="all_or_nothing")
    assert not Teacher.objects.filter(nuptk=row(1)["NUPTK"]).exists()
    batch.refresh_from_db()
    assert batch.status == "checked"


def test_good_rows_says_how_much_was_imported_when_a_later_part_fails(
    cast: Cast, school: School, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A concurrent write to the registry makes the second transaction fail: the first one's
    teachers stay, and the officer is told how many; importing again completes the file."""
    from django.db import IntegrityError

    from sergur.imports import bulk
    from sergur.imports.services import apply, orm

    rows = [row(n) for n in range(1, 2500)]
    nuptks = [r["NUPTK"] for r in rows]
    # A workbook: the row path, a transaction per 2,000 rows on SQLite
    batch = checked(cast, xlsx_upload([list(GOOD), *([r[k] for k in GOOD] for r in rows)]))
    monkeypatch.setattr(apply, "STAGE_LINES", 1000)  # PostgreSQL: three ranges
    calls = {"n": 0}

    def failing_second(real: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            calls["n"] += 1
            if calls["n"] == 2:
                raise IntegrityError("duplicate key value violates unique constraint")
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(orm, "upsert", failing_second(orm.upsert))
    monkeypatch.setattr(bulk, "stage_upsert", failing_second(bulk.stage_upsert))

    with pytest.raises(ValidationError) as caught:
        import_apply(batch=batch, mode="good_rows")

    batch.refresh_from_db()
    imported = Teacher.objects.filter(nuptk__in=nuptks).count()
    assert 0 < imported < 2499
    assert batch.status == "checked"
    assert (batch.rows_created, batch.rows_updated) == (imported, 0)
    error = caught.value.error_list[0]
    assert error.code == "partly" and error.params == {"created": imported, "updated": 0}
    monkeypatch.undo()
    again = import_apply(batch=import_check(batch=batch), mode="good_rows")
    assert (again.rows_created, again.rows_updated) == (2499 - imported, 0)
    assert Teacher.objects.filter(nuptk__in=nuptks).count() == 2499


def test_a_batch_being_imported_is_not_imported_twice(cast: Cast, school: School) -> None:
    batch = checked(cast, csv_upload([row(1)]))
    ImportBatch.objects.filter(pk=batch.pk).update(status="applying")  # the first click

    with pytest.raises(ValidationError) as caught:
        import_apply(batch=batch, mode="all_or_nothing")  # the second, with the old status

    assert caught.value.error_list[0].code == "not_checked"
    assert not Teacher.objects.filter(nuptk=row(1)["NUPTK"]).exists()


SECRET = "NUPTK 1234567890120001 born 1965-01-01"  # nosec B105 # what a database error might quote


def test_an_unexpected_error_in_the_check_fails_the_batch_and_logs_no_row_data(
    cast: Cast, school: School, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from sergur.imports.services import check

    def broken(*args: Any) -> None:
        raise RuntimeError(SECRET)

    monkeypatch.setattr(check, "_check_plain", broken)
    monkeypatch.setattr(check, "_check_rows", broken)
    batch = import_batch_create(actor=cast.dinas, upload=csv_upload([row(1)]))

    batch = import_check(batch=batch)

    assert batch.status == "failed" and not batch.is_running
    assert [p.code for p in batch.problems.all()] == ["import.stopped"]
    assert "RuntimeError" in caplog.text and SECRET not in caplog.text


def test_an_unexpected_error_in_the_import_leaves_the_batch_checked(
    cast: Cast, school: School, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from sergur.imports import bulk
    from sergur.imports.services import orm

    batch = checked(cast, csv_upload([row(1)]))

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError(SECRET)

    monkeypatch.setattr(orm, "upsert", broken)
    monkeypatch.setattr(bulk, "stage_upsert", broken)

    with pytest.raises(ValidationError) as caught:
        import_apply(batch=batch, mode="all_or_nothing")

    assert caught.value.error_list[0].code == "stopped"
    batch.refresh_from_db()
    assert batch.status == "checked" and not batch.is_running
    assert not Teacher.objects.filter(nuptk=row(1)["NUPTK"]).exists()
    assert "RuntimeError" in caplog.text and SECRET not in caplog.text


def test_good_rows_imports_only_the_good_rows(cast: Cast, school: School) -> None:
    rows = [row(1), row(2, NIP=""), row(1, NAMA="Someone Else")]
    batch = import_apply(batch=checked(cast, csv_upload(rows)), mode="good_rows")
    assert (batch.rows_created, batch.rows_invalid) == (1, 2)
    assert Teacher.objects.get(nuptk=row(1)["NUPTK"]).name == GOOD["NAMA"]
    assert not Teacher.objects.filter(nuptk=row(2)["NUPTK"]).exists()
    codes = [p.code for p in batch.problems.all()]
    assert codes == ["import.nip_missing", "import.nuptk_duplicate"]


def test_an_update_changes_the_teacher_and_moves_the_main_school(
    cast: Cast, school: School
) -> None:
    import_apply(batch=checked(cast, csv_upload([row(1), row(2), row(3)])), mode="good_rows")
    second = SchoolFactory(npsn="20999002", subdistrict=school.subdistrict)
    t2 = Teacher.objects.get(nuptk=row(2)["NUPTK"])
    TeachingAssignment.objects.create(teacher=t2, school=second, weekly_hours=6, is_main=False)
    t3 = Teacher.objects.get(nuptk=row(3)["NUPTK"])
    t3.assignments.all().delete()
    rows = [
        row(1, JAM_MENGAJAR="30", GOLONGAN="IV/a"),
        row(2, NPSN="20999002"),
        row(3),
        row(4, NPSN="20999002"),
    ]
    # Without SEKOLAH_LAIN the second schools are kept, the old main one among them (with
    # the column, its list decides: test_other_schools.py).
    upload = csv_upload(rows, without=("SEKOLAH_LAIN",))
    batch = import_apply(batch=checked(cast, upload), mode="all_or_nothing")
    assert (batch.rows_created, batch.rows_updated) == (1, 3)
    t1 = Teacher.objects.get(nuptk=row(1)["NUPTK"])
    assert t1.rank == "IV/a" and t1.assignments.get().weekly_hours == 30
    assert t2.assignments.get(is_main=True).school == second
    assert t2.assignments.get(is_main=False).school == school
    assert t3.assignments.get().school == school
    moved = import_apply(
        batch=checked(
            cast, csv_upload([row(1, NPSN="20999002", JAM_MENGAJAR="30", GOLONGAN="IV/a")])
        ),
        mode="good_rows",
    )
    assert moved.rows_updated == 1
    assert t1.assignments.get().school == second


@pytest.mark.parametrize("mode", ["all_or_nothing", "good_rows"])
def test_a_file_without_optional_columns_keeps_what_the_registry_holds(
    cast: Cast, school: School, mode: str
) -> None:
    import_apply(
        batch=checked(cast, csv_upload([row(1, SUDAH_SERTIFIKASI="Y", PRESTASI="3")])),
        mode="all_or_nothing",
    )
    before = Teacher.objects.get(nuptk=row(1)["NUPTK"])
    assert before.certified and before.teacher_since is not None
    without = ("SUDAH_SERTIFIKASI", "TMT_GURU", "PRESTASI", "GOLONGAN")

    batch = import_apply(
        batch=checked(
            cast, csv_upload([row(1, NAMA="Sri Lestari, S.Pd."), row(2)], without=without)
        ),
        mode=mode,
    )

    assert (batch.rows_created, batch.rows_updated) == (1, 1)
    after = Teacher.objects.get(pk=before.pk)
    assert after.name == "Sri Lestari, S.Pd."  # a column the file has is written
    assert after.certified is True  # the columns it lacks are kept
    assert after.teacher_since == before.teacher_since
    assert (after.achievement, after.rank) == (before.achievement, before.rank)
    new = Teacher.objects.get(nuptk=row(2)["NUPTK"])  # a new teacher: the empty values
    assert new.certified is False and new.teacher_since is None and new.rank == ""
    again = import_apply(
        batch=checked(cast, csv_upload([row(1, NAMA="Sri Lestari, S.Pd.")], without=without)),
        mode=mode,
    )
    assert again.rows_updated == 0  # nothing differs in the columns it has


def test_every_field_the_import_writes_has_its_column() -> None:
    from sergur.imports import bulk
    from sergur.rules.selection.layout import COLUMNS

    assert set(bulk.FIELD_COLUMNS) == set(bulk.TEACHER_FIELDS)
    assert set(bulk.FIELD_COLUMNS.values()) <= set(COLUMNS)
    assert bulk.fields_of(COLUMNS) == bulk.TEACHER_FIELDS


def test_a_school_outside_the_officers_district_is_a_problem(cast: Cast, school: School) -> None:
    SchoolFactory(
        npsn="20999003", subdistrict=SubdistrictFactory(district=cast.dinas_other.district)
    )
    batch = checked(cast, csv_upload([row(1, NPSN="20999003")]))
    assert batch.problems.get().code == "import.school_outside"
    operator = import_check(
        batch=import_batch_create(actor=cast.operator, upload=csv_upload([row(1, NPSN="20999003")]))
    )
    assert operator.rows_invalid == 0 and operator.district is None


def test_xlsx_is_imported_like_csv(cast: Cast, school: School) -> None:
    header = list(GOOD)
    values = list(row(1).values())
    batch = checked(cast, xlsx_upload([header, values, [*values[:2], "=1+1", *values[3:]]]))
    assert (batch.kind, batch.rows_valid, batch.rows_invalid) == ("xlsx", 1, 1)
    applied = import_apply(batch=batch, mode="good_rows")
    assert applied.rows_created == 1


def test_day_first_dates_only_when_declared(cast: Cast, school: School) -> None:
    changes = {"TANGGAL_LAHIR": "01/01/1965", "TANGGAL_IJAZAH": "", "TMT_GURU": ""}
    assert checked(cast, csv_upload([row(1, **changes)])).rows_invalid == 1
    batch = checked(cast, csv_upload([row(1, **changes)]), date_format="DD/MM/YYYY")
    assert batch.rows_valid == 1


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("guru.csv", "NUPTK,NAMA\n1,José\n".encode("latin-1"), "not_utf8"),
        ("guru.csv", b"PK\x03\x04zip", "not_utf8"),
        ("guru.xlsx", b"NUPTK,NAMA\n", "not_xlsx"),
        ("guru.pdf", b"%PDF-1.4", "wrong_kind"),
    ],
)
def test_uploads_are_checked_by_content(cast: Cast, name: str, data: bytes, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        import_batch_create(actor=cast.dinas, upload=SimpleUploadedFile(name, data))
    assert caught.value.code == code


def test_a_zip_that_is_no_workbook_is_refused(cast: Cast) -> None:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ValidationError):
        import_batch_create(actor=cast.dinas, upload=SimpleUploadedFile("a.xlsx", out.getvalue()))


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"NUPTK,NAMA\n", "import.no_rows"),
        (b"NUPTK\n" + b"x\n" * 40000 + "José\n".encode("latin-1"), "import.encoding"),
        (",".join(GOOD).encode() + b'\n"open', "import.csv_syntax"),
    ],
)
def test_an_unreadable_file_fails_with_the_reason(cast: Cast, data: bytes, code: str) -> None:
    batch = checked(cast, SimpleUploadedFile("g.csv", data))
    assert batch.status == "failed"
    assert code in [p.code for p in batch.problems.all()]
    with pytest.raises(ValidationError):
        import_apply(batch=batch, mode="good_rows")


def test_a_header_without_required_columns_blocks_the_file(cast: Cast, school: School) -> None:
    batch = checked(cast, SimpleUploadedFile("g.csv", b"NUPTK,ALAMAT\n1234567890123456,x\n"))
    codes = {p.code for p in batch.problems.all()}
    assert {"import.header_missing", "import.header_unknown"} <= codes
    assert batch.status == "failed"


def test_apply_needs_a_checked_batch_and_a_mode(cast: Cast, school: School) -> None:
    batch = import_batch_create(actor=cast.dinas, upload=csv_upload([row(1)]))
    with pytest.raises(ValidationError):
        import_apply(batch=batch, mode="good_rows")
    checked_batch = import_check(batch=batch)
    with pytest.raises(ValidationError):
        import_apply(batch=checked_batch, mode="dry_run")
    bad = checked(cast, csv_upload([row(1, NIP="")]))
    with pytest.raises(ValidationError):
        import_apply(batch=bad, mode="good_rows")


NASTY = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["=cmd|' /C calc'!A0", "+1", "@SUM(A1)", "x" * 1200, "31/12/1965", ""]),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.dictionaries(st.sampled_from(list(GOOD)), NASTY, max_size=4), max_size=5))
def test_fuzzed_rows_never_crash_and_never_import_a_bad_row(
    cast: Cast, school: School, changes: list[dict[str, str]]
) -> None:
    rows = [row(50 + n, **change) for n, change in enumerate(changes)]
    before = Teacher.objects.count()
    try:
        batch = checked(cast, csv_upload(rows))
    except ValidationError:  # refused at the door (not UTF-8 text): nothing at all imported
        assert Teacher.objects.count() == before
        return
    assert batch.rows_valid + batch.rows_invalid == batch.rows_total
    if batch.can_apply_good:
        batch = import_apply(batch=batch, mode="good_rows")
    for r in rows:
        imported = Teacher.objects.filter(nuptk=r["NUPTK"], name=r["NAMA"].strip()).exists()
        if imported:  # never a row the layout refuses
            assert isinstance(parse_row(1, r), ParsedRow)
    Teacher.objects.filter(nuptk__startswith="12345678901200").delete()


@pytest.mark.parametrize("mode", ["all_or_nothing", "good_rows"])
def test_the_import_records_the_mismatch_choice_and_a_file_without_it_keeps_it(
    cast: Cast, school: School, mode: str
) -> None:
    # seed 003's FAQ: the route "sepenuhnya diserahkan guru yang bersangkutan"; the district
    # officer records it with the import, without the admin.
    assert "sepenuhnya diserahkan guru" in MISMATCH_QUOTE
    SubjectFactory(code="156", name="Bahasa Indonesia")
    chosen = row(1, KODE_BIDANG_STUDI_IJAZAH="156", PILIHAN_SERTIFIKASI="IJAZAH")
    import_apply(batch=checked(cast, csv_upload([chosen])), mode="all_or_nothing")
    teacher = Teacher.objects.select_related("degree_subject").get(nuptk=chosen["NUPTK"])
    assert teacher.degree_subject is not None and teacher.degree_subject.code == "156"
    assert teacher.mismatch_choice == Teacher.MismatchChoice.DEGREE
    assert certified_subject_for(teacher).code == "156"

    without = ("KODE_BIDANG_STUDI_IJAZAH", "PILIHAN_SERTIFIKASI")
    batch = import_apply(
        batch=checked(cast, csv_upload([row(1, NAMA="Sri Lestari, S.Pd.")], without=without)),
        mode=mode,
    )
    assert batch.rows_updated == 1
    kept = Teacher.objects.get(pk=teacher.pk)
    assert (kept.degree_subject_id, kept.mismatch_choice) == (teacher.degree_subject_id, "degree")

    cleared = row(1, NAMA="Sri Lestari, S.Pd.")  # both columns, both empty: recorded as empty
    import_apply(batch=checked(cast, csv_upload([cleared])), mode=mode)
    kept = Teacher.objects.get(pk=teacher.pk)
    assert (kept.degree_subject_id, kept.mismatch_choice) == (None, "")


def test_a_mismatch_choice_without_a_degree_field_is_refused_with_line_and_column(
    cast: Cast, school: School
) -> None:
    bad = [
        row(1, PILIHAN_SERTIFIKASI="MENGAJAR"),
        row(2, KODE_BIDANG_STUDI_IJAZAH="777"),
        row(3, KODE_BIDANG_STUDI_IJAZAH="180", PILIHAN_SERTIFIKASI="bebas"),
    ]
    batch = checked(cast, csv_upload(bad))
    found = sorted((p.line, p.column, p.code) for p in batch.problems.all())
    assert found == [
        (2, "PILIHAN_SERTIFIKASI", "import.mismatch_without_degree"),
        (3, "KODE_BIDANG_STUDI_IJAZAH", "import.subject_unknown"),
        (4, "PILIHAN_SERTIFIKASI", "import.choice_bad"),
    ]
