"""The tables of the 2007 portfolio instrument (Buku II, docs/instrument-2007.md) as data.

Each section is one table of the instrument: its columns (the fields a teacher fills), how its
rows are labelled (and so its evidence codes), and how a filled row becomes an entry of the
`sergur.portfolio/1` file that the rules core scores. Beside the printed columns, a section
asks for the facts the rubric scores by (level, relevance, education degree...), which the
paper instrument left to the assessor; the assessors confirm or override them.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

Kind = Literal["text", "textarea", "int", "year", "date", "choice", "bool"]


@dataclass(frozen=True)
class Field:
    """One column of an instrument table."""

    name: str
    label: Promise
    kind: Kind = "text"
    required: bool = True
    choices: tuple[tuple[str, Promise | str], ...] = ()
    max_length: int = 200
    min_value: int | None = None
    max_value: int | None = None
    help_text: Promise | str = ""


LabelStyle = Literal["letter", "number", "letter_paren"]


@dataclass(frozen=True)
class Section:
    """One table of the instrument."""

    key: str
    component: int
    number: str
    title: Promise
    instruction: Promise
    fields: tuple[Field, ...]
    code_prefix: str
    label_style: LabelStyle
    to_schema: Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]
    max_entries: dict[str, int] = field(default_factory=dict)
    roles: tuple[str, ...] = ("subject_teacher", "counselor")
    note: Promise | str = ""

    def label(self, position: int) -> str:
        """The printed row label for the 0-based `position`: a / 1) / a)."""
        if self.label_style == "letter":
            return letters(position)
        if self.label_style == "number":
            return f"{position + 1})"
        return f"{letters(position)})"

    def code(self, position: int) -> str:
        """The evidence code of the row, as the instrument numbers it (e.g. 2.c, 10.a.1))."""
        return f"{self.code_prefix}.{self.label(position)}"

    def max_for(self, role: str) -> int | None:
        """How many rows the table allows for a role (None: as many as needed)."""
        return self.max_entries.get(role)


def letters(position: int) -> str:
    """a, b, ..., z, aa, ab, ... for 0, 1, ..., 25, 26, 27, ..."""
    out = ""
    n = position
    while True:
        out = string.ascii_lowercase[n % 26] + out
        n = n // 26 - 1
        if n < 0:
            return out


LEVEL5 = (
    ("international", _("International")),
    ("national", _("National")),
    ("province", _("Province")),
    ("district", _("District (kabupaten/kota)")),
    ("subdistrict", _("Subdistrict (kecamatan)")),
)
LEVEL4 = LEVEL5[:4]
LEVEL6 = (*LEVEL5, ("village", _("Village (desa/kelurahan)")))
YES_NO = (("yes", _("Yes")), ("no", _("No")))


def _yes(value: Any) -> bool:
    return value is True or value == "yes"


def _optional(out: dict[str, Any], values: dict[str, Any], *names: str) -> dict[str, Any]:
    for name in names:
        value = values.get(name)
        if value not in (None, ""):
            out[name] = value
    return out


# -- component 1 ---------------------------------------------------------------------------
QUALIFICATION_ROWS = {"D4": "a", "S1": "b", "PGD": "c", "S2": "d", "S3": "e"}


def _qualification(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    out = {
        "level": v["level"],
        "education_degree": _yes(v["education_degree"]),
        "relevance": v["relevance"],
        "teaching_license": _yes(v.get("teaching_license")),
    }
    out = _optional(out, v, "institution", "year")
    if v.get("program"):
        out["program"] = v["program"]
    return "qualifications", out


def _training(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    out = {"hours": v["hours"], "level": v["level"], "relevant": _yes(v["relevant"])}
    return "trainings", _optional(out, v, "name", "organizer", "year")


def _teaching_period(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    # Periods are not entries of the file: their sum is teaching_experience.years.
    return "teaching_periods", dict(v)


def _lesson_plan(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    out: dict[str, Any] = {}
    return "lesson_plans", _optional(out, v, "subject", "topic", "semester", "year")


def _competition(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    out: dict[str, Any] = {"kind": v["kind"]}
    if v["kind"] == "competition":
        out["level"] = v["level"]
    return "competitions", _optional(out, v, "name", "year")


def _peer_coaching(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    role = "instructor" if v["role"] == "instructor" else "core_teacher"
    return "peer_coaching", _optional({"role": role}, v, "subject", "place")


def _student_coaching_won(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "student_coaching", _optional({"won": True, "level": v["level"]}, v, "name")


def _student_coaching(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "student_coaching", _optional({"won": False}, v, "name")


def _written_work(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    kind = v["kind"]
    out: dict[str, Any] = {"kind": kind}
    if kind == "book":
        out["publication"] = v["publication"]
        out["relevant"] = _yes(v["relevant"])
    elif kind == "article":
        out["venue"] = v["venue"]
        out["relevant"] = _yes(v["relevant"])
    return "works", _optional(out, v, "title", "year")


def _research(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "works", _optional({"kind": "research", "role": v["role"]}, v, "title", "year")


def _review(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    out: dict[str, Any] = {"kind": "review"}
    if v.get("name"):
        out["title"] = v["name"]
    return "works", _optional(out, v, "year")


def _learning_media(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    out: dict[str, Any] = {"kind": "learning_media"}
    if v.get("name"):
        out["title"] = v["name"]
    return "works", _optional(out, v, "year")


def _artwork(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    out: dict[str, Any] = {"kind": "artwork"}
    if v.get("name"):
        out["title"] = v["name"]
    return "works", _optional(out, v, "year")


def _forum(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "forums", _optional({"level": v["level"], "role": v["role"]}, v, "name", "year")


def _organization(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    out = {"type": v["type"], "level": v["level"], "years": v["years"]}
    return "organizations", _optional(out, v, "name", "position")


def _additional_duty(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    years = max(int(v["end_year"]) - int(v["start_year"]), 0)
    return "additional_duties", _optional({"role": v["role"], "years": years}, v, "school")


def _award(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "awards", _optional({"level": v["level"]}, v, "name", "giver", "year")


def _special_area(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    years = max(int(v["end_year"]) - int(v["start_year"]), 0)
    return "special_area_service", _optional({"years": years}, v, "kind", "location")


def _year(name: str = "year", label: Promise | None = None, required: bool = True) -> Field:
    return Field(name, label or _("Year"), "year", required, min_value=1940, max_value=2100)


SECTIONS: tuple[Section, ...] = (
    Section(
        key="qualification",
        component=1,
        number="1",
        title=_("Academic qualification"),
        instruction=_("Write your higher-education history in the table below."),
        fields=(
            Field(
                "level",
                pgettext_lazy("degree", "Level"),
                "choice",
                choices=(
                    ("D4", "D4"),
                    ("S1", "S1"),
                    ("PGD", _("Post-graduate diploma")),
                    ("S2", "S2"),
                    ("S3", "S3"),
                ),
            ),
            Field("institution", _("University")),
            Field("faculty", _("Faculty"), required=False),
            Field("program", _("Department / study programme")),
            _year(label=_("Year of graduation")),
            Field(
                "education_degree",
                _("Education degree (kependidikan)"),
                "choice",
                choices=YES_NO,
            ),
            Field(
                "relevance",
                _("Relevance to the subject you teach"),
                "choice",
                choices=(
                    ("subject", _("Matches the subject")),
                    ("subject_family", _("In the subject family (rumpun)")),
                    ("none", _("Does not match")),
                ),
            ),
            Field(
                "teaching_license",
                _("Teaching licence (akta mengajar)"),
                "choice",
                required=False,
                choices=YES_NO,
            ),
        ),
        code_prefix="1",
        label_style="letter",
        to_schema=_qualification,
        note=_(
            "Attach copies of the diplomas legalised by the university that issued them "
            "(or by Ditjen Dikti for a foreign diploma). List every degree, also a second one "
            "of the same level."
        ),
    ),
    Section(
        key="training",
        component=2,
        number="2",
        title=_("Education and training (diklat)"),
        instruction=_("Write the education and training you have attended."),
        fields=(
            Field("name", _("Name / kind of training")),
            Field("place", _("Place"), required=False),
            Field("period", _("When held"), required=False, max_length=100),
            Field("hours", _("Hours"), "int", min_value=0, max_value=100000),
            Field("organizer", _("Organiser")),
            _year(),
            Field("level", _("Level"), "choice", choices=LEVEL5),
            Field("relevant", _("Relevant to your subject"), "choice", choices=YES_NO),
        ),
        code_prefix="2",
        label_style="letter",
        to_schema=_training,
        note=_("Attach certificates, charters or letters legalised by your direct superior."),
    ),
    Section(
        key="teaching_period",
        component=3,
        number="3",
        title=_("Teaching experience"),
        instruction=_(
            "Write where and when you have taught. Periods of study leave (tugas belajar) "
            "count; overlapping periods count once."
        ),
        fields=(
            Field("school", _("School")),
            Field("subject", _("Subject / class teacher"), required=False),
            Field("start", _("From"), "date"),
            Field("end", _("Until (empty: still teaching)"), "date", required=False),
            Field("study_leave", _("Study leave"), "choice", required=False, choices=YES_NO),
        ),
        code_prefix="3",
        label_style="letter",
        to_schema=_teaching_period,
        note=_(
            "Attach the decrees appointing you as a teacher (PNS or not), legalised by your "
            "direct superior."
        ),
    ),
    Section(
        key="lesson_plan",
        component=4,
        number="4.a",
        title=_("Learning plans"),
        instruction=_(
            "List your best lesson plans (RPP/RP/SP) from different semesters and topics; "
            "guidance teachers list their guidance programmes (PPBK) from different service "
            "fields. The assessors score each one."
        ),
        fields=(
            Field("subject", _("Subject / kind of programme")),
            Field("topic", _("Topic or competence / service field")),
            Field(
                "semester",
                _("Semester"),
                "choice",
                choices=(("1", "1"), ("2", "2")),
            ),
            _year(),
        ),
        code_prefix="4.a",
        label_style="number",
        to_schema=_lesson_plan,
        max_entries={"subject_teacher": 5, "counselor": 4},
        note=_("Attach each plan or programme, acknowledged by your superior."),
    ),
    Section(
        key="competition",
        component=6,
        number="6.a",
        title=_("Competitions and academic works"),
        instruction=_("Competitions you won and monumental works, if any."),
        fields=(
            Field("name", _("Competition or work")),
            Field(
                "kind",
                _("Kind"),
                "choice",
                choices=(
                    ("competition", _("Competition won")),
                    ("monumental_education", _("Monumental work in education")),
                    ("monumental_other", _("Monumental work outside education")),
                ),
            ),
            Field("period", _("When held"), required=False, max_length=100),
            Field(
                "level",
                _("Highest level reached"),
                "choice",
                required=False,
                choices=LEVEL5,
                help_text=_("Required for a competition."),
            ),
            Field("organizer", _("Organiser"), required=False),
            _year(required=False),
        ),
        code_prefix="6.a",
        label_style="number",
        to_schema=_competition,
        note=_("Attach certificates legalised by your superior."),
    ),
    Section(
        key="peer_coaching",
        component=6,
        number="6.b",
        title=_("Coaching fellow teachers"),
        instruction=_("Your work as instructor, core teacher, tutor or guide, if any."),
        fields=(
            Field("subject", _("Subject")),
            Field(
                "role",
                _("Role"),
                "choice",
                choices=(
                    ("instructor", _("Instructor")),
                    ("core_teacher", _("Core teacher (guru inti)")),
                    ("tutor", _("Tutor")),
                    ("guide", _("Guide (pemandu)")),
                ),
            ),
            Field("place", _("Place")),
        ),
        code_prefix="6.b",
        label_style="number",
        to_schema=_peer_coaching,
        note=_("Attach the decree or letter of assignment, legalised by your superior."),
    ),
    Section(
        key="student_coaching_won",
        component=6,
        number="6.c.1)",
        title=_("Coaching students to an award"),
        instruction=_("Students you coached until they won, at any level."),
        fields=(
            Field("name", _("Championship")),
            Field("level", _("Level"), "choice", choices=LEVEL5),
            Field("place_time", _("Place and time"), required=False),
        ),
        code_prefix="6.c.1)",
        label_style="letter_paren",
        to_schema=_student_coaching_won,
        note=_("Attach the students' certificates and your letter of assignment."),
    ),
    Section(
        key="student_coaching",
        component=6,
        number="6.c.2)",
        title=_("Coaching students (no award)"),
        instruction=_("Students you coached in academic or other activities without a win."),
        fields=(
            Field("name", _("Activity")),
            Field("place", _("Place"), required=False),
            Field("duration", _("How long"), required=False, max_length=100),
        ),
        code_prefix="6.c.2)",
        label_style="letter_paren",
        to_schema=_student_coaching,
        note=_("Attach the decree or letter of assignment, legalised by your superior."),
    ),
    Section(
        key="written_work",
        component=7,
        number="7.a",
        title=_("Written works"),
        instruction=_("Books, articles, modules and locally printed books you wrote."),
        fields=(
            Field("title", _("Title")),
            Field(
                "kind",
                _("Kind"),
                "choice",
                choices=(
                    ("book", _("Book")),
                    ("article", _("Article (journal, magazine, newspaper)")),
                    ("module", _("Module or locally printed book (one semester or more)")),
                ),
            ),
            Field("publisher", _("Publisher"), required=False),
            _year(label=_("Year published")),
            Field(
                "publication",
                _("Book: publication"),
                "choice",
                required=False,
                choices=(
                    ("national", _("National (ISBN and BSNP approved)")),
                    ("province", _("Province (ISBN)")),
                    ("district", _("District (no ISBN)")),
                ),
            ),
            Field(
                "venue",
                _("Article: where published"),
                "choice",
                required=False,
                choices=(
                    ("accredited_journal", _("Accredited journal")),
                    ("unaccredited_journal", _("Unaccredited journal")),
                    ("national_media", _("National magazine or newspaper")),
                    ("local_media", _("Local magazine or newspaper")),
                ),
            ),
            Field(
                "relevant",
                _("Book or article: relevant to your subject"),
                "choice",
                required=False,
                choices=YES_NO,
            ),
        ),
        code_prefix="7.a",
        label_style="number",
        to_schema=_written_work,
        note=_("Attach the relevant evidence."),
    ),
    Section(
        key="research",
        component=7,
        number="7.b",
        title=_("Research"),
        instruction=_("Classroom action research or other research that improves teaching."),
        fields=(
            Field("title", _("Title")),
            _year(),
            Field("funding", _("Source of funds"), required=False),
            Field(
                "role",
                _("Status"),
                "choice",
                choices=(
                    ("solo", _("Sole author")),
                    ("lead", _("Team lead")),
                    ("member", _("Team member")),
                ),
            ),
        ),
        code_prefix="7.b",
        label_style="number",
        to_schema=_research,
        note=_("Attach the research report."),
    ),
    Section(
        key="review",
        component=7,
        number="7.c",
        title=_("Book reviewer or national-exam item writer"),
        instruction=_("Each time you reviewed a book or wrote EBTANAS/UN items."),
        fields=(Field("name", _("Activity")), _year()),
        code_prefix="7.c",
        label_style="number",
        to_schema=_review,
        note=_("Attach the decree or letter of assignment, legalised by your superior."),
    ),
    Section(
        key="learning_media",
        component=7,
        number="7.d",
        title=_("Learning media and teaching aids"),
        instruction=_("Learning media or teaching aids you made."),
        fields=(
            Field("name", _("Kind of medium or aid")),
            _year(),
            Field("funding", _("Source of funds"), required=False),
            Field(
                "status",
                _("Status"),
                "choice",
                required=False,
                choices=(("lead", _("Lead")), ("member", _("Member"))),
            ),
        ),
        code_prefix="7.d",
        label_style="number",
        to_schema=_learning_media,
        note=_("Attach photographs, a manual or a description, or the principal's letter."),
    ),
    Section(
        key="artwork",
        component=7,
        number="7.e",
        title=_("Technology or art works"),
        instruction=_("Appropriate technology, sculpture, painting, dance, literature and so on."),
        fields=(
            Field("name", _("Name of the work")),
            _year(),
            Field("description", _("Short description"), "textarea", required=False),
        ),
        code_prefix="7.e",
        label_style="number",
        to_schema=_artwork,
        note=_("Attach photographs, a manual or a description, or the principal's letter."),
    ),
    Section(
        key="forum",
        component=8,
        number="8",
        title=_("Scientific forums"),
        instruction=_("Seminars, workshops and other scientific forums you took part in."),
        fields=(
            Field("name", _("Kind of activity")),
            _year(),
            Field(
                "role",
                _("Role"),
                "choice",
                choices=(("speaker", _("Speaker")), ("participant", _("Participant"))),
            ),
            Field("level", _("Level"), "choice", choices=LEVEL5),
        ),
        code_prefix="8",
        label_style="letter",
        to_schema=_forum,
        note=_(
            "Attach the certificates (and the paper if you were a speaker), legalised by your "
            "superior."
        ),
    ),
    Section(
        key="organization",
        component=9,
        number="9.a",
        title=_("Organisation experience"),
        instruction=_("Officer posts in education or social organisations."),
        fields=(
            Field("name", _("Organisation")),
            Field("period", _("Years (e.g. 2001–2005)"), max_length=50),
            Field("position", _("Position")),
            Field("level", _("Level"), "choice", choices=LEVEL6),
            Field(
                "type",
                _("Kind of organisation"),
                "choice",
                choices=(("education", _("Education")), ("social", _("Social"))),
            ),
            Field("years", _("Years in office"), "int", min_value=0, max_value=60),
        ),
        code_prefix="9.a",
        label_style="number",
        to_schema=_organization,
        note=_("Attach the decree or letter, legalised by your superior."),
    ),
    Section(
        key="additional_duty",
        component=9,
        number="9.b",
        title=_("Additional duties"),
        instruction=_(
            "Principal, vice-principal, head of department, laboratory or workshop, "
            "extracurricular advisor."
        ),
        fields=(
            Field(
                "role",
                _("Post"),
                "choice",
                choices=(
                    ("principal", _("Principal")),
                    (
                        "vice_principal",
                        _("Vice-principal, head of department, laboratory or workshop"),
                    ),
                    ("extracurricular_advisor", _("Extracurricular advisor")),
                ),
            ),
            _year("start_year", _("From year")),
            _year("end_year", _("Until year")),
            Field("school", _("School")),
        ),
        code_prefix="9.b",
        label_style="number",
        to_schema=_additional_duty,
        note=_("Attach the decree or letter, legalised by your superior."),
    ),
    Section(
        key="award",
        component=10,
        number="10.a",
        title=_("Awards"),
        instruction=_("Awards in education you have received."),
        fields=(
            Field("name", _("Kind of award")),
            Field("giver", _("Given by")),
            Field("level", _("Level"), "choice", choices=LEVEL4),
            _year(),
        ),
        code_prefix="10.a",
        label_style="number",
        to_schema=_award,
        note=_("Attach the certificates or letters, legalised by your superior."),
    ),
    Section(
        key="special_area_service",
        component=10,
        number="10.b",
        title=_("Service in a special area"),
        instruction=_("Postings in a remote, underdeveloped, disaster, conflict or border area."),
        fields=(
            Field("location", _("Location")),
            Field(
                "kind",
                _("Kind of area"),
                "choice",
                choices=(
                    ("remote", _("Remote (terpencil)")),
                    ("underdeveloped", _("Underdeveloped (tertinggal)")),
                    ("disaster", _("Disaster (bencana)")),
                    ("conflict", _("Conflict (konflik)")),
                    ("border", _("Border (perbatasan)")),
                ),
            ),
            _year("start_year", _("From year")),
            _year("end_year", _("Until year")),
        ),
        code_prefix="10.b",
        label_style="number",
        to_schema=_special_area,
        note=_("Attach the posting decree, legalised by your superior."),
    ),
)

BY_KEY = {section.key: section for section in SECTIONS}


def codes(section: Section, rows: list[dict[str, Any]]) -> list[str]:
    """The evidence codes of a table's rows, in order.

    Component 1 has one printed row per level (a D4, b S1, c PGD, d S2, e S3); a further degree
    of the same level gets a numbered sub-row (1.b.2)), as the seed gives no scheme for it.
    """
    if section.key != "qualification":
        return [section.code(position) for position in range(len(rows))]
    seen: dict[str, int] = {}
    out = []
    for row in rows:
        letter = QUALIFICATION_ROWS.get(str(row.get("level")), "x")
        seen[letter] = seen.get(letter, 0) + 1
        count = seen[letter]
        out.append(f"1.{letter}" if count == 1 else f"1.{letter}.{count})")
    return out


def cross_check(section: Section, values: dict[str, Any]) -> dict[str, Promise]:
    """Rules between the columns of one row; field name → message."""
    errors: dict[str, Promise] = {}
    key = section.key
    if key == "competition" and values.get("kind") == "competition" and not values.get("level"):
        errors["level"] = _("A competition needs the highest level reached.")
    if key == "written_work":
        kind = values.get("kind")
        if kind == "book" and not values.get("publication"):
            errors["publication"] = _("A book needs its kind of publication.")
        if kind == "article" and not values.get("venue"):
            errors["venue"] = _("An article needs where it was published.")
        if kind in ("book", "article") and not values.get("relevant"):
            errors["relevant"] = _("Say whether the book or article is relevant.")
    if key == "teaching_period":
        start, end = parse_date(values.get("start", "")), parse_date(values.get("end", ""))
        if start and end and end < start:
            errors["end"] = _("The end is before the start.")
    if key in ("additional_duty", "special_area_service"):
        start_year, end_year = values.get("start_year"), values.get("end_year")
        if isinstance(start_year, int) and isinstance(end_year, int) and end_year < start_year:
            errors["end_year"] = _("The end year is before the start year.")
    return errors


def section(key: str) -> Section:
    """The section with this key; KeyError for an unknown one."""
    return BY_KEY[key]


def parse_date(value: str) -> dt.date | None:
    """An ISO date (YYYY-MM-DD) or None: dates are never read by locale."""
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
