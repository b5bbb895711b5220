"""Components 6-10 of the 2007 rubric: academic achievement, professional development
works, scientific forums, organisation experience and awards (docs/sources/rubric-2007.md; Buku III
2007)."""

from __future__ import annotations

from sergur.rules import model as m
from sergur.rules.messages import Message, Term, msg
from sergur.rules.rubric.trace import Trace, TraceLine

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
AWARD_POINTS = {
    "international": 30,
    "national": 20,
    "province": 10,
    "district": 5,
    "subdistrict": 0,
}
"""Seed 003 counts awards "baik pada tingkat kabupaten/kota, provinsi, nasional, maupun
internasional": a subdistrict award is read, scores 0 and says why."""
SPECIAL_AREA_POINTS_PER_YEAR = 4


def score_awards(p: m.PortfolioFile, trace: Trace) -> int:
    """Component 10: awards by level, plus 4 points a year of special-area service."""
    total = 0
    for index, a in enumerate(p.awards):
        points = AWARD_POINTS[a.level]
        total += points
        if trace is not None:
            code = "trace.award_not_counted" if points == 0 else "trace.award"
            rule = msg(code, level=Term(a.level), points=points)
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
