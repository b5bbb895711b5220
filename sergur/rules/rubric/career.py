"""Components 1-3 of the 2007 rubric: academic qualification, training and teaching
experience (docs/sources/rubric-2007.md; Buku III 2007)."""

from __future__ import annotations

from decimal import Decimal

from msgspec import UnsetType

from sergur.rules import model as m
from sergur.rules.messages import Message, Term, msg
from sergur.rules.rubric.trace import Trace, TraceLine

QUARTER = Decimal("0.25")

# -- 1. Qualification ------------------------------------------------------------------------
# Key: (level group, education degree?, relevance, teaching licence?). None = not considered.
QUALIFICATION_POINTS: dict[tuple[str, bool | None, str, bool | None], int] = {
    ("S1/D4", True, "subject", None): 150,
    ("S1/D4", False, "subject", True): 150,
    ("S1/D4", True, "subject_family", None): 140,
    ("S1/D4", False, "subject", False): 130,
    ("S1/D4", True, "none", None): 120,
    ("S1/D4", False, "none", True): 120,
    ("S1/D4", False, "none", False): 110,
    ("PGD", None, "match", None): 80,
    ("PGD", None, "none", None): 50,
    ("S2", True, "subject", None): 175,
    ("S2", True, "subject_family", None): 160,
    ("S2", False, "subject", None): 160,
    ("S2", True, "none", None): 145,
    ("S2", False, "none", None): 130,
    ("S3", True, "subject", None): 200,
    ("S3", True, "subject_family", None): 180,
    ("S3", False, "subject", None): 180,
    ("S3", True, "none", None): 160,
    ("S3", False, "none", None): 140,
}
LEVEL_GROUP = {"S1": "S1/D4", "D4": "S1/D4", "PGD": "PGD", "S2": "S2", "S3": "S3"}


def qualification_row(
    q: m.Qualification,
) -> tuple[tuple[str, bool | None, str, bool | None], str | None]:
    """The table row a degree falls in, and the interpretation used to get there, if any."""
    group = LEVEL_GROUP[q.level]
    relevance = q.relevance
    if group == "PGD":
        if relevance == "none":
            return (group, None, "none", None), None
        return (group, None, "match", None), ("Q3" if relevance == "subject_family" else None)
    interpretation = None
    if not q.education_degree and relevance == "subject_family":
        relevance, interpretation = "none", "Q2"
    licence = q.teaching_license if group == "S1/D4" and not q.education_degree else None
    return (group, q.education_degree, relevance, licence), interpretation


def score_qualifications(items: list[m.Qualification], trace: Trace) -> Decimal | int:
    """Component 1: per level group the best degree in full, every further one 25 % (Q1)."""
    rows = [qualification_row(q) for q in items]
    values = [QUALIFICATION_POINTS[key] for key, _ in rows]
    best: dict[str, int] = {}
    for index, (key, _) in enumerate(rows):
        group = key[0]
        if group not in best or values[index] > values[best[group]]:
            best[group] = index
    full = set(best.values())
    total: Decimal | int = 0
    for index, value in enumerate(values):
        points: Decimal | int = value if index in full else value * QUARTER
        total += points
        if trace is not None:
            key, interpretation = rows[index]
            base = _qualification_text(items[index], key, value)
            used = (interpretation,) if interpretation else ()
            if index not in full:
                base = msg("trace.qualification_further", base=base, points=points)
                used = ("Q1", *used)
            trace.append(
                TraceLine(
                    "qualification",
                    f"qualifications[{index}]",
                    index,
                    points,
                    base,
                    used,
                )
            )
    return total


def _qualification_text(
    q: m.Qualification, key: tuple[str, bool | None, str, bool | None], value: int
) -> Message:
    if key[0] == "PGD":
        return msg("trace.qualification_pgd", relevance=Term(key[2]), value=value)
    kind = Term("education" if q.education_degree else "non_education")
    if key[3] is None:
        return msg(
            "trace.qualification", level=q.level, kind=kind, relevance=Term(key[2]), value=value
        )
    return msg(
        "trace.qualification_licence",
        level=q.level,
        kind=kind,
        relevance=Term(key[2]),
        licence=Term("licence" if key[3] else "no_licence"),
        value=value,
    )


# -- 2. Training -----------------------------------------------------------------------------
# Bands of hours, longest first: (lowest hours of the band, label).
TRAINING_BANDS: tuple[tuple[int, str], ...] = (
    (641, "> 640"),
    (481, "481–640"),
    (161, "161–480"),
    (81, "81–160"),
    (30, "30–80"),
    (8, "8–29"),
)
# Points per band and level: (relevant, not relevant).
TRAINING_POINTS: dict[str, dict[str, tuple[int, int]]] = {
    "> 640": {
        "international": (60, 45),
        "national": (50, 40),
        "province": (45, 35),
        "district": (40, 30),
        "subdistrict": (35, 25),
    },
    "481–640": {
        "international": (55, 40),
        "national": (45, 35),
        "province": (40, 30),
        "district": (35, 25),
        "subdistrict": (30, 20),
    },
    "161–480": {
        "international": (45, 35),
        "national": (40, 30),
        "province": (35, 25),
        "district": (30, 20),
        "subdistrict": (25, 15),
    },
    "81–160": {
        "international": (40, 30),
        "national": (35, 25),
        "province": (30, 20),
        "district": (25, 15),
        "subdistrict": (20, 10),
    },
    "30–80": {
        "international": (35, 25),
        "national": (30, 20),
        "province": (25, 15),
        "district": (20, 10),
        "subdistrict": (15, 7),
    },
    "8–29": {
        "international": (30, 20),
        "national": (25, 15),
        "province": (20, 10),
        "district": (15, 5),
        "subdistrict": (10, 3),
    },
}


def training_band(hours: int) -> str | None:
    """The band of the training table for `hours`, or None under 8 hours (T1)."""
    for lowest, label in TRAINING_BANDS:
        if hours >= lowest:
            return label
    return None


def score_trainings(items: list[m.Training], trace: Trace) -> int:
    """Component 2: every training summed by hours, level and relevance; not capped."""
    total = 0
    for index, t in enumerate(items):
        band = training_band(t.hours)
        points = 0 if band is None else TRAINING_POINTS[band][t.level][0 if t.relevant else 1]
        total += points
        if trace is not None:
            path = f"trainings[{index}]"
            if band is None:
                line = TraceLine(
                    "training", path, index, 0, msg("trace.training_short", hours=t.hours), ("T1",)
                )
            else:
                rule = msg(
                    "trace.training",
                    band=band,
                    level=Term(t.level),
                    relevance=Term("relevant" if t.relevant else "not_relevant"),
                    points=points,
                )
                line = TraceLine("training", path, index, points, rule)
            trace.append(line)
    return total


# -- 3. Teaching experience ------------------------------------------------------------------
# (lowest completed years of the band, label, points), highest first.
EXPERIENCE_BANDS: tuple[tuple[int, str, int], ...] = (
    (26, "> 25", 160),
    (23, "23–25", 145),
    (20, "20–22", 130),
    (17, "17–19", 115),
    (14, "14–16", 100),
    (11, "11–13", 85),
    (8, "8–10", 70),
    (5, "5–7", 55),
    (2, "2–4", 40),
)


def score_experience(item: m.TeachingExperience | UnsetType, trace: Trace) -> int:
    """Component 3: completed years as a teacher, by band; under 2 years scores 0."""
    if isinstance(item, UnsetType):
        return 0
    for lowest, label, points in EXPERIENCE_BANDS:
        if item.years >= lowest:
            if trace is not None:
                rule = msg("trace.experience", years=item.years, band=label, points=points)
                trace.append(
                    TraceLine("teaching_experience", "teaching_experience", None, points, rule)
                )
            return points
    if trace is not None:
        rule = msg("trace.experience_short", years=item.years)
        trace.append(TraceLine("teaching_experience", "teaching_experience", None, 0, rule))
    return 0
