from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from sergur.allowance.models import (
    AdditionalDuty,
    LoadConfirmation,
    SemesterEligibility,
    TeachingLoad,
)
from sergur.allowance.services import (
    approval_record,
    counselling_set,
    duty_add,
    duty_remove,
    eligibility_compute,
    linearity_add,
    linearity_remove,
    load_confirm,
    load_import,
    load_line_delete,
    load_line_save,
    teacher_semester_set,
)
from sergur.allowance.tests.support import (
    NOW,
    SEMESTER,
    certified,
    line,
    operator_of,
    other_school,
    own_school,
)
from sergur.common.models import AuditRecord
from sergur.registry.models import Subject
from sergur.registry.tests.factories import (
    SchoolFactory,
    SubdistrictFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def reasons(row: SemesterEligibility) -> dict[str, bool]:
    return {r["rule"]: r["passed"] for r in row.reasons}


def test_a_certified_teacher_with_24_hours_is_eligible_and_one_with_18_is_not(cast) -> None:
    school = own_school(cast)
    operator = operator_of(school)
    full, short = certified(cast), certified(cast)
    line(full, school, operator, 12, label="7A")
    line(full, school, operator, 12, label="7B")
    line(short, school, operator, 18)

    summary = eligibility_compute(cast.dinas.district, SEMESTER, by=cast.dinas, now=NOW)

    assert (summary.teachers, summary.eligible) == (2, 1)
    row = SemesterEligibility.objects.get(teacher=full)
    assert row.eligible and row.hours == Decimal(24) and row.funding == "dau"
    assert row.school == school and row.load_code == "A1"
    missing = SemesterEligibility.objects.get(teacher=short)
    assert not missing.eligible and reasons(missing)["hours"] is False
    hours = next(r for r in missing.reasons if r["rule"] == "hours")
    assert hours["reason"]["en"] == "18 JP counted, below 24: short by 6 JP."
    assert hours["fix"]["en"].startswith("Teach 6 more JP a week in 180 ")
    assert AuditRecord.objects.filter(action="allowance.computed").count() == 1


def test_hours_at_another_school_count_and_a_recompute_updates_the_row(cast) -> None:
    school, second = own_school(cast), other_school(cast)
    teacher = certified(cast)
    TeachingAssignmentFactory(teacher=teacher, school=second, is_main=False, weekly_hours=6)
    line(teacher, school, operator_of(school), 18)
    eligibility_compute(cast.dinas.district, SEMESTER, by=cast.dinas, now=NOW)
    line(teacher, second, operator_of(second, "operator2"), 6)

    eligibility_compute(cast.dinas.district, SEMESTER, by=cast.dinas, now=NOW)

    row = SemesterEligibility.objects.get(teacher=teacher)
    assert row.eligible and row.hours == 24
    assert SemesterEligibility.objects.filter(teacher=teacher).count() == 1


def test_the_linearity_table_and_an_approval_change_the_verdict(cast) -> None:
    school = own_school(cast)
    operator = operator_of(school)
    teacher = certified(cast)
    line(teacher, school, operator, 18)
    line(teacher, school, operator, 6, subject="097", label="8A")
    eligibility_compute(cast.dinas.district, SEMESTER, by=cast.dinas, now=NOW)
    assert not SemesterEligibility.objects.get(teacher=teacher).eligible

    entry = linearity_add(
        certified=teacher.subject,
        taught=Subject.objects.get(code="097"),
        note="IPA",
        actor=cast.dinas,
        now=NOW,
    )
    eligibility_compute(cast.dinas.district, SEMESTER, by=cast.dinas, now=NOW)
    assert SemesterEligibility.objects.get(teacher=teacher).eligible

    linearity_remove(entry=entry, actor=cast.dinas)
    approval_record(
        teacher=teacher,
        letter_number="0123/MPN/2009",
        letter_date=dt.date(2009, 1, 5),
        official="Direktur Jenderal PMPTK",
        first_semester="2009-1",
        last_semester="2009-2",
        reason="Sekolah kecil di daerah terpencil.",
        actor=cast.dinas,
        now=NOW,
    )
    eligibility_compute(cast.dinas.district, SEMESTER, by=cast.dinas, now=NOW)
    row = SemesterEligibility.objects.get(teacher=teacher)
    assert row.eligible
    assert "0123/MPN/2009" in next(r for r in row.reasons if r["rule"] == "hours")["reason"]["en"]


def test_the_2007_obligation_of_a_principal_and_a_permanent_post_elsewhere(cast) -> None:
    school = own_school(cast)
    operator = operator_of(school)
    principal, elsewhere = certified(cast), certified(cast)
    line(principal, school, operator, 6)
    duty_add(school=school, semester=SEMESTER, teacher=principal, kind="principal", actor=operator)
    line(elsewhere, school, operator, 24)
    teacher_semester_set(
        school=school,
        semester=SEMESTER,
        teacher=elsewhere,
        pkg="baik",
        employed_elsewhere=True,
        employer="",
        actor=operator,
    )

    eligibility_compute(cast.dinas.district, SEMESTER, by=cast.dinas, now=NOW)

    assert SemesterEligibility.objects.get(teacher=principal).eligible
    other = SemesterEligibility.objects.get(teacher=elsewhere)
    assert not other.eligible and reasons(other)["employment"] is False


def test_a_teacher_certified_this_year_waits_for_january(cast) -> None:
    school = own_school(cast)
    teacher = certified(cast)
    line(teacher, school, operator_of(school), 24, semester="2008-2")

    eligibility_compute(cast.dinas.district, "2008-2", by=cast.dinas, now=NOW)

    row = SemesterEligibility.objects.get(teacher=teacher)
    assert not row.eligible and reasons(row)["start"] is False


def test_a_teacher_without_a_certificate_but_with_a_load_is_listed_as_not_eligible(cast) -> None:
    school = own_school(cast)
    line(cast.sri.teacher, school, operator_of(school), 24)

    eligibility_compute(cast.dinas.district, SEMESTER, by=cast.dinas, now=NOW)

    row = SemesterEligibility.objects.get(teacher=cast.sri.teacher)
    assert not row.eligible
    assert reasons(row)["certificate"] is False and reasons(row)["nrg"] is False


def test_another_districts_teachers_are_not_computed_and_old_rows_go(cast) -> None:
    school = own_school(cast)
    teacher = certified(cast)
    line(teacher, school, operator_of(school), 24)
    eligibility_compute(cast.dinas_other.district, SEMESTER, by=cast.dinas_other, now=NOW)
    assert not SemesterEligibility.objects.exists()
    eligibility_compute(cast.dinas.district, SEMESTER, by=cast.dinas, now=NOW)
    TeachingLoad.objects.filter(teacher=teacher).delete()
    teacher.certificates.update(status="revoked")

    eligibility_compute(cast.dinas.district, SEMESTER, by=cast.dinas, now=NOW)

    assert not SemesterEligibility.objects.filter(teacher=teacher).exists()


def test_the_computation_takes_a_fixed_number_of_queries(cast) -> None:
    school = own_school(cast)
    operator = operator_of(school)
    teachers = [certified(cast) for _ in range(2)]
    for teacher in teachers:
        line(teacher, school, operator, 24)
    with CaptureQueriesContext(connection) as few:
        eligibility_compute(cast.dinas.district, SEMESTER, by=cast.dinas, now=NOW)
    more = [certified(cast) for _ in range(4)]
    for teacher in more:
        line(teacher, school, operator, 20)
        duty_add(
            school=school, semester=SEMESTER, teacher=teacher, kind="principal", actor=operator
        )

    with CaptureQueriesContext(connection) as many:
        eligibility_compute(cast.dinas.district, SEMESTER, by=cast.dinas, now=NOW)

    assert len(many) == len(few)


def test_a_change_withdraws_the_schools_confirmation(cast) -> None:
    school = own_school(cast)
    operator = operator_of(school)
    teacher = certified(cast)
    entry = line(teacher, school, operator, 20)
    first = load_confirm(school=school, semester=SEMESTER, actor=operator, now=NOW)
    assert load_confirm(school=school, semester=SEMESTER, actor=operator) == first

    load_line_save(
        line=entry,
        school=school,
        semester=SEMESTER,
        teacher=teacher,
        class_label="7A",
        subject=entry.subject,
        hours=24,
        actor=operator,
    )

    assert not LoadConfirmation.objects.exists()
    load_line_delete(line=entry, actor=operator)
    assert not TeachingLoad.objects.exists()
    with pytest.raises(ValidationError, match="nothing to confirm"):
        load_confirm(school=school, semester=SEMESTER, actor=operator)


def test_only_the_schools_operator_changes_its_load(cast) -> None:
    school = own_school(cast)
    teacher = certified(cast)
    other_operator = operator_of(other_school(cast), "operator2")

    for actor in (other_operator, cast.dinas, cast.sri):
        with pytest.raises(ValidationError, match="Only the school's operator"):
            line(teacher, school, actor, 24)


def test_a_line_for_a_teacher_of_another_school_is_refused(cast) -> None:
    school = own_school(cast)
    with pytest.raises(ValidationError) as refused:
        line(cast.budi.teacher, school, operator_of(school), 24)
    assert refused.value.message_dict == {
        "teacher": ["This teacher is not assigned to the school."]
    }


def test_a_duty_outside_the_years_table_is_refused_and_duties_are_removed(cast) -> None:
    school = own_school(cast)
    operator = operator_of(school)
    teacher = certified(cast)

    with pytest.raises(ValidationError, match="not an additional duty"):
        duty_add(school=school, semester=SEMESTER, teacher=teacher, kind="homeroom", actor=operator)
    duty = duty_add(
        school=school, semester="2019-1", teacher=teacher, kind="homeroom", actor=operator
    )
    duty_remove(duty=duty, actor=operator)

    assert not AdditionalDuty.objects.exists()


def test_counselling_pupils_are_set_changed_and_removed(cast) -> None:
    school = own_school(cast)
    operator = operator_of(school)
    teacher = certified(cast)

    entry = counselling_set(
        school=school, semester=SEMESTER, teacher=teacher, pupils=150, actor=operator
    )
    assert entry is not None and entry.pupils == 150
    eligibility_compute(cast.dinas.district, SEMESTER, by=cast.dinas, now=NOW)
    assert SemesterEligibility.objects.get(teacher=teacher).eligible
    counselling_set(school=school, semester=SEMESTER, teacher=teacher, pupils=100, actor=operator)

    assert (
        counselling_set(school=school, semester=SEMESTER, teacher=teacher, pupils=0, actor=operator)
        is None
    )
    assert not teacher.counselling.exists()


def test_only_the_committee_keeps_the_table_and_records_approvals_of_its_district(cast) -> None:
    teacher = certified(cast)
    math, science = teacher.subject, Subject.objects.create(code="097", name="IPA")
    with pytest.raises(ValidationError, match="Only the district committee"):
        linearity_add(certified=math, taught=science, note="", actor=cast.pak_kepala)
    with pytest.raises(ValidationError, match="always in line with itself"):
        linearity_add(certified=math, taught=math, note="", actor=cast.dinas)
    with pytest.raises(ValidationError, match="not in your district"):
        approval_record(
            teacher=teacher,
            letter_number="1",
            letter_date=dt.date(2009, 1, 1),
            official="Menteri",
            first_semester="2009-1",
            last_semester="2009-1",
            reason="x",
            actor=cast.dinas_other,
        )
    with pytest.raises(ValidationError) as backwards:
        approval_record(
            teacher=teacher,
            letter_number="1",
            letter_date=dt.date(2009, 1, 1),
            official="Menteri",
            first_semester="2009-2",
            last_semester="2009-1",
            reason="x",
            actor=cast.dinas,
        )
    assert "last_semester" in backwards.value.message_dict


def csv_file(
    *rows: str, header: str = "NUPTK,NPSN,CLASS,SUBJECT,HOURS,TEAM_SHARE,PUPILS"
) -> io.BytesIO:
    return io.BytesIO("\n".join((header, *rows)).encode("utf-8"))


def test_a_dry_run_reports_every_bad_row_and_writes_nothing(cast) -> None:
    school = own_school(cast)
    operator = operator_of(school)
    teacher = certified(cast)
    stranger = TeacherFactory()
    TeachingAssignmentFactory(
        teacher=stranger, school=SchoolFactory(subdistrict=SubdistrictFactory())
    )
    good = f"{teacher.nuptk},{school.npsn},7A,180,12,,30"
    stream = csv_file(
        good,
        f"{teacher.nuptk},{school.npsn},7A,180,6,,",
        f"{stranger.nuptk},{school.npsn},7B,180,6,,",
        f"{teacher.nuptk},20499999,7C,999,6,0.5,",
        f"{teacher.nuptk},{school.npsn},7D,180,70,,",
    )

    report = load_import(
        school=school, semester=SEMESTER, stream=stream, actor=operator, apply=True
    )

    assert [(line, column) for line, column, _ in report.problems] == [
        (3, "CLASS"),
        (4, "NUPTK"),
        (5, "NPSN"),
        (5, "SUBJECT"),
        (6, "HOURS"),
    ]
    assert not report.written and not TeachingLoad.objects.exists()


def test_a_clean_file_replaces_the_schools_lines(cast) -> None:
    school = own_school(cast)
    operator = operator_of(school)
    teacher = certified(cast)
    line(teacher, school, operator, 2, label="9Z")
    rows = (
        f"{teacher.nuptk},{school.npsn},7A,180,12,,30",
        f'{teacher.nuptk},{school.npsn},7B,180,12,"0,5",28',
    )

    dry = load_import(
        school=school, semester=SEMESTER, stream=csv_file(*rows), actor=operator, apply=False
    )
    assert (dry.lines, dry.written, dry.hours) == (2, False, {teacher.name: Decimal(18)})
    assert TeachingLoad.objects.count() == 1

    done = load_import(
        school=school, semester=SEMESTER, stream=csv_file(*rows), actor=operator, apply=True
    )

    assert done.written
    assert sorted(TeachingLoad.objects.values_list("class_label", flat=True)) == ["7A", "7B"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"NUPTK,NPSN\n", "HOURS"),
        (b"NUPTK,NPSN,CLASS,SUBJECT,HOURS\n", "no timetable lines"),
        (b'NUPTK,NPSN,CLASS,SUBJECT,HOURS\n"1"x,2,3,4,5\n', "CSV"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(cast, content: bytes, message: str) -> None:
    school = own_school(cast)

    report = load_import(
        school=school,
        semester=SEMESTER,
        stream=io.BytesIO(content),
        actor=operator_of(school),
        apply=True,
    )

    assert message in " ".join(text for _, _, text in report.problems)


@pytest.mark.parametrize(
    "content",
    [b"PK\x03\x04broken", b"\x00\x01binary", "NUPTK,HOURS\n1,\u00e9".encode("latin-1")],
)
def test_a_file_that_is_no_table_is_refused(cast, content: bytes) -> None:
    school = own_school(cast)
    with pytest.raises(ValidationError, match="CSV"):
        load_import(
            school=school,
            semester=SEMESTER,
            stream=io.BytesIO(content),
            actor=operator_of(school),
            apply=False,
        )


def test_an_xlsx_timetable_is_read(cast) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    school = own_school(cast)
    teacher = certified(cast)
    book = Workbook()
    sheet = book.active
    sheet.append(["NUPTK", "NPSN", "CLASS", "SUBJECT", "HOURS"])
    sheet.append([teacher.nuptk, school.npsn, "7A", "180", 24])
    data = io.BytesIO()
    book.save(data)

    report = load_import(
        school=school, semester=SEMESTER, stream=data, actor=operator_of(school), apply=True
    )

    assert report.written and report.lines == 1
