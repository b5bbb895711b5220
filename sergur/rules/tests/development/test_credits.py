"""A teacher's PKB credits and the balance towards the next rank: the split of
docs/sources/domain.md §7.3 exactly, what is missing, and what would close it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sergur.rules.development import (
    Earned,
    Element,
    Kind,
    Step,
    activity_credit,
    balance,
    development_params,
)
from sergur.rules.development.params import DevelopmentParams
from sergur.rules.kkg import kkg_params

DEV = development_params(2013)
KKG = kkg_params(2013)
D = Decimal


def step(rank: str) -> Step:
    found = DEV.step_from(rank)
    assert found is not None
    return found


def test_activities_earn_their_values_of_section_7_4() -> None:
    training = activity_credit(Kind.TRAINING, dev=DEV, kkg=KKG, hours=100)
    assert (training.element, training.credit) == (Element.PD, D(2))
    package = activity_credit(Kind.KKG_PACKAGE, dev=DEV, kkg=KKG)
    assert (package.element, package.credit) == (Element.PD, D("0.15"))
    talk = activity_credit(Kind.COLLECTIVE, dev=DEV, kkg=KKG, key="discussant")
    assert talk.credit == D("0.2")
    paper = activity_credit(Kind.PUBLICATION, dev=DEV, kkg=KKG, assessed=D(2))
    assert (paper.element, paper.credit, paper.reasons) == (Element.PI_KI, D(2), ())


def test_short_training_and_unassessed_works_earn_nothing_and_say_why() -> None:
    short = activity_credit(Kind.TRAINING, dev=DEV, kkg=KKG, hours=12)
    assert short.credit == 0
    assert short.reasons[0].text("en") == (
        "Training of 12 hours is below the minimum of 30: no credit."
    )
    open_work = activity_credit(Kind.INNOVATIVE_WORK, dev=DEV, kkg=KKG)
    assert open_work.credit == 0
    assert open_work.reasons[0].code == "pkb.not_assessed"


def test_iii_a_reaches_iii_b_with_42_from_appraisal_3_self_development_and_5_supporting() -> None:
    # docs/sources/domain.md §7.3, III/a -> III/b: AKK 50 = PK 42 + PD 3 + PI/KI 0 + AKP 5.
    result = balance(step("III/a"), Earned(pk=D(42), pd=D(3), supporting=D(5)), dev=DEV, kkg=KKG)
    assert result.ready
    assert (result.counted, result.missing, result.percent) == (D(50), D(0), D("100.0"))
    assert result.suggestions == ()


@pytest.mark.parametrize(
    ("rank", "akk", "pd", "pi_ki", "akp", "pk"),
    [
        ("III/a", 50, 3, 0, 5, 42),
        ("III/b", 50, 3, 4, 5, 38),
        ("III/c", 100, 3, 6, 10, 81),
        ("III/d", 100, 4, 8, 10, 78),
        ("IV/a", 150, 4, 12, 15, 119),
        ("IV/b", 150, 4, 12, 15, 119),
        ("IV/c", 150, 5, 14, 15, 116),
        ("IV/d", 200, 5, 20, 20, 155),
    ],
)
def test_every_step_is_met_exactly_by_its_split(
    rank: str, akk: int, pd: int, pi_ki: int, akp: int, pk: int
) -> None:
    earned = Earned(pk=D(pk), pd=D(pd), pi_ki=D(pi_ki), supporting=D(akp), presentation=True)
    result = balance(step(rank), earned, dev=DEV, kkg=KKG)
    assert result.ready
    assert result.counted == akk
    needed = {line.element: line.needed for line in result.lines}
    assert needed == {
        Element.PK: pk,
        Element.PD: pd,
        Element.PI_KI: pi_ki,
        Element.SUPPORTING: akp,
    }


def test_a_teacher_short_of_everything_learns_what_and_how() -> None:
    earned = Earned(pk=D(30), pd=D(1), supporting=D(7))
    result = balance(step("III/b"), earned, dev=DEV, kkg=KKG)
    assert not result.ready
    assert result.line(Element.SUPPORTING).counted == 5
    assert (result.counted, result.missing, result.percent) == (D(36), D(14), D("72.0"))
    assert [r.text("en") for r in result.reasons] == [
        "Self-development is short by 2 (needed 3, earned 1).",
        "Publications/innovative works are short by 4 (needed 4, earned 0).",
        'The credit is short by 14 of 50 (36 counted); an appraisal of "Baik" at a full load '
        "gives 9.5 a year: about 1 more year.",
    ]
    assert [n.text("en") for n in result.notes] == [
        "Supporting credit of 7 counts up to its cap of 5."
    ]
    plans = [(s.kind, s.count, s.credit, s.key, s.hours) for s in result.suggestions]
    assert plans == [
        (Kind.TRAINING, 1, 2, "", 81),
        (Kind.KKG_PACKAGE, 14, D("2.10"), "", 0),
        (Kind.COLLECTIVE, 10, D("2.0"), "discussant", 0),
        (Kind.PUBLICATION, 0, 4, "", 0),
        (Kind.INNOVATIVE_WORK, 0, 4, "", 0),
    ]


def test_a_large_self_development_gap_repeats_the_largest_training() -> None:
    result = balance(step("IV/d"), Earned(pd=D(0)), dev=DEV, kkg=KKG)
    assert result.suggestions[0].count == 1
    big = DevelopmentParams(
        year=DEV.year, steps=DEV.steps, training=DEV.training[:1], collective=DEV.collective
    )
    result = balance(step("IV/d"), Earned(), dev=big, kkg=KKG)
    assert (result.suggestions[0].count, result.suggestions[0].hours) == (5, 30)


def test_the_step_to_iv_d_asks_for_a_presentation() -> None:
    earned = Earned(pk=D(116), pd=D(5), pi_ki=D(14), supporting=D(15))
    result = balance(step("IV/c"), earned, dev=DEV, kkg=KKG)
    assert [r.code for r in result.reasons] == ["pkb.missing_presentation"]
    assert result.reasons[0].text("id") == "Kenaikan ke IV/d mewajibkan presentasi ilmiah."
    assert result.suggestions[0].kind is Kind.PRESENTATION


def test_zero_values_offer_no_count_of_them() -> None:
    free = DevelopmentParams(
        year=DEV.year,
        steps=(Step("A", "B", D(10), D(10), D(10), D(0), D(0), False),),
        training=DEV.training,
        collective=tuple(
            type(item)(item.key, D(0), item.name_id, item.name_en) for item in DEV.collective
        ),
    )
    no_credit = type(KKG)(**{**{f: getattr(KKG, f) for f in KKG.__slots__}, "package_credit": 0})
    result = balance(free.steps[0], Earned(), dev=free, kkg=no_credit)
    assert [s.kind for s in result.suggestions] == [Kind.TRAINING]
    assert [r.code for r in result.reasons] == ["pkb.missing_pd"]
    empty = Step("A", "B", D(0), D(0), D(0), D(0), D(0), False)
    assert balance(empty, Earned(), dev=free, kkg=KKG).percent == 100


def test_adding_to_an_element_adds_to_it_only() -> None:
    earned = Earned(pd=D(1), presentation=True).add(Element.PI_KI, D(2))
    assert earned == Earned(pd=D(1), pi_ki=D(2), presentation=True)


credits = st.decimals(min_value=0, max_value=300, places=2)


@given(
    st.sampled_from([s.from_rank for s in DEV.steps]),
    credits,
    credits,
    credits,
    credits,
    st.sampled_from(list(Element)),
    st.decimals(min_value=D("0.01"), max_value=20, places=2),
)
def test_more_credit_never_lowers_the_balance(
    rank: str,
    pk: Decimal,
    pd: Decimal,
    pi_ki: Decimal,
    supporting: Decimal,
    element: Element,
    more: Decimal,
) -> None:
    earned = Earned(pk=pk, pd=pd, pi_ki=pi_ki, supporting=supporting)
    before = balance(step(rank), earned, dev=DEV, kkg=KKG)
    after = balance(step(rank), earned.add(element, more), dev=DEV, kkg=KKG)
    assert after.counted >= before.counted
    assert after.missing <= before.missing
    assert len(after.reasons) <= len(before.reasons)
    assert after.ready or not before.ready


@given(st.integers(0, 3000), st.integers(0, 3000))
def test_more_training_hours_never_earn_less(hours: int, more: int) -> None:
    assert DEV.training_credit(hours + more) >= DEV.training_credit(hours)
