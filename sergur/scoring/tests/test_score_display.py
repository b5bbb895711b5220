from __future__ import annotations

from django.utils import translation

from sergur.rules import ScoreResult, decode, load_year, score
from sergur.scoring.templatetags.score_display import (
    component_rows,
    decision_name,
    group_rows,
    in_lang,
    interpretations,
    points,
)
from sergur.scoring.tests.conftest import example_bytes


def near_miss() -> ScoreResult:
    return score(decode(example_bytes("near-miss.json")), load_year(2007), explain=True)


def test_component_rows_are_the_ten_components_with_4a_and_4b_under_4():
    with translation.override("id"):
        rows = component_rows(near_miss())

    assert [row.position for row in rows] == [*"1234", "", "", *map(str, range(5, 11))]
    assert rows[3].points == "133,4"
    sub = rows[4]
    assert (sub.name, sub.points, sub.sub) == ("4a Perencanaan pembelajaran", "33,4", True)
    assert rows[5].name == "4b Pelaksanaan pembelajaran"


def test_group_rows_carry_the_rule_and_whether_it_holds():
    with translation.override("en"):
        rows = group_rows(near_miss())

    assert [(row.group, row.points, row.holds) for row in rows] == [
        ("A", "558.4", True),
        ("B", "222", True),
        ("C", "50", True),
    ]
    assert rows[0].rule == "at least 300, no empty sub-element"
    assert rows[2].rule == "more than 0; counts at most 100 (counts 50)"


def test_filters_follow_the_active_language():
    result = near_miss()

    with translation.override("en-gb"):
        assert points(result.total) == "830.4"
        assert decision_name("MS") == "Complete the substance"
        assert in_lang(result.decision.reasons[0]).startswith("The total 830.4")
        assert [item.key for item in interpretations(result)] == ["D1"]
    with translation.override("id"):
        assert points(result.total) == "830,4"
        assert decision_name("MS") == "Melengkapi Substansi"
        assert interpretations(result)[0].text.startswith("Batas bawah")
