"""The counted teaching load of a teacher for a semester (docs/allowance.md, "Teaching load").

Face-to-face hours count at the main school and at other licensed schools, team-taught
classes by the teacher's share (seed 003's FAQ 8); a line counts only in a subject the
certificate covers (linearity) and in a class with enough pupils (the ratio, when the year
sets one; docs/sources/domain.md §6). Counsellors count their pupils served pro rata; duties
count by the year's table (a main duty its hours; other duties up to a cap and not beside a
main one, §6.2) or set a lower obligation (2007: principal 6, vice-principal 12). The total
is capped, and only the main school and the other schools with the most hours count when the
year limits the number of schools (§6.2); the main school holds one place even without hours
there, so an extra hour never pushes a school out.

Every step only adds: an extra hour never lowers what is counted (the property test).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from sergur.rules.allowance.params import AllowanceParams

ZERO = Decimal(0)
ONE = Decimal(1)


class Excluded(StrEnum):
    """Why a load line's hours are not counted."""

    LINEARITY = "linearity"
    RATIO = "ratio"
    SCHOOLS = "schools"
    OTHER_SCHOOL = "other_school"
    TEAM = "team"


@dataclass(frozen=True, slots=True)
class Line:
    """One timetable line: `hours` a week with class `label` in `subject` at `school`
    (`level`: the school's level, for the ratio); `share` of a team-taught class."""

    school: str
    subject: str
    hours: int
    share: Decimal = ONE
    pupils: int | None = None
    level: str = ""
    label: str = ""


@dataclass(frozen=True, slots=True)
class Load:
    """What a teacher does in a semester: timetable lines, duty kinds, counselling pupils."""

    main_school: str
    lines: tuple[Line, ...] = ()
    duties: tuple[str, ...] = ()
    counselling_pupils: int = 0


@dataclass(frozen=True, slots=True)
class Count:
    """The counted load: face-to-face hours (with counselling), duty hours, the total (capped),
    the hours the teacher must reach, and every line left out with the reason."""

    face_to_face: Decimal
    duty_hours: Decimal
    total: Decimal
    required: int
    obligation_duty: str
    excluded: tuple[tuple[Line, Excluded], ...]
    unknown_duties: tuple[str, ...]
    schools: int

    def excluded_hours(self, why: Excluded) -> Decimal:
        """The hours left out for `why`."""
        return sum((line.hours * line.share for line, w in self.excluded if w == why), ZERO)


def _line_excluded(
    line: Line, main_school: str, params: AllowanceParams, linear: Callable[[str], bool]
) -> Excluded | None:
    if line.school != main_school and not params.other_schools:
        return Excluded.OTHER_SCHOOL
    if line.share < ONE and not params.team_teaching:
        return Excluded.TEAM
    if not linear(line.subject):
        return Excluded.LINEARITY
    needed = params.pupils_needed(line.level)
    if needed and line.pupils is not None and line.pupils < needed:
        return Excluded.RATIO
    return None


def _duties(load: Load, params: AllowanceParams) -> tuple[Decimal, int, str, tuple[str, ...]]:
    """Duty hours counted, the hours required, the duty that set them, unknown kinds."""
    main = ZERO
    other = ZERO
    required = params.min_hours
    obligation_duty = ""
    unknown = []
    for kind in load.duties:
        duty = params.duty(kind)
        if duty is None:
            unknown.append(kind)
            continue
        if duty.main:
            main = max(main, duty.hours)
        else:
            other += duty.hours
        if duty.obligation is not None and duty.obligation < required:
            required, obligation_duty = duty.obligation, kind
    counted = main if main else min(other, params.other_duty_cap)
    return counted, required, obligation_duty, tuple(unknown)


def count_load(load: Load, params: AllowanceParams, linear: Callable[[str], bool]) -> Count:
    """Count a teacher's load for a semester under `params` (docs/allowance.md, "Counting");
    `linear(subject)` says whether the certificate covers a subject."""
    excluded: list[tuple[Line, Excluded]] = []
    by_school: dict[str, list[Line]] = defaultdict(list)
    for line in load.lines:
        why = _line_excluded(line, load.main_school, params, linear)
        if why is None:
            by_school[line.school].append(line)
        else:
            excluded.append((line, why))
    hours = {
        school: sum((ln.hours * ln.share for ln in ls), ZERO) for school, ls in by_school.items()
    }
    kept = sorted(hours, key=lambda school: (school != load.main_school, -hours[school], school))
    if params.max_schools:
        # The main school always holds one of the places, with or without hours there, so
        # one more hour anywhere never pushes another school out (monotone).
        others = [school for school in kept if school != load.main_school]
        for school in others[params.max_schools - 1 :]:
            excluded.extend((line, Excluded.SCHOOLS) for line in by_school[school])
        kept = kept[: len(kept) - len(others)] + others[: params.max_schools - 1]
    counselling = ZERO
    if load.counselling_pupils:
        counselling = (
            Decimal(load.counselling_pupils) * params.min_hours / params.counsellor_full_pupils
        ).quantize(Decimal("0.01"))
    face = sum((hours[school] for school in kept), ZERO) + counselling
    duty_hours, required, obligation_duty, unknown = _duties(load, params)
    total = face + duty_hours
    if params.max_hours:
        total = min(total, Decimal(params.max_hours))
    return Count(
        face_to_face=face,
        duty_hours=duty_hours,
        total=total,
        required=required,
        obligation_duty=obligation_duty,
        excluded=tuple(excluded),
        unknown_duties=unknown,
        schools=len(kept),
    )
