"""Eligibility (docs/sources/facts.md §4.1): every rule, its boundary, and every reason at once."""

from __future__ import annotations

import msgspec
from hypothesis import given, settings

from sergur.rules.experience import months_between
from sergur.rules.selection import Eligibility
from sergur.rules.selection.eligibility import (
    _check,
    age_on,
    check,
    check_many,
    counted_rank,
    day,
    years_before,
)

from .helpers import P2007, D, candidates, teacher, texts


def test_the_base_teacher_is_eligible_with_no_reason():
    assert check(teacher(), P2007) == Eligibility(eligible=True, reasons=())


def test_a_missing_nuptk():
    assert texts(teacher(nuptk="")) == ["The NUPTK is missing."]


def test_an_invalid_nuptk():
    for bad in ("123", "12345678901234567", "123456789012345x", "１２３４５６７８９０１２３４５６"):
        assert texts(teacher(nuptk=bad)) == ["The NUPTK is not valid: a NUPTK has 16 digits."]


def test_an_unknown_employment_status():
    assert texts(teacher(employment="honorer")) == [
        "The employment status is unknown (must be PNS or non-PNS)."
    ]


def test_a_teacher_on_30_dec_2005_is_eligible_and_one_appointed_a_day_later_is_not():
    assert texts(teacher(teacher_since=D(2005, 12, 30))) == []
    assert texts(teacher(teacher_since=D(2005, 12, 31))) == [
        "Not a teacher on 30 Dec 2005: first appointed as a teacher on 31 Dec 2005."
    ]


def test_no_appointment_date():
    assert texts(teacher(teacher_since=None)) == [
        "The date of first appointment as a teacher is missing; a participant must have been "
        "a teacher on 30 Dec 2005."
    ]


def test_the_age_limit_on_the_cutoff_day():
    # 60th birthday on 1 Jan 2008 (the cut-off): 60, not under 60.
    assert texts(teacher(birth_date=D(1948, 1, 1))) == [
        "Age 60 on 1 Jan 2008; participants must be under 60."
    ]
    assert texts(teacher(birth_date=D(1948, 1, 2))) == []
    assert texts(teacher(birth_date=D(1946, 5, 1))) == [
        "Age 61 on 1 Jan 2008; participants must be under 60."
    ]


def test_reasons_read_in_indonesian_too():
    assert texts(teacher(birth_date=D(1946, 5, 1)), "id") == [
        "Usia 61 tahun pada 1 Januari 2008; peserta harus berusia di bawah 60 tahun."
    ]


def test_every_direct_level_qualifies():
    for level in ("S1", "D4", "S2", "S3"):
        assert texts(teacher(education_level=level)) == []


def test_below_s1_without_an_exception():
    c = teacher(
        education_level="D3",
        birth_date=D(1962, 3, 1),
        teacher_since=D(1990, 1, 1),
        rank="III/d",
    )
    assert texts(c) == [
        "Education D3 is below S-1/D-IV and neither exception applies: age 45 with 18 years "
        "of service on 1 Jan 2008 (needs age 50 and 20 years), rank III/d (needs IV/a, PNS or "
        "inpassing)."
    ]


def test_the_age_50_and_20_years_route_at_its_boundaries():
    old = {"education_level": "D2", "rank": ""}
    assert texts(teacher(**old, birth_date=D(1958, 1, 1), teacher_since=D(1988, 1, 1))) == []
    too_young = teacher(**old, birth_date=D(1958, 1, 2), teacher_since=D(1988, 1, 1))
    assert "age 49 with 20 years" in texts(too_young)[0]
    too_short = teacher(**old, birth_date=D(1950, 1, 1), teacher_since=D(1988, 1, 2))
    assert "age 58 with 19 years" in texts(too_short)[0]
    gaps = teacher(
        **old, birth_date=D(1950, 1, 1), teacher_since=D(1980, 1, 1), service_gap_months=97
    )
    assert "age 58 with 19 years" in texts(gaps)[0]


def test_the_golongan_iv_a_route_counts_only_for_pns_or_inpassing():
    low = {"education_level": "SMA", "birth_date": D(1970, 1, 1)}
    assert texts(teacher(**low, rank="IV/a")) == []
    assert texts(teacher(**low, rank="IV/e")) == []
    non_pns = {"employment": "non_pns", "permanent_since": D(2000, 1, 1)}
    assert texts(teacher(**low, **non_pns, rank="IV/b", has_inpassing=True)) == []
    reason = texts(teacher(**low, **non_pns, rank="IV/b"))[0]
    assert "rank IV/b (not counted: non-PNS without inpassing)" in reason
    assert "rank none (needs IV/a" in texts(teacher(**low, rank=""))[0]
    assert "rank V/z (needs IV/a" in texts(teacher(**low, rank="V/z"))[0]


def test_non_pns_needs_the_permanent_years():
    base = {"employment": "non_pns"}
    assert texts(teacher(**base, permanent_since=D(2006, 1, 1))) == []
    assert texts(teacher(**base, permanent_since=D(2006, 1, 2))) == [
        "Permanent teacher since 2 Jan 2006: 1 years on 1 Jan 2008, 2 needed."
    ]
    assert texts(teacher(**base)) == [
        "A non-PNS teacher without an SK as permanent teacher; at least 2 years as a "
        "permanent teacher on 1 Jan 2008 are needed."
    ]


def test_already_certified():
    assert texts(teacher(certified=True)) == ["Already certified."]


def test_every_unmet_rule_is_a_reason_at_once():
    c = teacher(
        nuptk="",
        employment="non_pns",
        teacher_since=D(2006, 1, 1),
        birth_date=D(1940, 1, 1),
        education_level="D1",
        rank="",
        certified=True,
    )
    codes = [m.code for m in check(c, P2007).reasons]
    assert codes == [
        "selection.nuptk_missing",
        "selection.not_teacher_on",
        "selection.over_age",
        "selection.education",
        "selection.no_permanent",
        "selection.certified",
    ]


def test_check_many_keeps_the_order():
    results = check_many([teacher(), teacher(certified=True)], P2007)
    assert [r.eligible for r in results] == [True, False]


def test_age_on_a_29_february_birthday():
    assert age_on(D(1948, 2, 29), D(2008, 2, 28)) == 59
    assert age_on(D(1948, 2, 29), D(2008, 2, 29)) == 60
    assert age_on(D(1947, 2, 28), D(2007, 3, 1)) == 60


def test_years_before_moves_29_february_to_28():
    assert years_before(D(2008, 2, 29), 1) == D(2007, 2, 28)
    assert years_before(D(2008, 1, 1), 60) == D(1948, 1, 1)


def test_counted_rank():
    assert counted_rank(teacher(rank="IV/a")) == 13
    assert counted_rank(teacher(rank="IV/a", employment="non_pns")) == 0
    assert counted_rank(teacher(rank="IV/a", employment="non_pns", has_inpassing=True)) == 13
    assert counted_rank(teacher(rank="")) == 0


def test_dates_read_in_both_languages():
    assert day(D(2005, 12, 30)).text("id") == "30 Desember 2005"
    assert day(D(2005, 12, 30)).text("en") == "30 Dec 2005"


def test_the_limits_cache_follows_the_parameters():
    other = msgspec.structs.replace(P2007, age_limit=40)
    assert not check(teacher(), other).eligible
    assert check(teacher(), P2007).eligible
    for limit in range(70):  # more parameter sets than the cache keeps
        check(teacher(), msgspec.structs.replace(P2007, age_limit=100 + limit))
    assert check(teacher(), P2007).eligible


@settings(max_examples=400)
@given(candidates)
def test_an_ineligible_teacher_has_a_reason_and_an_eligible_one_none(c):
    result = check(c, P2007)
    assert result.eligible == (not result.reasons)


@settings(max_examples=400)
@given(candidates)
def test_the_fast_path_agrees_with_the_full_rules(c):
    assert check(c, P2007) == _check(c, P2007)
    assert check_many([c], P2007) == [_check(c, P2007)]


@settings(max_examples=300)
@given(candidates)
def test_the_permanent_and_age_dates_agree_with_the_counts(c):
    on = P2007.reference_date
    if c.permanent_since is not None:
        enough = months_between(c.permanent_since, on) // 12 >= 2
        assert enough == (c.permanent_since <= years_before(on, 2))
    over = age_on(c.birth_date, P2007.age_cutoff) >= 60
    assert over == (c.birth_date <= years_before(P2007.age_cutoff, 60))
