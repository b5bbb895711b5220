"""Build the planner's instance of a district and semester from the allowance load data
(docs/allowance.md, "The page"): the schools with coordinates and their size, the certified
teachers short of the minimum, and the open class-subject hours (untaught, or taken from a
teacher above the cap). A fixed number of queries whatever the district's size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sergur.allowance.models import OpenHours, TeachingLoad
from sergur.allowance.services.eligibility import district_teachers, linearity_map
from sergur.certificates.models import Certificate, Nrg
from sergur.registry.models import District, School, TeachingAssignment
from sergur.rules.allowance import planner

SLOT_PREFIX = "L"
"""A slot taken from a teacher above the cap: the load line's pk after this prefix; accepting
finds the line by it."""
OPEN_PREFIX = "U"
"""A slot no teacher teaches: the open hours' pk (`allowance.OpenHours`) after this prefix."""
TEAM_PREFIX = "T"
"""The share of a team-taught class-subject its team leaves untaught (the shares sum below 1):
the pk of the class-subject's first line after this prefix; accepting gives the taker that
share of the class."""


@dataclass(frozen=True, slots=True)
class Instance:
    """The solver's district, and what the instance left out (teachers whose main school
    has no coordinates, so no distance can be measured)."""

    district: planner.District
    without_place: int


def slot_line(key: str) -> int | None:
    """The load line's pk of a slot key, or None when the key is not a line's."""
    digits = key.removeprefix(SLOT_PREFIX)
    return int(digits) if key.startswith(SLOT_PREFIX) and digits.isdigit() else None


def slot_open(key: str) -> int | None:
    """The open hours' pk of a slot key, or None when the key is not open hours'."""
    digits = key.removeprefix(OPEN_PREFIX)
    return int(digits) if key.startswith(OPEN_PREFIX) and digits.isdigit() else None


def slot_team(key: str) -> int | None:
    """The first team line's pk of a team-remainder slot key, or None for any other key."""
    digits = key.removeprefix(TEAM_PREFIX)
    return int(digits) if key.startswith(TEAM_PREFIX) and digits.isdigit() else None


def whole_hours(lines: Iterable[tuple[int, Decimal]]) -> int:
    """A teacher's whole counted hours of (hours, team share) lines: each line counts by the
    teacher's share (seed 003 FAQ 8, docs/allowance.md "Counting the hours"), summed, then
    rounded down, so two halves of 5 JP count 5, not 4."""
    return int(sum((Decimal(hours) * share for hours, share in lines), Decimal(0)))


def team_remainders(
    lines: Iterable[tuple[int, int, int, str, str, int, Decimal, int | None]],
) -> list[tuple[int, int, str, str, int, Decimal]]:
    """The team-taught class-subjects whose shares sum below 1, as (first line's pk, school,
    class, subject, the class's weekly hours, the share left): that share of the class is
    taught by nobody, so it is open (docs/allowance.md, "Teaching-load planner")."""
    teams: dict[tuple[int, str, str], list[tuple[int, int, Decimal]]] = defaultdict(list)
    for pk, _teacher, school, label, subject, hours, share, _pupils in lines:
        teams[(school, label, subject)].append((pk, hours, share))
    found = []
    for (school, label, subject), members in sorted(teams.items()):
        taught = sum((share for _pk, _h, share in members), Decimal(0))
        if any(share < 1 for _pk, _h, share in members) and taught < 1:
            hours = max(h for _pk, h, _share in members)
            first = min(pk for pk, _h, _share in members)
            found.append((first, school, label, subject, hours, 1 - taught))
    return found


def _schools(district: District) -> dict[int, tuple[str, float, float]]:
    rows = School.objects.filter(
        subdistrict__district=district, latitude__isnull=False, longitude__isnull=False
    ).values_list("pk", "name", "latitude", "longitude")
    return {
        pk: (name, float(lat), float(lon))
        for pk, name, lat, lon in rows
        if lat is not None and lon is not None
    }


def _school_pupils(
    lines: list[tuple[int, int, int, str, str, int, Decimal, int | None]],
    untaught: list[tuple[int, int, str, str, int, int | None]],
) -> dict[int, int]:
    """A school's pupils: the largest class size entered for each of its classes (on a line
    or on open hours), summed."""
    classes: dict[tuple[int, str], int] = {}
    sizes = [(school, label, pupils) for _p, _t, school, label, _s, _h, _sh, pupils in lines]
    sizes += [(school, label, pupils) for _p, school, label, _s, _h, pupils in untaught]
    for school, label, pupils in sizes:
        if pupils:
            classes[(school, label)] = max(classes.get((school, label), 0), pupils)
    size: dict[int, int] = defaultdict(int)
    for (school, _label), pupils in classes.items():
        size[school] += pupils
    return size


def instance_build(district: District, semester: str, limits: planner.Limits) -> Instance:
    """The planner's district for `semester`: certified teachers (active certificate and NRG)
    with their whole-hour load over the district's schools (a proposal accepted earlier
    counts), and, as open slots, the open hours no teacher was given (`U<pk>`) and the lines
    a teacher above `limits.max_hours` would give up (`L<pk>`: smallest first, while they
    stay at or above the cap's minimum and above the cap before giving it)."""
    schools = _schools(district)
    teachers = district_teachers(district, semester)
    main = dict(
        TeachingAssignment.objects.filter(teacher__in=teachers.values("pk"), is_main=True)
        .filter(school__subdistrict__district=district)
        .values_list("teacher_id", "school_id")
    )
    lines = list(
        TeachingLoad.objects.filter(school__subdistrict__district=district, semester=semester)
        .order_by("teacher_id", "hours", "pk")
        .values_list(
            "pk",
            "teacher_id",
            "school_id",
            "class_label",
            "subject__code",
            "hours",
            "team_share",
            "pupils",
        )
    )
    untaught = list(
        OpenHours.objects.filter(
            school__subdistrict__district=district, semester=semester, filled_at__isnull=True
        )
        .order_by("school_id", "class_label", "subject__code", "pk")
        .values_list("pk", "school_id", "class_label", "subject__code", "hours", "pupils")
    )
    certificates: dict[int, list[str]] = defaultdict(list)
    for teacher, code in (
        Certificate.objects.filter(
            teacher__in=teachers.values("pk"), status=Certificate.Status.ACTIVE
        )
        .order_by("issued_on", "pk")
        .values_list("teacher_id", "subject_code")
    ):
        certificates[teacher].append(code)
    nrg = set(
        Nrg.objects.filter(teacher__in=teachers.values("pk")).values_list("teacher_id", flat=True)
    )
    linear = linearity_map()
    by_teacher: dict[int, list[tuple[int, int, str, str, int, Decimal]]] = defaultdict(list)
    for pk, teacher, school, label, subject, hours, share, _size in lines:
        by_teacher[teacher].append((pk, school, label, subject, hours, share))

    slots = [
        planner.Slot(f"{OPEN_PREFIX}{pk}", str(school), label, subject, hours)
        for pk, school, label, subject, hours, _pupils in untaught
        if school in schools
    ]
    # A team that leaves part of its class-subject untaught leaves that share open: the taker
    # counts the share's whole hours, as a team member does.
    slots += [
        planner.Slot(f"{TEAM_PREFIX}{pk}", str(school), label, subject, int(hours * left))
        for pk, school, label, subject, hours, left in team_remainders(lines)
        if school in schools and int(hours * left) >= 1
    ]
    for teacher_lines in by_teacher.values():
        # A team-taught line moves with its share: the taker counts what the giver counted.
        counted = [(h, share) for _pk, _s, _l, _c, h, share in teacher_lines]
        total = whole_hours(counted)
        left = list(counted)
        for pk, school, label, subject, hours, share in sorted(
            teacher_lines, key=lambda ln: (int(ln[4] * ln[5]), ln[0])
        ):
            if total <= limits.max_hours:
                break
            left.remove((hours, share))
            after = whole_hours(left)
            given = int(hours * share)
            if school in schools and given >= 1 and after >= limits.min_hours:
                slots.append(planner.Slot(f"{SLOT_PREFIX}{pk}", str(school), label, subject, given))
                total = after
            else:
                left.append((hours, share))

    planned: list[planner.Teacher] = []
    without_place = 0
    for teacher, codes in certificates.items():
        home = main.get(teacher)
        if home is None or teacher not in nrg:
            continue
        if home not in schools:
            without_place += 1
            continue
        hours = whole_hours((h, share) for _pk, _s, _l, _c, h, share in by_teacher.get(teacher, []))
        others = {code for code in codes[1:]}.union(*(linear.get(c, frozenset()) for c in codes))
        planned.append(
            planner.Teacher(str(teacher), str(home), hours, codes[0], tuple(sorted(others)))
        )
    size = _school_pupils(lines, untaught)
    return Instance(
        district=planner.District(
            schools=tuple(
                planner.School(str(pk), name, lat, lon, size.get(pk, 0))
                for pk, (name, lat, lon) in sorted(schools.items())
            ),
            teachers=tuple(sorted(planned, key=lambda t: int(t.key))),
            slots=tuple(slots),
            name=district.name,
            semester=semester,
        ),
        without_place=without_place,
    )
