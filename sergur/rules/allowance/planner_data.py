"""The planner's inputs: the year's limits (`years/allowance/planner/<year>.toml`) and a district
file in JSON (docs/allowance.md, "The district file").

A year file holds `min_hours`, `max_hours`, `max_schools` and `max_km` under `[planner]`; the
planner of a semester uses the newest file at or before its year, in `$SERGUR_YEARS_DIR` first.
A district file lists `schools` (id, name, lat, lon, pupils), certified `teachers` (id, school,
hours at the main school, subject, linear subjects) and `open_hours` (id, school, class, subject,
hours): every problem is reported with its place (`teachers[3].school`), all at once.
"""

from __future__ import annotations

from pathlib import Path

import msgspec

from sergur.rules.allowance.planner import District, Limits, School, Slot, Teacher
from sergur.rules.messages import Message, msg
from sergur.rules.programme import SHIPPED_DIR, ProgrammeYearError, read_year_data

PLANNER_DIR = Path("allowance") / "planner"


def parse_limits(path: Path, data: dict[str, object]) -> Limits:
    """Check the `[planner]` section of a year file."""
    section = data.get("planner")
    if not isinstance(section, dict):
        raise ProgrammeYearError(f"{path}: the [planner] section is missing")

    def whole(key: str, minimum: int) -> int:
        value = section.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise ProgrammeYearError(f"{path}: planner.{key} must be a whole number >= {minimum}")
        return value

    km = section.get("max_km")
    if isinstance(km, bool) or not isinstance(km, int | float) or km < 0:
        raise ProgrammeYearError(f"{path}: planner.max_km must be a number of km, 0 or more")
    limits = Limits(
        min_hours=whole("min_hours", 1),
        max_hours=whole("max_hours", 1),
        max_schools=whole("max_schools", 1),
        max_km=float(km),
    )
    if limits.min_hours > limits.max_hours:
        raise ProgrammeYearError(f"{path}: planner.min_hours is above planner.max_hours")
    return limits


def planner_limits(year: int, extra_dirs: tuple[Path, ...] = ()) -> Limits:
    """The planner's limits for `year`: the newest year file at or before it."""
    found: dict[int, Path] = {}
    for folder in reversed((*extra_dirs, SHIPPED_DIR)):
        for path in (folder / PLANNER_DIR).glob("*.toml"):
            if path.stem.isascii() and path.stem.isdigit():
                found[int(path.stem)] = path
    older = [known for known in found if known <= year]
    if not older:
        known = ", ".join(str(y) for y in sorted(found))
        raise ProgrammeYearError(f"no planner rules for {year} or before (known: {known})")
    path = found[max(older)]
    return parse_limits(path, read_year_data(path))


class _School(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    lat: float
    lon: float
    pupils: int
    name: str = ""


class _Teacher(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    school: str
    hours: int
    subject: str
    linear: list[str] = []


class _Open(msgspec.Struct, forbid_unknown_fields=True, rename={"klass": "class"}):
    id: str
    school: str
    klass: str
    subject: str
    hours: int


class _District(msgspec.Struct, forbid_unknown_fields=True):
    schools: list[_School]
    teachers: list[_Teacher]
    open_hours: list[_Open]
    district: str = ""
    semester: str = ""


class DistrictInvalid(ValueError):
    """A district file that cannot be planned; `problems` says what and where."""

    def __init__(self, problems: list[Message]) -> None:
        super().__init__("; ".join(problem.text("en") for problem in problems))
        self.problems = problems


def _unique(problems: list[Message], kind: str, keys: list[str]) -> None:
    seen: set[str] = set()
    for index, key in enumerate(keys):
        where = f"{kind}[{index}].id"
        if not key.strip():
            problems.append(msg("planner.input.id_empty", where=where))
        elif key in seen:
            problems.append(msg("planner.input.id_repeated", where=where, key=key))
        seen.add(key)


def parse_district(raw: bytes) -> District:
    """Decode and check a district file; every problem is listed with its place."""
    try:
        data = msgspec.json.decode(raw, type=_District)
    except msgspec.DecodeError as exc:  # ValidationError too: it names the place (`$.x[0]`)
        raise DistrictInvalid([msg("planner.input.unreadable", detail=str(exc))]) from None
    problems: list[Message] = []
    _unique(problems, "schools", [s.id for s in data.schools])
    _unique(problems, "teachers", [t.id for t in data.teachers])
    _unique(problems, "open_hours", [o.id for o in data.open_hours])
    schools = {s.id for s in data.schools}

    def check(ok: bool, code: str, where: str, **values: object) -> None:
        if not ok:
            problems.append(msg(code, where=where, **values))

    for i, s in enumerate(data.schools):
        check(-90 <= s.lat <= 90, "planner.input.lat", f"schools[{i}].lat")
        check(-180 <= s.lon <= 180, "planner.input.lon", f"schools[{i}].lon")
        check(s.pupils >= 0, "planner.input.not_negative", f"schools[{i}].pupils")
    for i, t in enumerate(data.teachers):
        check(t.school in schools, "planner.input.school", f"teachers[{i}].school", key=t.school)
        check(t.hours >= 0, "planner.input.not_negative", f"teachers[{i}].hours")
    for i, o in enumerate(data.open_hours):
        where = f"open_hours[{i}].school"
        check(o.school in schools, "planner.input.school", where, key=o.school)
        check(o.hours >= 1, "planner.input.positive", f"open_hours[{i}].hours")
    if problems:
        raise DistrictInvalid(problems)
    return District(
        schools=tuple(School(s.id, s.name or s.id, s.lat, s.lon, s.pupils) for s in data.schools),
        teachers=tuple(
            Teacher(t.id, t.school, t.hours, t.subject, tuple(t.linear)) for t in data.teachers
        ),
        slots=tuple(Slot(o.id, o.school, o.klass, o.subject, o.hours) for o in data.open_hours),
        name=data.district,
        semester=data.semester,
    )
