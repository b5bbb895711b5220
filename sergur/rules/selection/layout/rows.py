"""The row parser of teacher master data: one row of cells → a `ParsedRow` or every problem
it has, each naming the line, the column and the reason (Buku 1, docs/sources/domain.md §4.1 and
§8)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Mapping
from typing import Any

from sergur.rules.messages import msg
from sergur.rules.selection.layout.spec import (
    EDUCATION,
    EMPLOYMENT,
    EXTRA,
    GENDERS,
    ISO,
    LIMITS,
    MAX_CELL,
    MISMATCH,
    OTHER_HOURS,
    REQUIRED,
    TEMPORARY_NUPTK,
    YES_NO,
    DateFormat,
    ParsedRow,
    RowProblem,
    SchoolRef,
    canonical_name,
    check_header,
    normalise_header,
    parse_date,
    problem,
)
from sergur.rules.text import without_invisible

_NUPTK = re.compile(r"[0-9]{16}")
_NIP = re.compile(r"[0-9]{18}")
_CODE = re.compile(r"[0-9]{3}")
_NPSN = re.compile(r"[0-9A-Z]{8}")
_RANK = re.compile(r"(I|II|III|IV)/[a-e]")
_INT = re.compile(r"[0-9]{1,4}")
_ENTRY = re.compile(r"([0-9A-Z]{8}):([0-9]{1,2})")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _yyyymmdd(day: dt.date) -> str:
    """The date as the NIP's first eight digits: the year always four digits (strftime's %Y
    gives "999" for the year 999 on some platforms; polars gives "0999")."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


class _Row:
    """The cells of one row with the problems found while reading them."""

    __slots__ = ("cells", "controls", "date_format", "line", "problems")

    def __init__(self, line: int, cells: Mapping[str, str], date_format: DateFormat) -> None:
        self.line = line
        self.cells = cells
        self.date_format = date_format
        self.problems: list[RowProblem] = []
        # One search over the whole row; cells are searched one by one only when it finds one.
        self.controls = _CONTROL.search("".join(v for v in cells.values() if v)) is not None

    def add(self, where: str, code: str, /, **params: object) -> None:
        self.problems.append(RowProblem(self.line, where, code, msg(code, **params)))

    def text(self, column: str) -> str:
        # Bidirectional and zero-width characters are dropped, never stored (rules/text.py).
        value = without_invisible(self.cells.get(column) or "").strip()
        if not value:
            if column in REQUIRED:
                self.add(column, "import.required", column=column)
            return ""
        limit = LIMITS.get(column, MAX_CELL)
        if len(value) > limit:
            self.add(column, "import.cell_too_long", column=column, length=len(value), limit=limit)
            return ""
        if self.controls and _CONTROL.search(value):
            self.add(column, "import.cell_control", column=column)
            return ""
        return value

    def choice(self, column: str, choices: Mapping[str, Any] | tuple[str, ...]) -> str:
        value = self.text(column).upper()
        if value not in choices and (value or column in REQUIRED):
            if value:
                self.add(
                    column,
                    "import.choice_bad",
                    column=column,
                    value=value,
                    choices=", ".join(k for k in choices if k),
                )
            return ""
        return value

    def flag(self, column: str) -> bool:
        return bool(YES_NO.get(self.choice(column, YES_NO), False))

    def number(self, column: str, low: int, high: int) -> int:
        value = self.text(column)
        if not value:
            return 0
        if _INT.fullmatch(value) is None or not low <= int(value) <= high:
            self.add(column, "import.number_bad", column=column, value=value, low=low, high=high)
            return 0
        return int(value)

    def date(self, column: str) -> dt.date | None:
        value = self.text(column)
        if not value:
            return None
        parsed = parse_date(value, self.date_format)
        if parsed is None:
            self.add(column, "import.date_bad", column=column, value=value, format=self.date_format)
        return parsed

    def nuptk(self) -> str:
        """The NUPTK: 16 digits, and not one of the temporary numbers (§8)."""
        nuptk = self.text("NUPTK")
        if nuptk and _NUPTK.fullmatch(nuptk) is None:
            self.add("NUPTK", "import.nuptk_bad", value=nuptk[:40])
        elif nuptk.startswith(TEMPORARY_NUPTK):
            self.add("NUPTK", "import.nuptk_temporary", value=nuptk, prefix=nuptk[:4])
        return nuptk

    def nip(self, employment: str, birth_date: dt.date | None) -> str:
        """The NIP: 18 digits, present exactly for PNS, starting with the birth date."""
        nip = self.text("NIP")
        if nip and _NIP.fullmatch(nip) is None:
            self.add("NIP", "import.nip_bad", value=nip[:40])
        elif employment == "pns" and not nip:
            self.add("NIP", "import.nip_missing")
        elif employment == "non_pns" and nip:
            self.add("NIP", "import.nip_not_pns")
        elif nip and birth_date is not None and nip[:8] != _yyyymmdd(birth_date):
            self.add(
                "NIP", "import.nip_birth_mismatch", nip_date=f"{nip[:4]}-{nip[4:6]}-{nip[6:8]}"
            )
        return nip

    def rank(self) -> str:
        """The rank (golongan), I/a … IV/e, or empty."""
        rank = self.text("GOLONGAN")
        if rank and _RANK.fullmatch(rank) is None:
            self.add(
                "GOLONGAN",
                "import.choice_bad",
                column="GOLONGAN",
                value=rank[:40],
                choices="I/a … IV/e",
            )
        return rank

    def subject(
        self, known_subjects: Container[str] | None, column: str = "KODE_BIDANG_STUDI"
    ) -> str:
        """The 3-digit subject code, one of `known_subjects` when they are given."""
        subject = self.text(column)
        if subject and (
            _CODE.fullmatch(subject) is None
            or (known_subjects is not None and subject not in known_subjects)
        ):
            self.add(column, "import.subject_unknown", value=subject[:40])
        return subject

    def mismatch(self, subject: str, degree_subject: str) -> str:
        """The mismatch route (seed 003's FAQ), which needs a degree's field other than the
        subject taught: without one there is nothing to choose."""
        choice = MISMATCH.get(self.choice("PILIHAN_SERTIFIKASI", MISMATCH), "")
        if choice and (not degree_subject or degree_subject == subject):
            self.add("PILIHAN_SERTIFIKASI", "import.mismatch_without_degree")
        return choice

    def school(self, known_schools: Mapping[str, SchoolRef] | None) -> tuple[str, SchoolRef | None]:
        """The NPSN and its school, one of `known_schools` (and allowed) when they are given."""
        npsn = self.text("NPSN").upper()
        school = None
        if npsn:
            school = known_schools.get(npsn) if known_schools is not None else None
            if _NPSN.fullmatch(npsn) is None or (known_schools is not None and school is None):
                self.add("NPSN", "import.school_unknown", value=npsn[:40])
            elif school is not None and not school.allowed:
                self.add("NPSN", "import.school_outside", value=npsn)
        return npsn, school

    def other_schools(self, main: str, known_schools: Mapping[str, SchoolRef] | None) -> str:
        """The other schools the teacher teaches in, "NPSN:JAM;NPSN:JAM" (seed 003's FAQ:
        "mengajar di sekolah lain yang memiliki ijin operasional"), normalised; a school of
        another district is allowed, the row's own school (NPSN) must be the officer's."""
        text = self.text("SEKOLAH_LAIN").upper().replace(" ", "")
        entries: list[str] = []
        seen: set[str] = set()
        for entry in text.split(";") if text else ():
            found = _ENTRY.fullmatch(entry)
            if found is None:
                self.add("SEKOLAH_LAIN", "import.other_school_bad", value=entry[:40])
                continue
            npsn, hours = found[1], int(found[2])
            if known_schools is not None and npsn not in known_schools:
                self.add("SEKOLAH_LAIN", "import.school_unknown", value=npsn)
            elif not OTHER_HOURS[0] <= hours <= OTHER_HOURS[1]:
                self.add(
                    "SEKOLAH_LAIN",
                    "import.other_school_hours",
                    value=npsn,
                    low=OTHER_HOURS[0],
                    high=OTHER_HOURS[1],
                )
            elif npsn == main:
                self.add("SEKOLAH_LAIN", "import.other_school_main", value=npsn)
            elif npsn in seen:
                self.add("SEKOLAH_LAIN", "import.other_school_twice", value=npsn)
            seen.add(npsn)
            entries.append(f"{npsn}:{hours}")
        return ";".join(entries)


def parse_row(
    line_number: int,
    row: Mapping[str, str],
    known_subjects: Container[str] | None = None,
    known_schools: Mapping[str, SchoolRef] | None = None,
    *,
    date_format: DateFormat = ISO,
    normalised: bool = False,
) -> ParsedRow | list[RowProblem]:
    """One row of the layout → a ParsedRow, or every problem it has (docs/sources/domain.md §4.1,
    §8).

    `known_subjects` / `known_schools` of None skip those lookups (the command line has no
    registry); duplicates across rows are the caller's (`RowChecker`). `normalised` says the
    keys are already spelt as the layout spells them (the readers do that)."""
    cells = (
        row if normalised else {normalise_header(key): value or "" for key, value in row.items()}
    )
    r = _Row(line_number, cells, date_format)
    if cells.get(EXTRA):
        r.add("", "import.extra_cells")
    # The columns in the order of the layout, so that the problems come in that order.
    nuptk = r.nuptk()
    name = r.text("NAMA")
    name_dapodik = r.text("NAMA_DAPODIK")
    birth_place = r.text("TEMPAT_LAHIR")
    birth_date = r.date("TANGGAL_LAHIR")
    gender = r.choice("JENIS_KELAMIN", GENDERS)
    employment = EMPLOYMENT.get(r.choice("STATUS_KEPEGAWAIAN", EMPLOYMENT), "")
    nip = r.nip(employment, birth_date)
    rank = r.rank()
    has_inpassing = r.flag("INPASSING")
    education = r.choice("PENDIDIKAN", EDUCATION)
    degree_date = r.date("TANGGAL_IJAZAH")
    teacher_since = r.date("TMT_GURU")
    permanent_since = r.date("TMT_GURU_TETAP")
    gap = r.number("BULAN_TIDAK_MENGAJAR", 0, 600)
    subject = r.subject(known_subjects)
    npsn, school = r.school(known_schools)
    hours = r.number("JAM_MENGAJAR", 0, 60)
    duty = r.number("TUGAS_TAMBAHAN", 0, 3)
    achievement = r.number("PRESTASI", 0, 4)
    certified = r.flag("SUDAH_SERTIFIKASI")
    degree_subject = r.subject(known_subjects, "KODE_BIDANG_STUDI_IJAZAH")
    choice = r.mismatch(subject, degree_subject)
    other_schools = r.other_schools(npsn, known_schools)
    if r.problems or birth_date is None:
        return r.problems
    return ParsedRow(
        line=line_number,
        nuptk=nuptk,
        nip=nip,
        name=name,
        name_dapodik=name_dapodik,
        birth_place=birth_place,
        birth_date=birth_date,
        gender=gender,
        employment=employment,
        rank=rank,
        has_inpassing=has_inpassing,
        education_level=education,
        degree_date=degree_date,
        teacher_since=teacher_since,
        permanent_since=permanent_since,
        service_gap_months=gap,
        subject_code=subject,
        npsn=npsn,
        weekly_hours=hours,
        additional_duty=duty,
        achievement=achievement,
        certified=certified,
        region=school.region if school is not None else "",
        school_level=school.level if school is not None else "",
        degree_subject_code=degree_subject,
        mismatch_choice=choice,
        other_schools=other_schools,
        warnings=_name_warnings(line_number, name, name_dapodik),
    )


def _name_warnings(line: int, name: str, name_dapodik: str) -> tuple[RowProblem, ...]:
    """A warning when the NUPTK and Dapodik names are not one person's (docs/sources/domain.md
    §9.5)."""
    if not name_dapodik or canonical_name(name) == canonical_name(name_dapodik):
        return ()
    return (
        problem(
            line,
            "NAMA_DAPODIK",
            "import.name_mismatch",
            warning=True,
            nuptk=name,
            dapodik=name_dapodik,
        ),
    )


class RowChecker:
    """Parses the rows of one file in order: checks the header on the first row and refuses a
    NUPTK seen on an earlier line (docs/sources/domain.md §8: someone else's NUPTK entered)."""

    def __init__(
        self,
        known_subjects: Container[str] | None = None,
        known_schools: Mapping[str, SchoolRef] | None = None,
        *,
        date_format: DateFormat = ISO,
    ) -> None:
        self.known_subjects = known_subjects
        self.known_schools = known_schools
        self.date_format: DateFormat = date_format
        self.seen: dict[int, int] = {}  # NUPTK as a number → first line (compact for 10⁶ rows)
        self.header: list[RowProblem] | None = None
        self.normalised = False  # whether the rows' keys need no normalising (first row)

    def check(self, line: int, row: Mapping[str, str]) -> ParsedRow | list[RowProblem]:
        """Parse one row; a NUPTK already seen makes it a problem."""
        if self.header is None:
            self.header = check_header(key for key in row if key != EXTRA)
            self.normalised = all(key == EXTRA or key == normalise_header(key) for key in row)
        result = parse_row(
            line,
            row,
            self.known_subjects,
            self.known_schools,
            date_format=self.date_format,
            normalised=self.normalised,
        )
        if isinstance(result, list):
            return result
        key = int(result.nuptk)
        first = self.seen.setdefault(key, line)
        if first != line:
            return [problem(line, "NUPTK", "import.nuptk_duplicate", first=first)]
        return result

    @property
    def blocking_header(self) -> bool:
        """Whether the header makes the whole file unusable (a missing or repeated column)."""
        return any(not problem.warning for problem in self.header or ())
