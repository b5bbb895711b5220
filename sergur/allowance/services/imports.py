"""The school's timetable export as the semester's load (docs/allowance.md, "The timetable
file"): a CSV or XLSX, streamed, one line per teacher, class and subject. A dry run reports
every bad row by line and column and what would be written; the import itself replaces the
school's lines for the semester only when no row has a problem, as the teacher import does
(docs/import.md). A row with an empty NUPTK is a class-subject no teacher teaches: it replaces
the school's open hours of the semester that no teacher was given yet ("Open hours")."""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.allowance.models import OpenHours, TeachingLoad
from sergur.allowance.selectors import school_teachers
from sergur.allowance.services.load import _changed, _check_operator
from sergur.common.i18n import rules_lang
from sergur.registry.models import School, Subject
from sergur.rules.allowance.rows import (
    CLASS,
    NPSN,
    NUPTK,
    SUBJECT,
    LoadRow,
    header_problems,
    parse_load_row,
)
from sergur.rules.allowance.semester import parse_semester
from sergur.rules.plpg.rows import peek_header
from sergur.tabular.readers import ReadError, read_csv, read_xlsx

SAMPLE = 64 * 1024
NOT_A_TABLE = _("Upload the timetable as a CSV (UTF-8) or an XLSX workbook.")
OTHER_SCHOOL = _("The NPSN %(npsn)s is not this school's (%(own)s).")
NOT_HERE = _("No teacher with this NUPTK is assigned to the school.")
NO_SUBJECT = _("No subject has the code %(code)s.")
TWICE = _("The same teacher, class and subject are on line %(first)s already.")
NO_ROWS = _("The file holds a header row but no timetable lines.")
TWICE_OPEN = _("The same untaught class and subject are on line %(first)s already.")
FILLED_OPEN = _(
    "The district's plan gave this class and subject to a teacher: name the teacher's NUPTK."
)


@dataclass
class LoadImportReport:
    """What a check or an import found: problems (line, column, message), the lines it
    would write (or wrote), and the hours per teacher."""

    problems: list[tuple[int, str, str]] = field(default_factory=list)
    lines: int = 0
    hours: dict[str, Decimal] = field(default_factory=dict)
    open_lines: int = 0
    open_hours: int = 0
    written: bool = False


@dataclass(frozen=True, slots=True)
class _Good:
    """The file's good rows: timetable lines with their teacher and subject ids, and open
    hours (rows without a NUPTK) with their subject id."""

    lines: list[tuple[LoadRow, int, int]]
    open: list[tuple[LoadRow, int]]


def _kind(stream: IO[bytes]) -> str:
    """The table's kind from its bytes: a zip holding a workbook, or UTF-8 text."""
    stream.seek(0)
    head = stream.read(SAMPLE)
    stream.seek(0)
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(stream) as archive:
                parts = set(archive.namelist())
        except zipfile.BadZipFile:
            parts = set()
        stream.seek(0)
        if "xl/workbook.xml" in parts:
            return "xlsx"
        raise ValidationError(NOT_A_TABLE, code="kind")
    if b"\x00" in head:
        raise ValidationError(NOT_A_TABLE, code="kind")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if not (len(head) == SAMPLE and exc.start >= SAMPLE - 4):  # a character cut in two
            raise ValidationError(NOT_A_TABLE, code="kind") from None
    return "csv"


def _check(school: School, semester: str, stream: IO[bytes], report: LoadImportReport) -> _Good:
    """Every row checked; the good ones with their teacher and subject ids."""
    lang = rules_lang()
    teachers = dict(school_teachers(school).values_list("nuptk", "pk"))
    names = dict(school_teachers(school).values_list("nuptk", "name"))
    subjects = dict(Subject.objects.values_list("code", "pk"))
    filled = set(
        OpenHours.objects.filter(
            school=school, semester=semester, filled_at__isnull=False
        ).values_list("class_label", "subject__code")
    )
    nothing = _Good([], [])
    kind = _kind(stream)
    if kind == "csv":
        # The header is checked even when no line follows it (read without moving).
        header = peek_header(stream)
        missing = header_problems(header) if header is not None else []
        if missing:
            report.problems.extend((p.line, p.column, p.message.text(lang)) for p in missing)
            return nothing
    rows = read_xlsx(stream) if kind == "xlsx" else read_csv(stream)
    good = _Good([], [])
    first: dict[tuple[str, str, str], int] = {}
    header_checked = False
    for line, row in rows:
        if not header_checked:
            header_checked = True
            missing = header_problems(row.keys())
            if missing:
                report.problems.extend((p.line, p.column, p.message.text(lang)) for p in missing)
                return nothing
        parsed = parse_load_row(line, row, untaught=True)
        if isinstance(parsed, list):
            report.problems.extend((p.line, p.column, p.message.text(lang)) for p in parsed)
            continue
        problems = []
        if parsed.npsn != school.npsn:
            problems.append(
                (line, NPSN, str(OTHER_SCHOOL % {"npsn": parsed.npsn, "own": school.npsn}))
            )
        untaught = parsed.nuptk == ""
        teacher = None if untaught else teachers.get(parsed.nuptk)
        if teacher is None and not untaught:
            problems.append((line, NUPTK, str(NOT_HERE)))
        if untaught and (parsed.class_label, parsed.subject) in filled:
            problems.append((line, NUPTK, str(FILLED_OPEN)))
        subject = subjects.get(parsed.subject)
        if subject is None:
            problems.append((line, SUBJECT, str(NO_SUBJECT % {"code": parsed.subject})))
        key = (parsed.nuptk, parsed.class_label, parsed.subject)
        if key in first:
            twice = TWICE_OPEN if untaught else TWICE
            problems.append((line, CLASS, str(twice % {"first": first[key]})))
        else:
            first[key] = line
        if problems or subject is None:
            report.problems.extend(problems)
            continue
        if teacher is None:
            good.open.append((parsed, subject))
            report.open_hours += parsed.hours
            continue
        good.lines.append((parsed, teacher, subject))
        name = names[parsed.nuptk]
        report.hours[name] = report.hours.get(name, Decimal(0)) + parsed.hours * parsed.share
    if not header_checked:
        report.problems.append((1, "", gettext(str(NO_ROWS))))
    report.lines = len(good.lines)
    report.open_lines = len(good.open)
    return good


@transaction.atomic
def load_import(
    *,
    school: School,
    semester: str,
    stream: IO[bytes],
    actor: User,
    apply: bool,
    now: dt.datetime | None = None,
) -> LoadImportReport:
    """Check the whole file (`apply` False: a dry run); with `apply`, replace the school's
    lines of the semester with the file's, and its open hours no teacher was given with the
    file's rows without a NUPTK, only when no row has a problem."""
    _check_operator(actor, school)
    code = parse_semester(semester).code
    report = LoadImportReport()
    try:
        good = _check(school, code, stream, report)
    except ReadError as exc:
        report.problems.append((exc.line, "", exc.message.text(rules_lang())))
        return report
    if report.problems or not apply:
        return report
    when = now or timezone.now()
    TeachingLoad.objects.filter(school=school, semester=code).delete()
    TeachingLoad.objects.bulk_create(
        [
            TeachingLoad(
                semester=code,
                teacher_id=teacher,
                school=school,
                class_label=row.class_label,
                subject_id=subject,
                hours=row.hours,
                team_share=row.share,
                pupils=row.pupils,
                updated_at=when,
                updated_by=actor,
            )
            for row, teacher, subject in good.lines
        ],
        batch_size=1000,
    )
    OpenHours.objects.filter(school=school, semester=code, filled_at__isnull=True).delete()
    OpenHours.objects.bulk_create(
        [
            OpenHours(
                semester=code,
                school=school,
                class_label=row.class_label,
                subject_id=subject,
                hours=row.hours,
                pupils=row.pupils,
                updated_at=when,
                updated_by=actor,
            )
            for row, subject in good.open
        ],
        batch_size=1000,
    )
    _changed(school, code, actor, {"imported": len(good.lines), "open": len(good.open)})
    report.written = True
    return report


def teacher_hours(report: LoadImportReport) -> list[tuple[str, Decimal]]:
    """The dry run's hours per teacher, by name."""
    return sorted(report.hours.items())
