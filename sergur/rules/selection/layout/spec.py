"""The column layout of teacher master data: the columns, what each may hold, and the values a
valid row becomes (Buku 1, docs/sources/domain.md §4.1 and §8; docs/import.md describes every
column)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from sergur.rules.messages import Message, msg
from sergur.rules.selection import Candidate

DateFormat = Literal["YYYY-MM-DD", "DD/MM/YYYY"]
ISO: DateFormat = "YYYY-MM-DD"
DMY: DateFormat = "DD/MM/YYYY"
MAX_CELL = 1000  # characters a cell may hold; a longer one is a problem, never stored
EXTRA = "#EXTRA"  # reader key of the cells past the last header column
TEMPORARY_NUPTK = ("9999", "9000", "9898")  # temporary numbers, not a real NUPTK (§8)

# name: (required, what it holds) — the order here is the order of docs/import.md.
COLUMNS: dict[str, tuple[bool, str]] = {
    "NUPTK": (True, "16 digits"),
    "NIP": (False, "18 digits; required for PNS, empty for non-PNS"),
    "NAMA": (True, "name as in the NUPTK database, with titles"),
    "NAMA_DAPODIK": (False, "name as in Dapodik, compared with NAMA"),
    "TEMPAT_LAHIR": (False, "place of birth"),
    "TANGGAL_LAHIR": (True, "date of birth"),
    "JENIS_KELAMIN": (True, "L or P"),
    "STATUS_KEPEGAWAIAN": (True, "PNS, CPNS, NON PNS, GTY, GTT or HONORER"),
    "GOLONGAN": (False, "I/a … IV/e, empty when none"),
    "INPASSING": (False, "Y or T (non-PNS with SK inpassing)"),
    "PENDIDIKAN": (True, "SMA, D1, D2, D3, S1, D4, S2 or S3"),
    "TANGGAL_IJAZAH": (False, "date of the S1/D4 (or D3) degree"),
    "TMT_GURU": (False, "first appointment as a teacher"),
    "TMT_GURU_TETAP": (False, "non-PNS: appointed permanent teacher"),
    "BULAN_TIDAK_MENGAJAR": (False, "months not teaching, 0 or more"),
    "KODE_BIDANG_STUDI": (True, "3-digit subject code"),
    "NPSN": (True, "8-character school number of the main school"),
    "JAM_MENGAJAR": (True, "teaching hours a week, 0–60"),
    "TUGAS_TAMBAHAN": (False, "0 none, 1 other, 2 vice-principal/head, 3 principal"),
    "PRESTASI": (False, "0 none, 1 district, 2 province, 3 national, 4 international"),
    "SUDAH_SERTIFIKASI": (False, "Y or T"),
    "KODE_BIDANG_STUDI_IJAZAH": (False, "3-digit subject code of the S1/D4 degree's field"),
    "PILIHAN_SERTIFIKASI": (False, "mismatch route: IJAZAH (degree's field) or MENGAJAR (taught)"),
    "SEKOLAH_LAIN": (False, "other schools and weekly hours: NPSN:JAM;NPSN:JAM"),
}
# Columns shorter than MAX_CELL because the registry keeps them in shorter fields.
LIMITS = {"NAMA": 150, "NAMA_DAPODIK": 150, "TEMPAT_LAHIR": 100}
REQUIRED = frozenset(name for name, (required, _what) in COLUMNS.items() if required)
EMPLOYMENT = {
    "PNS": "pns",
    "CPNS": "pns",
    "NON PNS": "non_pns",
    "NON-PNS": "non_pns",
    "NONPNS": "non_pns",
    "GTY": "non_pns",
    "GTT": "non_pns",
    "HONORER": "non_pns",
}
EDUCATION = ("SMA", "D1", "D2", "D3", "S1", "D4", "S2", "S3")
YES_NO = {"Y": True, "YA": True, "T": False, "TIDAK": False, "": False}
GENDERS = ("L", "P")
# The route of a teacher who teaches outside their degree's field (seed 003's FAQ: "sepenuhnya
# diserahkan guru yang bersangkutan"), as the registry spells it (`rules.selection.subject`).
MISMATCH = {"IJAZAH": "degree", "MENGAJAR": "taught"}
# The hours a week at one other school (seed 003's FAQ: "mengajar di sekolah lain yang
# memiliki ijin operasional"); the whole week stays within JAM_MENGAJAR's 0–60 per school.
OTHER_HOURS = (1, 40)

_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DMY = re.compile(r"([0-9]{2})/([0-9]{2})/([0-9]{4})")
_TITLE_PREFIX = re.compile(r"^(?:(?:prof|dr|drs|dra|ir|h|hj|kh|hc)\.?\s+)+")
_NOT_LETTER = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One thing wrong with one row: where (line, column), what (code) and why (message)."""

    line: int
    column: str  # "" when the problem is the whole row or file
    code: str
    message: Message
    warning: bool = False  # a warning is reported; the row is imported all the same


@dataclass(frozen=True, slots=True)
class SchoolRef:
    """What the parser needs to know of a school: its region code and level."""

    region: str  # province + district code, e.g. "3402"
    level: str  # TK | TKLB | SD | SMP | SMA | SMK | SLB
    allowed: bool = True  # False: outside the importing officer's district


@dataclass(frozen=True, slots=True)
class ParsedRow:
    """A valid row: the registry fields of the teacher and of their main school."""

    line: int
    nuptk: str
    nip: str
    name: str
    name_dapodik: str
    birth_place: str
    birth_date: dt.date
    gender: str
    employment: str
    rank: str
    has_inpassing: bool
    education_level: str
    degree_date: dt.date | None
    teacher_since: dt.date | None
    permanent_since: dt.date | None
    service_gap_months: int
    subject_code: str
    npsn: str
    weekly_hours: int
    additional_duty: int
    achievement: int
    certified: bool
    region: str = ""
    school_level: str = ""
    degree_subject_code: str = ""  # "" when the degree's field is not recorded
    mismatch_choice: str = ""  # "", "degree" or "taught" (MISMATCH)
    other_schools: str = ""  # "NPSN:JAM;NPSN:JAM", normalised (SEKOLAH_LAIN); "" when none
    warnings: tuple[RowProblem, ...] = field(default=())

    @property
    def other_school_hours(self) -> tuple[tuple[str, int], ...]:
        """The other schools (NPSN) and the hours a week at each, in the file's order."""
        if not self.other_schools:
            return ()
        pairs = (entry.split(":") for entry in self.other_schools.split(";"))
        return tuple((npsn, int(hours)) for npsn, hours in pairs)

    def to_candidate(self) -> Candidate:
        """The row as selection sees it (Buku 1 ranking factors, docs/sources/domain.md §4.3)."""
        return Candidate(
            nuptk=self.nuptk,
            name=self.name,
            birth_date=self.birth_date,
            employment=self.employment,
            rank=self.rank,
            has_inpassing=self.has_inpassing,
            education_level=self.education_level,
            degree_date=self.degree_date,
            teacher_since=self.teacher_since,
            permanent_since=self.permanent_since,
            service_gap_months=self.service_gap_months,
            teaching_hours=self.weekly_hours + sum(h for _npsn, h in self.other_school_hours),
            additional_duty=self.additional_duty,
            achievement=self.achievement,
            certified=self.certified,
            region=self.region,
            school_level=self.school_level,
            subject_code=self.subject_code,
        )


# -- helpers ---------------------------------------------------------------------------------


def problem(
    line: int, where: str, code: str, /, *, warning: bool = False, **params: object
) -> RowProblem:
    """A problem at `line`, `where` (a column, or "" for the row), with its message."""
    return RowProblem(line, where, code, msg(code, **params), warning)


def normalise_header(name: str) -> str:
    """A header name as the layout spells it: trimmed, no BOM, capitals (docs/import.md)."""
    return name.strip().lstrip("\ufeff").strip().upper().replace(" ", "_")


def check_header(columns: Iterable[str]) -> list[RowProblem]:
    """Problems of the header row (line 1): missing, duplicate and unknown columns (§8 exports)."""
    problems: list[RowProblem] = []
    seen: set[str] = set()
    for raw in columns:
        name = normalise_header(raw)
        if not name:
            continue
        if name in seen:
            problems.append(problem(1, name, "import.header_duplicate", column=name))
        seen.add(name)
        if name not in COLUMNS:
            problems.append(problem(1, name, "import.header_unknown", warning=True, column=name))
    for name in COLUMNS:
        if name in REQUIRED and name not in seen:
            problems.append(problem(1, name, "import.header_missing", column=name))
    return problems


def canonical_name(name: str) -> str:
    """A name without case, punctuation, extra spaces and academic or religious titles, so
    that the NUPTK and Dapodik spellings of one person compare equal (docs/sources/domain.md
    §9.5)."""
    text = name.lower().split(",", 1)[0]  # titles after the name follow a comma (", S.Pd.")
    text = _SPACES.sub(" ", text).strip()
    text = _TITLE_PREFIX.sub("", text)
    text = _NOT_LETTER.sub(" ", text.replace(".", " "))
    return _SPACES.sub(" ", text).strip()


def parse_date(text: str, date_format: DateFormat = ISO) -> dt.date | None:
    """A date in the one declared format, or None; never guessed from a locale (§8)."""
    pattern = _ISO if date_format == ISO else _DMY
    found = pattern.fullmatch(text)
    if found is None:
        return None
    a, b, c = (int(part) for part in found.groups())
    year, month, day = (a, b, c) if date_format == ISO else (c, b, a)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
