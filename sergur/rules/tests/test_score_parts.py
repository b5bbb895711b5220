"""score_parts(): the eleven parts of a portfolio without the decision, exactly what score()
sums and decides, with the same trace."""

from __future__ import annotations

import pytest

from sergur.rules import load_year, score
from sergur.rules.assessment import PARTS, parts_of
from sergur.rules.rubric import TraceLine
from sergur.rules.scoring import score_parts
from sergur.rules.tests.helpers import decoded, passing_doc, teacher
from sergur.rules.tests.test_scoring import WORKED_EXAMPLE

YEAR = load_year(2007)

DOCUMENTS = [
    pytest.param(WORKED_EXAMPLE, id="worked-example"),
    pytest.param(passing_doc(), id="passing"),
    pytest.param(
        passing_doc(teacher=teacher("counselor"), lesson_plans=[{"items": [4] * 8}] * 3),
        id="counsellor-missing-a-plan",
    ),
    pytest.param(passing_doc(lesson_plans=[]), id="no-plans"),
]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_the_parts_are_those_of_the_scored_portfolio(document):
    portfolio = decoded(document)

    parts = score_parts(portfolio)

    assert parts == parts_of(score(portfolio, YEAR))
    assert tuple(parts) == PARTS


@pytest.mark.parametrize("document", DOCUMENTS)
def test_a_trace_list_collects_the_lines_of_score_explained(document):
    portfolio = decoded(document)
    trace: list[TraceLine] = []

    parts = score_parts(portfolio, trace)

    assert tuple(trace) == score(portfolio, YEAR, explain=True).trace
    assert parts == score_parts(portfolio)


def test_without_a_trace_list_nothing_is_traced():
    assert score(decoded(WORKED_EXAMPLE), YEAR).trace == ()
