from __future__ import annotations

from decimal import Decimal

from sergur.rules import load_year
from sergur.rules.estimate import ASSESSED_MAXIMA, estimate
from sergur.rules.tests.helpers import doc, scored

YEAR = load_year(2007)


def test_declared_parts_give_the_gaps_to_each_group_and_the_pass_mark():
    document = doc(
        qualifications=[{"level": "S1", "education_degree": True, "relevance": "subject"}],
        teaching_experience={"years": 20},
        trainings=[{"hours": 170, "level": "national", "relevant": True}],
    )
    found = estimate(scored(document), YEAR)
    a, b, c = found.groups
    assert (a.declared, a.minimum, a.gap, a.still_possible) == (280, 300, 20, 160)
    assert a.reachable
    assert (b.declared, b.minimum, b.gap, b.still_possible) == (40, 200, 160, 50)
    assert not b.reachable
    assert c.empty and c.gap == 0
    assert found.declared_total == 320
    assert found.gap_to_pass == Decimal(530)
    assert found.still_possible == sum(ASSESSED_MAXIMA.values()) == 210
    assert not found.reachable


def test_a_special_area_teacher_is_measured_against_150():
    document = doc(special_area=True, forums=[{"level": "district", "role": "speaker"}])
    _, b, c = estimate(scored(document), YEAR).groups
    assert b.minimum == 150
    assert not c.empty


def test_nothing_is_owed_once_the_declared_parts_pass():
    document = doc(
        qualifications=[
            {"level": "S1", "education_degree": True, "relevance": "subject"},
            {"level": "S2", "education_degree": True, "relevance": "subject"},
            {"level": "S3", "education_degree": True, "relevance": "subject"},
        ],
        teaching_experience={"years": 30},
        works=[{"kind": "artwork"} for _ in range(14)],
        forums=[{"level": "international", "role": "speaker"}] * 2,
    )
    found = estimate(scored(document), YEAR)
    assert found.declared_total == 995
    assert found.gap_to_pass == 0 and found.reachable
    assert all(group.gap == 0 for group in found.groups)
