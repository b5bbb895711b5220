"""The fast path of eligibility: a whole nation's semester loads in columns (numpy), giving
each teacher's verdict and counted hours (docs/allowance.md, "Speed").

The same rules as `load.count_load` and `eligibility.evaluate`, over arrays: hours are kept
in hundredths of a JP as integers (a team share has two decimals), so the sums are exact. The
reasons and fixes are not built here; a teacher's page builds them with `evaluate`.
`tests/allowance/test_columns.py` proves that the verdict and the hours equal the reference's
for random loads.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from sergur.rules.allowance.params import EMPLOYERS, FUNDS, PKG_ORDER, AllowanceParams
from sergur.rules.allowance.semester import Semester

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
HUNDRED = 100


@dataclass(frozen=True, slots=True)
class LineColumns:
    """Every timetable line: its teacher (row number), school (an id below 2**32), whether the
    school is the teacher's main one, the subject code, hours, the team share in hundredths,
    the class's pupils (-1 unknown) and the school's level (an index into `levels`)."""

    teacher: Ints
    school: Ints
    main: Bools
    subject: Ints
    hours: Ints
    share: Ints
    pupils: Ints
    level: Ints


@dataclass(frozen=True, slots=True)
class TeacherColumns:
    """Every teacher: certificate year (0 none), certified subject code, NRG, PKG category
    (index into PKG_ORDER, -1 none), a permanent post elsewhere, an approval covering the
    semester, the employer (index into EMPLOYERS) and the counselling pupils."""

    certificate_year: Ints
    certified_subject: Ints
    nrg: Bools
    pkg: Ints
    elsewhere: Bools
    approved: Bools
    employer: Ints
    counselling: Ints


@dataclass(frozen=True, slots=True)
class DutyColumns:
    """Every additional duty: its teacher and its kind (an index into `params.duties`)."""

    teacher: Ints
    kind: Ints


@dataclass(frozen=True, slots=True)
class Verdicts:
    """Each teacher's verdict, counted hours and face-to-face hours (hundredths of a JP) and
    fund (index into FUNDS)."""

    eligible: Bools
    hours: Ints
    face_to_face: Ints
    fund: Ints


def _linear(lines: LineColumns, teachers: TeacherColumns, may_teach: Bools) -> Bools:
    """Whether each line's subject is the certificate's or one the linearity table adds
    (`may_teach[certified, taught]`, codes 0-999)."""
    certified = teachers.certified_subject[lines.teacher]
    linear: Bools = (lines.subject == certified) | may_teach[certified, lines.subject]
    return linear


def _counted_by_teacher(
    lines: LineColumns, keep: Bools, count: int, params: AllowanceParams
) -> Ints:
    """The face-to-face hundredths each teacher is counted: only the main school and the
    other schools with the most hours when the year limits the schools (§6.2); the main
    school holds one of the places even without hours there."""
    hours = lines.hours * lines.share
    if not params.max_schools:
        return np.bincount(lines.teacher[keep], weights=hours[keep], minlength=count).astype(
            np.int64
        )
    teacher, school, main, hours = (
        lines.teacher[keep],
        lines.school[keep],
        lines.main[keep],
        hours[keep],
    )
    # One key per (teacher, school): the teacher in the high bits, the school in the low 32.
    keys, where = np.unique((teacher << 32) | school, return_inverse=True)
    owners_of = keys >> 32
    sums = np.bincount(where, weights=hours, minlength=keys.size).astype(np.int64)
    is_main = np.zeros(keys.size, dtype=np.bool_)
    is_main[where[main]] = True
    order = np.lexsort((-sums, ~is_main, owners_of))
    owners = owners_of[order]
    first = np.searchsorted(owners, owners, side="left")
    main_sorted = is_main[order]
    # The main school always holds one of the places (it sorts first when it has hours): the
    # other schools keep the rest, so one more hour anywhere never pushes a school out.
    rank_other = np.arange(owners.size) - first - main_sorted[first].astype(np.int64)
    kept = order[main_sorted | (rank_other < params.max_schools - 1)]
    return np.bincount(owners_of[kept], weights=sums[kept], minlength=count).astype(np.int64)


def _duties(duties: DutyColumns, count: int, params: AllowanceParams) -> tuple[Ints, Ints]:
    """Each teacher's duty hundredths and the hours they must reach (2007 obligations)."""
    table_hours = np.array([int(d.hours * HUNDRED) for d in params.duties] or [0], dtype=np.int64)
    table_main = np.array([d.main for d in params.duties] or [False], dtype=np.bool_)
    table_duty = np.array(
        [
            params.min_hours if d.obligation is None else min(d.obligation, params.min_hours)
            for d in params.duties
        ]
        or [params.min_hours],
        dtype=np.int64,
    )
    main = np.zeros(count, dtype=np.int64)
    other = np.zeros(count, dtype=np.int64)
    required = np.full(count, params.min_hours, dtype=np.int64)
    if duties.teacher.size:
        is_main = table_main[duties.kind]
        np.maximum.at(main, duties.teacher[is_main], table_hours[duties.kind][is_main])
        np.add.at(other, duties.teacher[~is_main], table_hours[duties.kind][~is_main])
        np.minimum.at(required, duties.teacher, table_duty[duties.kind])
    cap = int(params.other_duty_cap * HUNDRED)
    return np.where(main > 0, main, np.minimum(other, cap)), required


def _counselling(pupils: Ints, params: AllowanceParams) -> Ints:
    """Counselling hundredths, rounded half to even as `Decimal.quantize` does."""
    numerator = pupils * params.min_hours * HUNDRED
    quotient, remainder = np.divmod(numerator, params.counsellor_full_pupils)
    twice = 2 * remainder
    full = params.counsellor_full_pupils
    up = (twice > full) | ((twice == full) & (quotient % 2 == 1))
    counted: Ints = quotient + up
    return counted


def verdicts(
    lines: LineColumns,
    teachers: TeacherColumns,
    duties: DutyColumns,
    may_teach: Bools,
    levels: tuple[str, ...],
    semester: Semester,
    params: AllowanceParams,
) -> Verdicts:
    """Every teacher's verdict and hours in `semester` (docs/allowance.md, "Speed")."""
    count = teachers.certificate_year.size
    needed = np.array([params.pupils_needed(level) for level in levels] or [0], dtype=np.int64)
    keep = _linear(lines, teachers, may_teach)
    keep &= ~((lines.pupils >= 0) & (lines.pupils < needed[lines.level]))
    if not params.other_schools:
        keep &= lines.main
    if not params.team_teaching:
        keep &= lines.share >= HUNDRED
    face = _counted_by_teacher(lines, keep, count, params) + _counselling(
        teachers.counselling, params
    )
    duty, required = _duties(duties, count, params)
    total = face + duty
    if params.max_hours:
        total = np.minimum(total, params.max_hours * HUNDRED)
    enough = teachers.approved | (
        (face >= params.min_face_to_face * HUNDRED) & (total >= required * HUNDRED)
    )
    year = teachers.certificate_year
    eligible = (year > 0) & (semester.year > year) & teachers.nrg & ~teachers.elsewhere & enough
    if params.min_pkg:
        eligible &= teachers.pkg >= PKG_ORDER.index(params.min_pkg)
    funds = np.array([FUNDS.index(params.fund(employer)) for employer in EMPLOYERS])
    return Verdicts(
        eligible=eligible, hours=total, face_to_face=face, fund=funds[teachers.employer]
    )
