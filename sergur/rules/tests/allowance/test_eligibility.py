from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from sergur.rules.allowance.eligibility import Eligibility, Facts, evaluate
from sergur.rules.allowance.load import Excluded, Line, Load, count_load
from sergur.rules.allowance.params import allowance_params
from sergur.rules.allowance.semester import parse_semester
from sergur.rules.tests.strategies import RULES_SETTINGS

Y2007 = allowance_params(2007)
Y2019 = allowance_params(2019)
S2008 = parse_semester("2008-1")
S2019 = parse_semester("2019-1")
CERTIFIED = Facts(
    certificate_year=2007,
    has_nrg=True,
    certified_subject="190",
    subject_label="190 Biologi",
    pkg="baik",
)


def lines(*hours: int, school: str = "A", subject: str = "190") -> tuple[Line, ...]:
    return tuple(
        Line(school=school, subject=subject, hours=h, label=f"7{chr(65 + i)}", level="SMP")
        for i, h in enumerate(hours)
    )


def rule(result: Eligibility, name: str) -> tuple[bool, str, str]:
    found = next(r for r in result.reasons if r.rule == name)
    return found.passed, found.reason.text("en"), found.fix.text("en") if found.fix else ""


def rules(result: Eligibility) -> list[str]:
    return [r.rule for r in result.reasons]


def test_24_hours_in_the_certified_subject_make_a_2007_teacher_eligible() -> None:
    result = evaluate(Load("A", lines(12, 12)), CERTIFIED, S2008, Y2007)

    assert result.eligible
    assert result.hours == 24
    assert result.load_code == "A1"
    assert result.funding == "dau"
    assert rules(result) == ["certificate", "start", "nrg", "employment", "linearity", "hours"]
    assert rule(result, "hours") == (True, "24 JP counted (at least 24).", "")


def test_a_teacher_short_of_hours_is_told_how_many_more_to_teach() -> None:
    result = evaluate(Load("A", lines(6, 6, 6)), CERTIFIED, S2008, Y2007)

    assert not result.eligible
    passed, reason, fix = rule(result, "hours")
    assert not passed
    assert reason == "18 JP counted, below 24: short by 6 JP."
    assert fix.startswith("Teach 6 more JP a week in 190 Biologi")
    assert result.load_code == "A2"


def test_hours_at_another_licensed_school_and_team_teaching_count_in_2007() -> None:
    team = Line(school="B", subject="190", hours=6, share=Decimal("0.5"), label="8A")
    load = Load("A", (*lines(14), *lines(7, school="B"), team))

    result = evaluate(load, CERTIFIED, S2008, Y2007)

    assert result.hours == 24
    assert result.eligible


def test_a_principal_needs_6_hours_and_a_vice_principal_12_in_2007() -> None:
    principal = evaluate(Load("A", lines(6), duties=("principal",)), CERTIFIED, S2008, Y2007)
    vice = evaluate(Load("A", lines(10), duties=("vice_principal",)), CERTIFIED, S2008, Y2007)

    assert principal.eligible
    assert rule(principal, "hours")[1] == "6 JP counted; as Principal the obligation is 6 JP."
    assert principal.reasons[-1].reason.text("id") == (
        "6 JP dihitung; sebagai Kepala sekolah kewajibannya 6 JP."
    )
    assert not vice.eligible
    assert rule(vice, "hours")[1] == "10 JP counted, below 12: short by 2 JP."


def test_the_ministers_approval_stands_in_for_the_hours() -> None:
    facts = replace(CERTIFIED, approval="123/MPN/2008")

    result = evaluate(Load("A", lines(8)), facts, S2008, Y2007)

    assert result.eligible
    assert "letter 123/MPN/2008" in rule(result, "hours")[1]
    hours = next(r for r in result.reasons_json() if r["rule"] == "hours")
    assert hours["passed"] and hours["approval"] == "123/MPN/2008"


def test_the_approval_also_stands_in_for_the_2019_face_to_face_floor() -> None:
    facts = replace(CERTIFIED, approval="0412/GTK/2019")

    result = evaluate(Load("A", lines(12)), facts, S2019, Y2019)

    assert result.eligible
    assert rule(result, "face_to_face")[1] == (
        "12 JP face to face, below the minimum of 16, but approved in writing by the "
        "minister's letter 0412/GTK/2019 for this semester."
    )


def test_payment_starts_in_january_of_the_year_after_the_certificate() -> None:
    same_year = evaluate(Load("A", lines(24)), CERTIFIED, parse_semester("2007-2"), Y2007)

    assert not same_year.eligible
    passed, reason, fix = rule(same_year, "start")
    assert not passed
    assert "from January 2008" in reason
    assert fix == "Nothing to do: the allowance starts in semester 2008-1."


def test_no_certificate_and_no_nrg_fail_with_their_fixes() -> None:
    facts = replace(CERTIFIED, certificate_year=None, has_nrg=False)

    result = evaluate(Load("A", lines(24)), facts, S2008, Y2007)

    assert not result.eligible
    assert rule(result, "certificate")[0] is False
    assert "start" not in rules(result)
    assert rule(result, "nrg")[2] == "Ask the rayon for the NRG issued with the certificate."


def test_a_permanent_post_elsewhere_fails() -> None:
    result = evaluate(
        Load("A", lines(24)), replace(CERTIFIED, employed_elsewhere=True), S2008, Y2007
    )

    assert not result.eligible
    assert rule(result, "employment")[0] is False


def test_the_funding_source_follows_the_employer() -> None:
    load = Load("A", lines(24))
    funds = [
        evaluate(load, replace(CERTIFIED, employer=employer), S2008, Y2007).funding
        for employer in ("regional", "central", "foundation")
    ]

    assert funds == ["dau", "apbn", "dekon"]


def test_hours_outside_the_certificate_do_not_count_unless_the_table_lists_them() -> None:
    load = Load("A", (*lines(18), *lines(6, subject="097")))

    alone = evaluate(load, CERTIFIED, S2008, Y2007)
    mapped = evaluate(load, replace(CERTIFIED, may_teach=frozenset({"097"})), S2008, Y2007)

    assert not alone.eligible
    passed, reason, fix = rule(alone, "linearity")
    assert not passed
    assert reason == "6 JP in 097 do not count: not in line with the certificate (190 Biologi)."
    assert "add it to the linearity table" in fix
    assert mapped.eligible
    assert rule(mapped, "linearity") == (
        True,
        "Every hour counted is in line with the certificate (190 Biologi).",
        "",
    )


def test_hours_left_out_do_not_fail_a_teacher_who_has_enough() -> None:
    load = Load("A", (*lines(24), *lines(2, subject="097")))

    result = evaluate(load, CERTIFIED, S2008, Y2007)

    assert result.eligible
    assert rule(result, "linearity")[0] is True
    assert "do not count" in rule(result, "linearity")[1]


def test_2019_counts_a_main_duty_12_hours_and_needs_16_face_to_face() -> None:
    load = Load("A", lines(16), duties=("principal", "homeroom"))

    result = evaluate(load, CERTIFIED, S2019, Y2019)

    assert result.count.duty_hours == 12
    assert result.hours == 28
    assert result.eligible
    assert rules(result)[-2:] == ["face_to_face", "hours"]


def test_2019_other_duties_count_at_most_6() -> None:
    load = Load("A", lines(16), duties=("homeroom", "extracurricular", "student_council", "x"))

    count = count_load(load, Y2019, CERTIFIED.linear)

    assert count.duty_hours == 6
    assert count.unknown_duties == ("x",)


def test_2019_face_to_face_below_16_fails_even_with_a_duty() -> None:
    load = Load("A", lines(14), duties=("principal",))

    result = evaluate(load, CERTIFIED, S2019, Y2019)

    assert not result.eligible
    assert rule(result, "face_to_face") == (
        False,
        "14 JP face to face, below the minimum of 16.",
        "Teach 2 more JP face to face a week in 190 Biologi.",
    )
    assert rule(result, "hours")[0] is True


def test_2019_caps_the_total_at_40_over_3_schools() -> None:
    load = Load(
        "A",
        (
            *lines(20),
            *lines(10, school="B"),
            *lines(8, school="C"),
            *lines(9, school="D"),
        ),
    )

    count = count_load(load, Y2019, CERTIFIED.linear)

    assert count.schools == 3
    assert count.excluded_hours(Excluded.SCHOOLS) == 8
    assert count.total == 39
    assert count_load(replace(load, duties=("principal",)), Y2019, CERTIFIED.linear).total == 40


def test_2019_tells_a_teacher_about_hours_at_a_fourth_school() -> None:
    load = Load(
        "A", (*lines(6), *lines(5, school="B"), *lines(5, school="C"), *lines(4, school="D"))
    )

    result = evaluate(load, CERTIFIED, S2019, Y2019)

    assert rule(result, "schools") == (
        False,
        "4 JP at other schools do not count: at most 3 schools count.",
        "Move those hours to the main school or to a school already counted.",
    )


def test_2019_needs_a_pkg_of_at_least_baik() -> None:
    load = Load("A", lines(24))
    good = evaluate(load, replace(CERTIFIED, pkg="amat_baik"), S2019, Y2019)
    fair = evaluate(load, replace(CERTIFIED, pkg="cukup"), S2019, Y2019)
    none = evaluate(load, replace(CERTIFIED, pkg=""), S2019, Y2019)

    assert good.eligible
    assert rule(good, "pkg")[1] == "The latest PKG is Amat Baik (at least Baik is needed)."
    assert rule(fair, "pkg") == (
        False,
        "The latest PKG, Cukup, is below Baik.",
        "Reach at least Baik in the next performance appraisal (PKG).",
    )
    assert rule(none, "pkg")[0] is False
    assert "2019-1" in rule(none, "pkg")[1]


def test_2019_classes_below_the_pupil_minimum_do_not_count() -> None:
    small = Line(school="A", subject="190", hours=4, pupils=12, level="SMP", label="9C")
    big = Line(school="A", subject="190", hours=20, pupils=30, level="SMP", label="9A")

    result = evaluate(Load("A", (small, big)), CERTIFIED, S2019, Y2019)

    assert result.hours == 20
    assert rule(result, "ratio") == (
        False,
        "4 JP in classes 9C do not count: fewer pupils than the minimum.",
        "Teach classes that have the minimum number of pupils (the pupil:teacher ratio).",
    )
    full = evaluate(Load("A", (big, replace(big, label="9B"))), CERTIFIED, S2019, Y2019)
    assert rule(full, "ratio") == (True, "Every class taught has enough pupils.", "")


def test_counsellors_count_their_pupils_pro_rata() -> None:
    facts = replace(CERTIFIED, certified_subject="BK0")

    full = evaluate(Load("A", counselling_pupils=150), facts, S2008, Y2007)
    part = count_load(Load("A", counselling_pupils=100), Y2007, facts.linear)

    assert full.eligible
    assert part.total == 16


def test_the_stored_reasons_carry_both_languages() -> None:
    result = evaluate(Load("A", lines(20)), CERTIFIED, S2008, Y2007)

    stored = result.reasons_json()

    assert stored[-1] == {
        "rule": "hours",
        "passed": False,
        "reason": {
            "id": "20 JP dihitung, di bawah 24: kurang 4 JP.",
            "en": "20 JP counted, below 24: short by 4 JP.",
        },
        "fix": stored[-1]["fix"],
    }
    assert stored[0]["fix"] is None
    assert all("approval" not in reason for reason in stored)


def test_a_year_without_other_schools_or_team_teaching_leaves_them_out() -> None:
    strict = replace(Y2007, other_schools=False, team_teaching=False)
    team = Line(school="A", subject="190", hours=4, share=Decimal("0.5"), label="8A")
    load = Load("A", (*lines(20), *lines(4, school="B"), team))

    result = evaluate(load, CERTIFIED, S2008, strict)

    assert result.count.excluded_hours(Excluded.OTHER_SCHOOL) == 4
    assert result.count.excluded_hours(Excluded.TEAM) == 2
    assert "at most 1 schools" in rule(result, "schools")[1]


# --- Properties ----------------------------------------------------------------------------

SUBJECTS = ("190", "097", "180")
line_strategy = st.builds(
    Line,
    school=st.sampled_from(("A", "B", "C", "D")),
    subject=st.sampled_from(SUBJECTS),
    hours=st.integers(1, 12),
    share=st.sampled_from((Decimal(1), Decimal("0.5"), Decimal("0.33"))),
    pupils=st.none() | st.integers(5, 40),
    level=st.sampled_from(("SMP", "SD", "TK")),
    label=st.sampled_from(("7A", "7B", "8A")),
)
load_strategy = st.builds(
    Load,
    main_school=st.just("A"),
    lines=st.lists(line_strategy, max_size=8).map(tuple),
    duties=st.lists(
        st.sampled_from(("principal", "vice_principal", "homeroom", "head_library", "x")),
        max_size=3,
    ).map(tuple),
    counselling_pupils=st.integers(0, 200),
)
facts_strategy = st.builds(
    Facts,
    certificate_year=st.none() | st.integers(2006, 2020),
    has_nrg=st.booleans(),
    certified_subject=st.just("190"),
    may_teach=st.sampled_from((frozenset(), frozenset({"097"}))),
    pkg=st.sampled_from(("", "kurang", "cukup", "baik", "amat_baik")),
    employed_elsewhere=st.booleans(),
    approval=st.sampled_from(("", "1/MPN")),
)
years = st.sampled_from((Y2007, Y2019))
semesters = st.sampled_from((S2008, S2019, parse_semester("2020-2")))


@RULES_SETTINGS
@given(load_strategy, facts_strategy, semesters, years, line_strategy, st.data())
def test_adding_an_hour_never_makes_an_eligible_teacher_ineligible(
    load, facts, semester, params, extra, data
) -> None:
    before = evaluate(load, facts, semester, params)
    if load.lines and data.draw(st.booleans()):
        index = data.draw(st.integers(0, len(load.lines) - 1))
        grown = list(load.lines)
        grown[index] = replace(grown[index], hours=grown[index].hours + 1)
        more = replace(load, lines=tuple(grown))
    else:
        more = replace(load, lines=(*load.lines, replace(extra, hours=1)))

    after = evaluate(more, facts, semester, params)

    assert after.hours >= before.hours
    assert after.count.face_to_face >= before.count.face_to_face
    assert after.eligible or not before.eligible


@RULES_SETTINGS
@given(load_strategy, facts_strategy, semesters, years)
def test_eligible_exactly_when_every_rule_passes_and_every_failure_has_a_fix(
    load, facts, semester, params
) -> None:
    result = evaluate(load, facts, semester, params)

    assert result.eligible == all(r.passed for r in result.reasons)
    assert all(r.fix is not None for r in result.reasons if not r.passed)
    if params.max_hours:
        assert result.hours <= params.max_hours
    for reason in result.reasons_json():
        assert reason["reason"]["id"] and reason["reason"]["en"]  # type: ignore[index]
