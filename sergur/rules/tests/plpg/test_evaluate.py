"""A participant's PLPG result: admission, the final score of the year's formula, pass/fail
per part with the shortfall, the parts to retake and the return to the district
(docs/plpg.md; docs/sources/domain.md §3)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sergur.rules.plpg import (
    Standing,
    Status,
    admission,
    competencies,
    evaluate,
    final_score,
    minimum_jp,
    plpg_params,
)
from sergur.rules.tests.strategies import RULES_SETTINGS

D = Decimal
Y2013 = plpg_params(2013)
Y2014 = plpg_params(2014)
Y2017 = plpg_params(2017)
GOOD_2013 = {"SUT": D(80), "SUP": D(80), "HW": D(80), "SP": D(80), "SS": D(80)}
GOOD_2017 = {
    "process": D(80),
    "report": D(80),
    "presentation": D(80),
    "SUT": D(80),
    "SUK": D(80),
    "SWS": D(80),
}


def standing(scores: dict[str, Decimal], retakes: int = 0, jp: int = 90, shows: int = 3):
    return Standing(scores, D(jp), shows, retakes)


def texts(outcome, lang="en"):
    return [reason.text(lang) for reason in outcome.reasons]


def test_2013_weights_sum_to_100_so_the_final_is_out_of_100():
    scores = {"SUT": D(70), "SUP": D(80), "HW": D(90), "SP": D(60), "SS": D(100)}
    # (25*70 + 30*80 + 25*90 + 10*60 + 10*100) / 100
    assert final_score(Y2013, scores) == D("80")


def test_2017_uses_the_briefing_sub_formula():
    scores = {**GOOD_2017, "process": D(60), "report": D(70), "presentation": D(80)}
    # SP = 0.3*60 + 0.3*70 + 0.4*80 = 71; SAP = 0.15*71 + 0.3*80 + 0.35*80 + 0.2*80
    assert final_score(Y2017, scores) == D("78.65")


def test_a_missing_part_leaves_the_final_open():
    scores = dict(GOOD_2017)
    del scores["report"]
    assert final_score(Y2017, scores) is None
    outcome = evaluate(Y2017, standing(scores))
    assert outcome.status is Status.INCOMPLETE
    assert texts(outcome) == ["laporan: no score yet."]
    assert outcome.final is None


def test_all_parts_above_their_marks_pass():
    outcome = evaluate(Y2013, standing(GOOD_2013))
    assert outcome.passed
    assert outcome.final == 80
    assert texts(outcome, "id") == ["Lulus PLPG: nilai akhir 80 (batas lulus 70)."]
    assert outcome.retake_parts == ()


def test_a_failed_written_test_is_retaken_alone_and_says_by_how_much():
    outcome = evaluate(Y2013, standing({**GOOD_2013, "SUT": D("61.5")}))
    assert outcome.status is Status.RETAKE
    assert outcome.retake_parts == ("SUT",)
    assert texts(outcome) == [
        "SUT: score 61.5 is below the pass mark 70 (short by 8.5).",
        "Retake SUT (retake 1 of 2).",
    ]
    sut = outcome.parts[0]
    assert (sut.key, sut.passed, sut.shortfall) == ("SUT", False, D("8.5"))


def test_2014_fails_the_national_written_test_below_42():
    scores = {"UTN": D(41), "UTL": D(65), "SUP": D(80), "HW": D(80), "SP": D(80), "SS": D(80)}
    outcome = evaluate(Y2014, standing(scores))
    assert outcome.retake_parts == ("UTN",)
    assert "UTN: score 41 is below the pass mark 42 (short by 1)." in texts(outcome)


def test_after_the_last_failed_retake_the_teacher_is_returned():
    outcome = evaluate(Y2013, standing({**GOOD_2013, "SUP": D(50)}, retakes=2))
    assert outcome.status is Status.RETURNED
    assert outcome.retake_parts == ()
    assert texts(outcome)[-1] == "Not passed after 2 retakes: returned to the district."


def test_a_failed_part_that_is_no_exam_returns_the_teacher():
    low = {**GOOD_2017, "process": D(40), "report": D(40), "presentation": D(40)}
    outcome = evaluate(Y2017, standing(low))
    assert outcome.status is Status.RETURNED
    assert "SP is no exam and cannot be retaken: returned to the district." in texts(outcome)


def test_a_final_below_the_mark_with_every_part_passed_retakes_every_exam():
    scores = {"SUT": D(70), "SUP": D(76), "HW": D(60), "SP": D(60), "SS": D(60)}
    outcome = evaluate(Y2013, standing(scores))
    assert outcome.status is Status.RETAKE
    assert outcome.retake_parts == ("SUT", "SUP")
    assert texts(outcome)[0] == "The final score 67.3 is below the pass mark 70 (short by 2.7)."
    assert "personal competency: 60, below 70; needs a remedial programme." in texts(outcome)


def test_attendance_below_the_share_is_not_admitted():
    outcome = evaluate(Y2013, standing(GOOD_2013, jp=80, shows=2))
    assert outcome.status is Status.NOT_ADMITTED
    assert outcome.final is None
    assert texts(outcome) == [
        "Attended 80 of 90 JP, below the minimum of 81 JP: not admitted to the exams.",
        "Only 2 peer-teaching appearances with the plan discussed; the minimum is 3: not "
        "admitted to the exams.",
        "Not admitted to the exams: returned to the district.",
    ]


def test_admission_and_the_minimum():
    assert minimum_jp(Y2013) == 81
    assert admission(Y2013, D(81), 3) == ()


def test_competencies_are_the_mean_of_their_parts():
    result = {c.key: c for c in competencies(Y2013, {**GOOD_2013, "SUT": D(50)})}
    assert result["pedagogic"].score == D(70)
    assert not result["pedagogic"].low
    assert result["personal"].score == 80
    missing = {c.key: c for c in competencies(Y2013, {"SUT": D(50)})}
    assert missing["pedagogic"].score is None


def test_a_score_outside_0_to_100_or_an_unknown_part_is_refused():
    with pytest.raises(ValueError, match="from 0 to 100"):
        evaluate(Y2013, standing({**GOOD_2013, "SUT": D(101)}))
    with pytest.raises(ValueError, match="no entered part"):
        evaluate(Y2013, standing({**GOOD_2013, "SAK": D(1)}))


scores_2017 = st.fixed_dictionaries(
    {part.key: st.decimals(0, 100, places=2) for part in Y2017.inputs}
)
scores_2013 = st.fixed_dictionaries(
    {part.key: st.decimals(0, 100, places=2) for part in Y2013.inputs}
)


@RULES_SETTINGS
@given(st.sampled_from([Y2013, Y2014, Y2017]), st.data())
def test_a_higher_part_score_never_lowers_the_final(params, data):
    scores = data.draw(
        st.fixed_dictionaries({p.key: st.decimals(0, 100, places=2) for p in params.inputs})
    )
    key = data.draw(st.sampled_from([p.key for p in params.inputs]))
    higher = data.draw(st.decimals(scores[key], 100, places=2))
    before = final_score(params, scores)
    after = final_score(params, {**scores, key: higher})
    assert before is not None and after is not None
    assert after >= before
    if evaluate(params, standing(scores)).passed:
        assert evaluate(params, standing({**scores, key: higher})).passed


@RULES_SETTINGS
@given(scores_2013, st.lists(st.decimals(0, 100, places=2), min_size=1, max_size=6))
def test_retakes_never_exceed_the_years_number(scores, retake_scores):
    """Retake the offered parts with whatever scores until the teacher passes or is returned:
    never more retakes than the year allows, and only the failed parts change."""
    taken = 0
    outcome = evaluate(Y2013, standing(scores))
    for new in retake_scores:
        if outcome.status is not Status.RETAKE:
            break
        assert taken < Y2013.max_retakes
        failed = {r.key for r in outcome.parts if not r.passed} or {"SUT", "SUP"}
        assert set(outcome.retake_parts) == failed
        scores = {**scores, **dict.fromkeys(outcome.retake_parts, new)}
        taken += 1
        outcome = evaluate(Y2013, standing(scores, retakes=taken))
    assert taken <= Y2013.max_retakes
    if taken == Y2013.max_retakes:
        assert outcome.status in {Status.PASSED, Status.RETURNED}
