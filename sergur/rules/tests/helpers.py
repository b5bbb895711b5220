"""Builders of portfolio documents for the rules-core tests.

A document is the plain dict of a `sergur.portfolio/1` file. The builders only use entries whose
points the spec states (docs/sources/rubric-2007.md), so a test can say "group A is 300" and get
exactly that.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from sergur.rules import PortfolioFile, ScoreResult, decode, load_year, score

Doc = dict[str, Any]
Points = Decimal | int

SCHEMA = "sergur.portfolio/1"

# docs/sources/rubric-2007.md, component 3: (completed years that reach the band, points).
EXPERIENCE_STEPS = (
    (2, 40),
    (5, 55),
    (8, 70),
    (11, 85),
    (14, 100),
    (17, 115),
    (20, 130),
    (23, 145),
    (26, 160),
)

# docs/sources/rubric-2007.md, component 1: sets of degrees of different level groups (each counts
# in full).
S1_SUBJECT = {"level": "S1", "education_degree": True, "relevance": "subject"}  # 150
S2_SUBJECT = {"level": "S2", "education_degree": True, "relevance": "subject"}  # 175
S3_SUBJECT = {"level": "S3", "education_degree": True, "relevance": "subject"}  # 200
PGD_NONE = {"level": "PGD", "education_degree": True, "relevance": "none"}  # 50
PGD_SUBJECT = {"level": "PGD", "education_degree": True, "relevance": "subject"}  # 80
QUALIFICATION_SETS: tuple[tuple[tuple[Doc, ...], int], ...] = (
    ((PGD_NONE,), 50),
    ((S1_SUBJECT,), 150),
    ((S2_SUBJECT,), 175),
    ((S3_SUBJECT,), 200),
    ((S3_SUBJECT, S2_SUBJECT), 375),
    ((S3_SUBJECT, S2_SUBJECT, S1_SUBJECT), 525),
    ((S3_SUBJECT, S2_SUBJECT, S1_SUBJECT, PGD_SUBJECT), 605),
)


def teacher(role: str = "subject_teacher", **extra: Any) -> Doc:
    """The identity page."""
    return {"name": "Sri Wahyuni", "role": role, **extra}


def doc(*, role: str = "subject_teacher", special_area: bool = False, **sections: Any) -> Doc:
    """A valid portfolio with only the given sections."""
    who = teacher(role, special_area=True) if special_area else teacher(role)
    return {"schema": SCHEMA, "rubric": "2007", "teacher": who, **sections}


def doc_with(section: str, value: Any) -> Doc:
    """A valid portfolio with one section named at run time."""
    return {**doc(), section: value}


def dumps(document: Doc) -> str:
    """The document as the text of a file."""
    return json.dumps(document, ensure_ascii=False)


def decoded(document: Doc) -> PortfolioFile:
    """The document decoded through the public entry point."""
    return decode(dumps(document))


def scored(document: Doc, *, explain: bool = False) -> ScoreResult:
    """The document scored under programme year 2007."""
    return score(decoded(document), load_year(2007), explain=explain)


def component(document: Doc, key: str) -> Points:
    """One component's points."""
    return scored(document).components[key]


def items(count: int, total: int) -> list[int]:
    """`count` item scores, each 1–5, that sum to `total`."""
    if not count <= total <= 5 * count:
        raise ValueError(f"{count} items cannot sum to {total}")
    out = [1] * count
    rest = total - count
    for index in range(count):
        step = min(4, rest)
        out[index] += step
        rest -= step
    return out


def plans(*sums: int) -> list[Doc]:
    """Lesson plans (or guidance programmes) whose 8 items sum to `sums`."""
    return [{"items": items(8, total)} for total in sums]


def observation(total: int) -> Doc:
    """The 24-item teaching observation (4b) summing to `total`."""
    return {"items": items(24, total)}


def superior(total: int) -> Doc:
    """The 10-item superior assessment (component 5) summing to `total`."""
    return {"items": items(10, total)}


def works_worth(points: int) -> list[Doc]:
    """Professional works (component 7) worth exactly `points` (any whole number but 1)."""
    if points < 0 or points == 1:
        raise ValueError(f"no set of works is worth {points}")
    modules, rest = divmod(points, 20)
    if rest == 1:
        modules, rest = modules - 1, rest + 20
    out: list[Doc] = [{"kind": "module"}] * modules
    if rest % 2:
        out.append({"kind": "article", "venue": "local_media", "relevant": False})  # 3
        rest -= 3
    out.extend([{"kind": "review"}] * (rest // 2))
    return out


def organizations_worth(points: int) -> list[Doc]:
    """Social organisation posts at village level (1 a year) worth exactly `points`."""
    out = []
    while points > 0:
        years = min(points, 60)
        out.append({"type": "social", "level": "village", "years": years})
        points -= years
    return out


def _group_a(a: Decimal) -> Doc:
    """Sections whose group A is exactly `a` (a multiple of 0.2), every sub-element > 0."""
    whole = int(a)
    fifths = int((a - whole) * 5)
    if fifths != (a - whole) * 5:
        raise ValueError(f"group A {a} is not a multiple of 0.2")
    for degrees, q in QUALIFICATION_SETS:
        for years, e in EXPERIENCE_STEPS:
            for plan in range(8, 41 - fifths):
                o = whole - q - e - plan
                if 24 <= o <= 120:
                    return {
                        "qualifications": list(degrees),
                        "teaching_experience": {"years": years},
                        "lesson_plans": plans(*[plan] * 4, plan + fifths),
                        "teaching_observation": observation(o),
                    }
    raise ValueError(f"cannot build group A = {a}")


TRAINING_3: Doc = {"hours": 8, "level": "subdistrict", "relevant": False}
"""A training worth 3 (docs/sources/rubric-2007.md, component 2: 8-29 h, subdistrict, TR)."""


def group_doc(
    a: Points | str,
    b: int,
    c: int,
    *,
    special_area: bool = False,
    with_superior: bool = True,
    with_training: bool = True,
    review: Doc | None = None,
) -> Doc:
    """A portfolio whose groups are exactly A = `a`, B = `b` and C (before the cap) = `c`;
    group B holds a training worth 3 (a main component, docs/sources/rubric-2007.md) when
    `with_training` and B leaves room for it."""
    sections = _group_a(Decimal(str(a)))
    rest = b
    if with_superior:
        sup = min(50, b)
        if b - sup == 1:
            sup -= 1
        if sup < 10:
            raise ValueError(f"group B {b} is below the superior assessment's minimum of 10")
        sections["superior_assessment"] = superior(sup)
        rest = b - sup
    if with_training and rest >= 3 and rest != 4:
        sections["trainings"] = [TRAINING_3]
        rest -= 3
    if rest:
        sections["works"] = works_worth(rest)
    if c:
        sections["organizations"] = organizations_worth(c)
    if review is not None:
        sections["review"] = review
    return doc(special_area=special_area, **sections)


def passing_doc(**overrides: Any) -> Doc:
    """A portfolio that passes: A 500, B 300, C 60, total 860."""
    return {**group_doc(500, 300, 60), **overrides}


SEED_003 = Path(__file__).parents[3] / "docs/sources/seeds/003_358fe984fbae11df.txt"


def seed_says(quote: str) -> bool:
    """Whether seed 003 holds `quote` word for word (whitespace folded): the tests that
    implement one of its rules quote it and check the quote against the seed."""
    text = " ".join(SEED_003.read_text(encoding="utf-8").split())
    return " ".join(quote.split()) in text
