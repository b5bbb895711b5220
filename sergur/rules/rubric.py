"""The 2007 portfolio rubric (spec/rubric-2007.md; Buku III 2007): tables as data, one small
function a component. Each function returns its points and, when asked, the trace: which
table row gave how many points, and which interpretation was applied.
"""

from __future__ import annotations

from decimal import Decimal

from msgspec import Struct, UnsetType

from sergur.rules import model as m
from sergur.rules.messages import Message, Term, msg

QUARTER = Decimal("0.25")


class TraceLine(Struct, frozen=True, gc=False):
    """One scored entry: the component, the entry's place in the file, its points, the rule."""

    component: str
    path: str
    entry: int | None
    points: Decimal | int
    rule: Message
    interpretations: tuple[str, ...] = ()


Trace = list[TraceLine] | None

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


# -- 4. Learning plans (4a) and practice (4b) ------------------------------------------------
REQUIRED_PLANS = {"subject_teacher": 5, "counselor": 4}
PROGRAMME_WEIGHTS = (4, 8, 8, 8, 4, 4, 2, 2)
PROGRAMME_DIVISOR = 5


def score_plans(items: list[m.LessonPlan], role: str, trace: Trace) -> Decimal:
    """4a: mean over the required plans (a missing plan counts 0, P1); counsellors weight (P2)."""
    required = REQUIRED_PLANS[role]
    counsellor = role == "counselor"
    total = 0
    weighted_sum = 0
    for index, plan in enumerate(items):
        if counsellor:
            weighted = sum(i * w for i, w in zip(plan.items, PROGRAMME_WEIGHTS, strict=True))
            weighted_sum += weighted
            if trace is not None:
                score = Decimal(weighted) / PROGRAMME_DIVISOR
                rule = msg(
                    "trace.programme",
                    weighted=weighted,
                    score=score,
                    required=required,
                    points=score / required,
                )
                trace.append(
                    TraceLine(
                        "lesson_plans",
                        f"lesson_plans[{index}]",
                        index,
                        score / required,
                        rule,
                        ("P2",),
                    )
                )
        else:
            plan_sum = sum(plan.items)
            total += plan_sum
            if trace is not None:
                points = Decimal(plan_sum) / required
                rule = msg("trace.plan", sum=plan_sum, required=required, points=points)
                trace.append(
                    TraceLine("lesson_plans", f"lesson_plans[{index}]", index, points, rule)
                )
    if trace is not None and len(items) < required:
        missing = required - len(items)
        rule = msg("trace.plans_missing", missing=missing, required=required)
        trace.append(TraceLine("lesson_plans", "lesson_plans", None, 0, rule, ("P1",)))
    if counsellor:
        return Decimal(weighted_sum) / (PROGRAMME_DIVISOR * required)
    return Decimal(total) / required


def score_observation(item: m.TeachingObservation | UnsetType, trace: Trace) -> int:
    """4b: the sum of the 24 observation items (0 when the instrument is absent)."""
    if isinstance(item, UnsetType):
        if trace is not None:
            rule = msg("trace.observation_missing")
            trace.append(TraceLine("teaching_observation", "teaching_observation", None, 0, rule))
        return 0
    points = sum(item.items)
    if trace is not None:
        rule = msg("trace.observation", points=points)
        trace.append(TraceLine("teaching_observation", "teaching_observation", None, points, rule))
    return points


# -- 5. Assessment by superior and supervisor ------------------------------------------------
def score_superior(item: m.SuperiorAssessment | UnsetType, trace: Trace) -> int:
    """Component 5: the sum of the 10 items (0 when absent; decisions.md sends it to PLPG)."""
    if isinstance(item, UnsetType):
        if trace is not None:
            rule = msg("trace.superior_missing")
            trace.append(TraceLine("superior_assessment", "superior_assessment", None, 0, rule))
        return 0
    points = sum(item.items)
    if trace is not None:
        rule = msg("trace.superior", points=points)
        trace.append(TraceLine("superior_assessment", "superior_assessment", None, points, rule))
    return points


# -- 6. Academic achievement -----------------------------------------------------------------
COMPETITION_POINTS = {
    "international": 60,
    "national": 40,
    "province": 30,
    "district": 20,
    "subdistrict": 10,
}
MONUMENTAL_POINTS = {"monumental_education": 60, "monumental_other": 40}
PEER_COACHING_POINTS = {"instructor": 40, "core_teacher": 20}
STUDENT_COACHING_WIN_POINTS = {
    "international": 40,
    "national": 25,
    "province": 20,
    "district": 15,
    "subdistrict": 10,
}
STUDENT_COACHING_NO_WIN = 5


def score_achievement(p: m.PortfolioFile, trace: Trace) -> int:
    """Component 6: competitions and monumental works, peer and student coaching; not capped."""
    total = 0
    for index, c in enumerate(p.competitions):
        if c.kind == "competition":
            points = COMPETITION_POINTS[str(c.level)]
        else:
            points = MONUMENTAL_POINTS[c.kind]
        total += points
        if trace is not None:
            if c.kind == "competition":
                rule = msg("trace.competition", level=Term(str(c.level)), points=points)
            else:
                rule = msg("trace.monumental", kind=Term(c.kind), points=points)
            _add(trace, "academic_achievement", "competitions", index, points, rule)
    for index, pc in enumerate(p.peer_coaching):
        points = PEER_COACHING_POINTS[pc.role]
        total += points
        if trace is not None:
            rule = msg("trace.peer_coaching", role=Term(pc.role), points=points)
            _add(trace, "academic_achievement", "peer_coaching", index, points, rule)
    for index, sc in enumerate(p.student_coaching):
        points = STUDENT_COACHING_WIN_POINTS[str(sc.level)] if sc.won else STUDENT_COACHING_NO_WIN
        total += points
        if trace is not None:
            if sc.won:
                rule = msg("trace.student_coaching_won", level=Term(str(sc.level)), points=points)
            else:
                rule = msg("trace.student_coaching", points=points)
            _add(trace, "academic_achievement", "student_coaching", index, points, rule)
    return total


def _add(
    trace: list[TraceLine],
    component: str,
    section: str,
    index: int,
    points: int,
    rule: Message,
    interpretations: tuple[str, ...] = (),
) -> None:
    trace.append(TraceLine(component, f"{section}[{index}]", index, points, rule, interpretations))


# -- 7. Professional development works -------------------------------------------------------
# (relevant, not relevant)
BOOK_POINTS = {"national": (50, 35), "province": (40, 25), "district": (30, 15)}
ARTICLE_POINTS = {
    "accredited_journal": (25, 20),
    "unaccredited_journal": (10, 8),
    "national_media": (10, 8),
    "local_media": (5, 3),
}
RESEARCH_POINTS = {"solo": 10, "lead": 6, "member": 4}
WORK_POINTS = {"review": 2, "module": 20, "learning_media": 5, "artwork": 15}


def work_points(w: m.Work) -> int:
    """The points of one work (books and articles by relevance; research by role, W1)."""
    if w.kind == "book":
        return BOOK_POINTS[str(w.publication)][0 if w.relevant else 1]
    if w.kind == "article":
        return ARTICLE_POINTS[str(w.venue)][0 if w.relevant else 1]
    if w.kind == "research":
        return RESEARCH_POINTS[str(w.role)]
    return WORK_POINTS[w.kind]


def score_works(items: list[m.Work], trace: Trace) -> int:
    """Component 7: every work summed; not capped."""
    total = 0
    for index, w in enumerate(items):
        points = work_points(w)
        total += points
        if trace is not None:
            relevance = Term("relevant" if w.relevant is True else "not_relevant")
            used: tuple[str, ...] = ()
            if w.kind == "book":
                rule = msg(
                    "trace.book",
                    publication=Term(str(w.publication)),
                    relevance=relevance,
                    points=points,
                )
            elif w.kind == "article":
                rule = msg(
                    "trace.article", venue=Term(str(w.venue)), relevance=relevance, points=points
                )
            elif w.kind == "research":
                rule = msg("trace.research", role=Term(str(w.role)), points=points)
                used = ("W1",) if w.role != "solo" else ()
            else:
                rule = msg("trace.work", kind=Term(w.kind), points=points)
            _add(trace, "professional_works", "works", index, points, rule, used)
    return total


# -- 8. Scientific forums --------------------------------------------------------------------
FORUM_POINTS = {
    "international": (50, 10),
    "national": (40, 8),
    "province": (30, 6),
    "district": (20, 4),
    "subdistrict": (10, 2),
}


def score_forums(items: list[m.Forum], trace: Trace) -> int:
    """Component 8: every forum by level, as speaker or participant; not capped."""
    total = 0
    for index, f in enumerate(items):
        points = FORUM_POINTS[f.level][0 if f.role == "speaker" else 1]
        total += points
        if trace is not None:
            rule = msg("trace.forum", level=Term(f.level), role=Term(f.role), points=points)
            _add(trace, "scientific_forums", "forums", index, points, rule)
    return total


# -- 9. Organisation experience --------------------------------------------------------------
# Points per year as an officer: (education organisation, social organisation).
ORGANIZATION_POINTS = {
    "international": (10, 7),
    "national": (7, 5),
    "province": (5, 4),
    "district": (4, 3),
    "subdistrict": (3, 2),
    "village": (2, 1),
}
DUTY_POINTS = {"principal": 4, "vice_principal": 2, "extracurricular_advisor": 1}


def score_organizations(p: m.PortfolioFile, trace: Trace) -> int:
    """Component 9: officer years by level and kind, plus additional-duty years; not capped."""
    total = 0
    for index, o in enumerate(p.organizations):
        per_year = ORGANIZATION_POINTS[o.level][0 if o.type == "education" else 1]
        points = per_year * o.years
        total += points
        if trace is not None:
            rule = msg(
                "trace.organization",
                type=Term(o.type),
                level=Term(o.level),
                years=o.years,
                per_year=per_year,
                points=points,
            )
            _add(trace, "organization_experience", "organizations", index, points, rule)
    for index, d in enumerate(p.additional_duties):
        per_year = DUTY_POINTS[d.role]
        points = per_year * d.years
        total += points
        if trace is not None:
            rule = msg(
                "trace.duty", role=Term(d.role), years=d.years, per_year=per_year, points=points
            )
            _add(trace, "organization_experience", "additional_duties", index, points, rule)
    return total


# -- 10. Awards ------------------------------------------------------------------------------
AWARD_POINTS = {"international": 30, "national": 20, "province": 10, "district": 5}
SPECIAL_AREA_POINTS_PER_YEAR = 4


def score_awards(p: m.PortfolioFile, trace: Trace) -> int:
    """Component 10: awards by level, plus 4 points a year of special-area service."""
    total = 0
    for index, a in enumerate(p.awards):
        points = AWARD_POINTS[a.level]
        total += points
        if trace is not None:
            rule = msg("trace.award", level=Term(a.level), points=points)
            _add(trace, "awards", "awards", index, points, rule)
    for index, s in enumerate(p.special_area_service):
        points = SPECIAL_AREA_POINTS_PER_YEAR * s.years
        total += points
        if trace is not None:
            rule = msg(
                "trace.special_area",
                years=s.years,
                per_year=SPECIAL_AREA_POINTS_PER_YEAR,
                points=points,
            )
            _add(trace, "awards", "special_area_service", index, points, rule)
    return total
