"""The column layout of teacher master data (close to the national NUPTK/Dapodik exports) and
the row parser shared by the web import and `sergur rank` (Buku 1, facts.md §4.1 and §8).

A file is a table with one header row and one teacher a row. Header names are matched without
regard to case or surrounding spaces; the order is free; columns the layout does not know are
reported (a warning) and ignored. `docs/import.md` describes every column and every problem.

Dates are read in exactly one format, never guessed from a locale (facts.md §8: dd-mm versus
mm-dd broke logins): ISO `YYYY-MM-DD` by default, or `DD/MM/YYYY` only when the file is
declared to use it (`date_format=DMY`). XLSX date cells are real dates and need no format.

Every problem names the line, the column and the reason in Indonesian and English
(`RowProblem.message`). A row with an error is never imported; a row with only warnings
(unknown column, names that differ between NUPTK and Dapodik) is imported and the warning
is kept. The readers stream: neither reads a whole file into memory.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
import zipfile
from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal
from xml.etree.ElementTree import ParseError

from sergur.rules.messages import Message, msg
from sergur.rules.selection import Candidate

DateFormat = Literal["YYYY-MM-DD", "DD/MM/YYYY"]
ISO: DateFormat = "YYYY-MM-DD"
DMY: DateFormat = "DD/MM/YYYY"
MAX_CELL = 1000  # characters a cell may hold; a longer one is a problem, never stored
MAX_LINE_BYTES = 64 * 1024  # a physical CSV line longer than this stops the read
EXTRA = "#EXTRA"  # reader key of the cells past the last header column
TEMPORARY_NUPTK = ("9999", "9000", "9898")  # temporary numbers, not a real NUPTK (§8)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run these as formulas

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

_NUPTK = re.compile(r"[0-9]{16}")
_NIP = re.compile(r"[0-9]{18}")
_CODE = re.compile(r"[0-9]{3}")
_NPSN = re.compile(r"[0-9A-Z]{8}")
_RANK = re.compile(r"(I|II|III|IV)/[a-e]")
_INT = re.compile(r"[0-9]{1,4}")
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DMY = re.compile(r"([0-9]{2})/([0-9]{2})/([0-9]{4})")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TITLE_PREFIX = re.compile(r"^(?:(?:prof|dr|drs|dra|ir|h|hj|kh|hc)\.?\s+)+")
_NOT_LETTER = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
# What openpyxl raises on a damaged workbook (a zip without the parts, broken XML).
_XLSX_ERRORS = (
    zipfile.BadZipFile,
    KeyError,
    OSError,
    ValueError,
    ParseError,
    TypeError,
    AttributeError,
    IndexError,
)


class ReadError(Exception):
    """The file cannot be read further (encoding, CSV syntax, not an XLSX); names the line."""

    def __init__(self, line: int, message: Message) -> None:
        super().__init__(message.text("en"))
        self.line = line
        self.message = message


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
    level: str  # SD | SMP | SMA | SMK | SLB
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
    warnings: tuple[RowProblem, ...] = field(default=())

    def to_candidate(self) -> Candidate:
        """The row as selection sees it (Buku 1 ranking factors, facts.md §4.3)."""
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
            teaching_hours=self.weekly_hours,
            additional_duty=self.additional_duty,
            achievement=self.achievement,
            certified=self.certified,
            region=self.region,
            school_level=self.school_level,
            subject_code=self.subject_code,
        )


# -- helpers --------------------------------------------------------------------------------


def _yyyymmdd(day: dt.date) -> str:
    """The date as the NIP's first eight digits: the year always four digits (strftime's %Y
    gives "999" for the year 999 on some platforms; polars gives "0999")."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


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
            problems.append(_problem(1, name, "import.header_duplicate", column=name))
        seen.add(name)
        if name not in COLUMNS:
            problems.append(_problem(1, name, "import.header_unknown", warning=True, column=name))
    for name in COLUMNS:
        if name in REQUIRED and name not in seen:
            problems.append(_problem(1, name, "import.header_missing", column=name))
    return problems


def canonical_name(name: str) -> str:
    """A name without case, punctuation, extra spaces and academic or religious titles, so
    that the NUPTK and Dapodik spellings of one person compare equal (facts.md §9.5)."""
    text = name.lower().split(",", 1)[0]  # titles after the name follow a comma (", S.Pd.")
    text = _SPACES.sub(" ", text).strip()
    text = _TITLE_PREFIX.sub("", text)
    text = _NOT_LETTER.sub(" ", text.replace(".", " "))
    return _SPACES.sub(" ", text).strip()


def neutralise(value: str) -> str:
    """A cell safe to open in a spreadsheet: a leading =, +, -, @ is shown as text (OWASP CSV
    injection; facts.md §8 exports travel as spreadsheets)."""
    return "'" + value if value.startswith(FORMULA_START) else value


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


def _problem(
    line: int, where: str, code: str, /, *, warning: bool = False, **params: object
) -> RowProblem:
    return RowProblem(line, where, code, msg(code, **params), warning)


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
        value = (self.cells.get(column) or "").strip()
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


# -- the row parser -------------------------------------------------------------------------


def parse_row(
    line_number: int,
    row: Mapping[str, str],
    known_subjects: Container[str] | None = None,
    known_schools: Mapping[str, SchoolRef] | None = None,
    *,
    date_format: DateFormat = ISO,
    normalised: bool = False,
) -> ParsedRow | list[RowProblem]:
    """One row of the layout → a ParsedRow, or every problem it has (facts.md §4.1, §8).

    `known_subjects` / `known_schools` of None skip those lookups (the command line has no
    registry); duplicates across rows are the caller's (`RowChecker`). `normalised` says the
    keys are already spelt as the layout spells them (the readers do that)."""
    cells = (
        row if normalised else {normalise_header(key): value or "" for key, value in row.items()}
    )
    r = _Row(line_number, cells, date_format)
    if cells.get(EXTRA):
        r.add("", "import.extra_cells")
    nuptk = r.text("NUPTK")
    if nuptk and _NUPTK.fullmatch(nuptk) is None:
        r.add("NUPTK", "import.nuptk_bad", value=nuptk[:40])
    elif nuptk.startswith(TEMPORARY_NUPTK):
        r.add("NUPTK", "import.nuptk_temporary", value=nuptk, prefix=nuptk[:4])
    name = r.text("NAMA")
    name_dapodik = r.text("NAMA_DAPODIK")
    birth_place = r.text("TEMPAT_LAHIR")
    birth_date = r.date("TANGGAL_LAHIR")
    gender = r.choice("JENIS_KELAMIN", GENDERS)
    status = r.choice("STATUS_KEPEGAWAIAN", EMPLOYMENT)
    employment = EMPLOYMENT.get(status, "")
    nip = r.text("NIP")
    if nip and _NIP.fullmatch(nip) is None:
        r.add("NIP", "import.nip_bad", value=nip[:40])
    elif employment == "pns" and not nip:
        r.add("NIP", "import.nip_missing")
    elif employment == "non_pns" and nip:
        r.add("NIP", "import.nip_not_pns")
    elif nip and birth_date is not None and nip[:8] != _yyyymmdd(birth_date):
        r.add("NIP", "import.nip_birth_mismatch", nip_date=f"{nip[:4]}-{nip[4:6]}-{nip[6:8]}")
    rank = r.text("GOLONGAN")
    if rank and _RANK.fullmatch(rank) is None:
        r.add(
            "GOLONGAN",
            "import.choice_bad",
            column="GOLONGAN",
            value=rank[:40],
            choices="I/a … IV/e",
        )
    has_inpassing = r.flag("INPASSING")
    education = r.choice("PENDIDIKAN", EDUCATION)
    degree_date = r.date("TANGGAL_IJAZAH")
    teacher_since = r.date("TMT_GURU")
    permanent_since = r.date("TMT_GURU_TETAP")
    gap = r.number("BULAN_TIDAK_MENGAJAR", 0, 600)
    subject = r.text("KODE_BIDANG_STUDI")
    if subject and (
        _CODE.fullmatch(subject) is None
        or (known_subjects is not None and subject not in known_subjects)
    ):
        r.add("KODE_BIDANG_STUDI", "import.subject_unknown", value=subject[:40])
    npsn = r.text("NPSN").upper()
    school = None
    if npsn:
        school = known_schools.get(npsn) if known_schools is not None else None
        if _NPSN.fullmatch(npsn) is None or (known_schools is not None and school is None):
            r.add("NPSN", "import.school_unknown", value=npsn[:40])
        elif school is not None and not school.allowed:
            r.add("NPSN", "import.school_outside", value=npsn)
    hours = r.number("JAM_MENGAJAR", 0, 60)
    duty = r.number("TUGAS_TAMBAHAN", 0, 3)
    achievement = r.number("PRESTASI", 0, 4)
    certified = r.flag("SUDAH_SERTIFIKASI")
    if r.problems or birth_date is None:
        return r.problems
    warnings: tuple[RowProblem, ...] = ()
    if name_dapodik and canonical_name(name) != canonical_name(name_dapodik):
        warnings = (
            _problem(
                line_number,
                "NAMA_DAPODIK",
                "import.name_mismatch",
                warning=True,
                nuptk=name,
                dapodik=name_dapodik,
            ),
        )
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
        warnings=warnings,
    )


class RowChecker:
    """Parses the rows of one file in order: checks the header on the first row and refuses a
    NUPTK seen on an earlier line (facts.md §8: someone else's NUPTK entered)."""

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
            return [_problem(line, "NUPTK", "import.nuptk_duplicate", first=first)]
        return result

    @property
    def blocking_header(self) -> bool:
        """Whether the header makes the whole file unusable (a missing or repeated column)."""
        return any(not problem.warning for problem in self.header or ())


# -- readers --------------------------------------------------------------------------------


def _encoding_guess(raw: bytes) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    return "Latin-1/Windows-1252"


def _lines(stream: IO[bytes]) -> Iterator[str]:
    number = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE_BYTES:
            raise ReadError(number, msg("import.line_too_long", line=number, limit=MAX_LINE_BYTES))
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            guess = _encoding_guess(raw) if number == 1 else "Latin-1/Windows-1252"
            raise ReadError(number, msg("import.encoding", line=number, guess=guess)) from None
        yield text


def read_csv(source: str | Path | IO[bytes]) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of a UTF-8 CSV (a BOM is allowed) as (first line number, {column: cell}),
    one at a time; the header is line 1 (Buku 1 data exchange, facts.md §8)."""
    if isinstance(source, str | Path):
        with open(source, "rb") as stream:
            yield from read_csv(stream)
        return
    lines = _lines(source)
    reader = csv.reader(lines, strict=True)
    last = 0
    try:
        header = next(reader, None)
        if header is None:
            raise ReadError(1, msg("import.empty_file"))
        names = [normalise_header(name) for name in header]
        width = len(names)
        last = reader.line_num
        for cells in reader:
            start, last = last + 1, reader.line_num
            if not cells or cells == [""]:
                continue
            row = dict(zip(names, cells, strict=False))
            if len(cells) > width:
                row[EXTRA] = ",".join(cells[width:])[:MAX_CELL]
            yield start, row
    except csv.Error as exc:
        line = reader.line_num or 1
        raise ReadError(line, msg("import.csv_syntax", line=line, detail=str(exc))) from None


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "Y" if value else "T"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(path: str | Path | IO[bytes]) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of the first sheet of an XLSX workbook as (row number, {column: cell}),
    streamed (openpyxl read-only); formulas are read as their text, never evaluated."""
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except _XLSX_ERRORS as exc:
        raise ReadError(0, msg("import.xlsx_invalid", detail=type(exc).__name__)) from None
    try:
        yield from _xlsx_rows(book)
    except _XLSX_ERRORS as exc:
        raise ReadError(0, msg("import.xlsx_invalid", detail=type(exc).__name__)) from None
    finally:
        book.close()


def _xlsx_rows(book: Any) -> Iterator[tuple[int, dict[str, str]]]:
    sheet = book.worksheets[0] if book.worksheets else None
    if sheet is None:
        raise ReadError(1, msg("import.empty_file"))
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        raise ReadError(1, msg("import.empty_file"))
    names = [normalise_header(_cell_text(value)) for value in header]
    while names and not names[-1]:  # read-only sheets pad every row to the widest one
        names.pop()
    width = len(names)
    for number, values in enumerate(rows, start=2):
        cells = [_cell_text(value) for value in values]
        if not any(cells):
            continue
        row = dict(zip(names, cells, strict=False))
        if any(cells[width:]):
            row[EXTRA] = ",".join(cells[width:])[:MAX_CELL]
        yield number, row
