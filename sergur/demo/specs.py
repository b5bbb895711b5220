"""The synthetic teachers of the demo district, each made from its index alone (a seeded
generator per index): the same index always gives the same person, so loading twice finds
the same people, and a larger `--teachers` only adds new ones."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sergur.demo import data

SEED = 2007
SERVICE_UNTIL = dt.date(2007, 12, 31)


@dataclass(frozen=True)
class Degree:
    """A degree the teacher holds, as the portfolio's first table lists it."""

    level: str
    institution: str
    program: str
    year: int
    education_degree: bool
    relevance: str


@dataclass(frozen=True)
class TeacherSpec:
    """Everything the demo knows about one synthetic teacher, made from its index."""

    index: int
    username: str
    given: str
    family: str
    name: str
    gender: str
    birth_date: dt.date
    birth_place: str
    employment: str
    nip: str
    nuptk: str
    rank: str
    subject: data.SubjectRow
    main_school: data.SchoolRow
    main_hours: int
    second_school: data.SchoolRow | None
    second_hours: int
    appointed: dt.date
    degrees: tuple[Degree, ...]

    @property
    def serial(self) -> int:
        """The serial of the participant number: the order in the district's list."""
        return self.index + 1


def school_slots() -> list[int]:
    """Which school each teacher index goes to: every school once, then by weight."""
    first = list(range(len(data.SCHOOLS)))
    # Smooth weighted round robin over the remaining weights: an even spread, no randomness.
    weights = [row.weight - 1 for row in data.SCHOOLS]
    current = [0] * len(weights)
    rest: list[int] = []
    for _ in range(sum(weights)):
        current = [c + w for c, w in zip(current, weights, strict=True)]
        pick = max(range(len(current)), key=lambda k: current[k])
        current[pick] -= sum(weights)
        rest.append(pick)
    return first + rest


SLOTS = school_slots()
SUBJECT_BY_CODE = {row.code: row for row in data.SUBJECTS}


def _rank(years: int) -> str:
    steps = ("III/a", "III/b", "III/c", "III/d", "IV/a")
    return steps[min(years // 5, len(steps) - 1)]


def _degrees(
    rng: random.Random, subject: data.SubjectRow, birth: dt.date, senior: bool = False
) -> tuple[Degree, ...]:
    first_year = min(birth.year + rng.randint(23, 27), 2005)
    if subject.code == "027":
        # Class teachers of the 1980s came from the SPG; most took the S1 PGSD later (UT).
        first_year = rng.randint(1996, 2006)
        institution = rng.choice(("Universitas Terbuka", "Universitas Negeri Yogyakarta"))
    else:
        university = rng.choice(data.UNIVERSITIES[:5])
        old = first_year < 1999 and university == "Universitas Negeri Yogyakarta"
        institution = "IKIP Yogyakarta" if old else university
    relevance = "subject_family" if subject.code in ("097", "100") else "subject"
    level = "D4" if subject.code == "224" and rng.random() < 0.5 else "S1"
    degrees = [
        Degree(
            level=level,
            institution=institution,
            program=subject.program,
            year=first_year,
            education_degree=subject.code != "224",
            relevance=relevance,
        )
    ]
    # Senior teachers (the second twenty of every forty) took a master's degree more often.
    chance = 0.6 if senior else 0.15
    if rng.random() < chance and first_year < 2000:
        degrees.append(
            Degree(
                level="S2",
                institution="Universitas Negeri Yogyakarta",
                program=subject.program,
                year=rng.randint(max(first_year + 3, 2000), 2006),
                education_degree=True,
                relevance=relevance,
            )
        )
    return tuple(degrees)


def _full_name(
    given: str, family: str, gender: str, subject: str, degrees: tuple[Degree, ...]
) -> str:
    plain = f"{given} {family}".strip()
    first = degrees[0]
    if first.year < 1994 and first.level == "S1" and subject != "027":
        name = f"{'Drs.' if gender == 'L' else 'Dra.'} {plain}"
    else:
        title = {"127": "S.Ag.", "224": "S.Kom." if first.level == "S1" else "S.ST."}
        name = f"{plain}, {title.get(subject, 'S.Pd.')}"
    if any(d.level == "S2" for d in degrees):
        name += ", M.Pd."
    return name


def teacher_spec(index: int) -> TeacherSpec:
    """The synthetic teacher number `index` (0-based); the same index gives the same one."""
    rng = random.Random(f"{SEED}-teacher-{index}")  # nosec B311 # seeded synthetic demo data, no secret
    school = data.SCHOOLS[SLOTS[index % len(SLOTS)]]
    subject = SUBJECT_BY_CODE[rng.choice(data.LEVEL_SUBJECTS[school.level])]
    gender = "P" if rng.random() < 0.6 else "L"
    given = rng.choice(data.FEMALE_GIVEN if gender == "P" else data.MALE_GIVEN)
    family = rng.choice(data.FEMALE_FAMILY if gender == "P" else data.MALE_FAMILY)
    if rng.random() < 0.2:
        family = ""  # many Javanese names are a single word
    # The 2007 quota went to long-serving teachers first: most were born 1950–1970.
    birth = dt.date(1950, 1, 1) + dt.timedelta(days=int(rng.triangular(0, 28 * 365, 8 * 365)))
    appointed = dt.date(min(birth.year + rng.randint(22, 28), 2004), rng.choice((1, 3, 7)), 1)
    pns_share = 0.85 if school.status == "negeri" else 0.25
    employment = "pns" if rng.random() < pns_share else "non_pns"
    nip = ""
    rank = ""
    if employment == "pns":
        # NIP: birth date, month of appointment as CPNS, gender (1 male, 2 female), serial.
        sex = "1" if gender == "L" else "2"
        nip = f"{birth:%Y%m%d}{appointed:%Y%m}{sex}{index % 999 + 1:03d}"
        rank = _rank(SERVICE_UNTIL.year - appointed.year)
    nuptk = f"{rng.randint(1000, 8999)}{rng.randint(0, 999999):06d}{index + 1:06d}"
    degrees = _degrees(rng, subject, birth, senior=index % 40 >= 20)
    second: data.SchoolRow | None = None
    second_hours = 0
    main_hours = rng.randint(18, 30)
    others = [s for s in data.SCHOOLS if s.level == school.level and s != school]
    if school.level in ("SMP", "SMA", "SMK") and rng.random() < 0.12 and others:
        # Some teachers top up their hours at a second school to reach 24 a week.
        second = rng.choice(others)
        main_hours = rng.randint(12, 18)
        second_hours = rng.randint(6, 30 - main_hours)
    return TeacherSpec(
        index=index,
        username=f"guru{index + 1:03d}",
        given=given,
        family=family,
        name=_full_name(given, family, gender, subject.code, degrees),
        gender=gender,
        birth_date=birth,
        birth_place=rng.choice(data.BIRTH_PLACES),
        employment=employment,
        nip=nip,
        nuptk=nuptk,
        rank=rank,
        subject=subject,
        main_school=school,
        main_hours=main_hours,
        second_school=second,
        second_hours=second_hours,
        appointed=appointed,
        degrees=degrees,
    )
