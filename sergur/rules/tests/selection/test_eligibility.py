"""Eligibility: the 2007 rules as seed 003's FAQ says them (each test quotes it), the later
rules of 2012 (docs/sources/domain.md §4.1), every boundary, and every reason at once."""

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
    retirement_day,
    years_before,
)
from sergur.rules.selection.params import selection_params

from . import seed003
from .helpers import P2007, D, candidates, teacher, texts

P2012 = selection_params(2012)


def texts_2012(candidate: object, lang: str = "en") -> list[str]:
    """The eligibility reasons of `candidate` in 2012, as text."""
    return [m.text(lang) for m in check(candidate, P2012).reasons]  # type: ignore[arg-type]


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


def test_2007_admits_every_teacher_not_yet_retired():
    """Seed 003: "Semua guru yang belum pensiun berhak mengikuti sertifikasi." A teacher retires
    at 60 from the 1st of the month after the birthday; the cut-off is 1 Jan 2008."""
    assert seed003.NOT_RETIRED
    # 60 on 1 Jan 2008 itself: retires 1 Feb 2008, so not yet retired on the cut-off day.
    assert texts(teacher(birth_date=D(1948, 1, 1))) == []
    assert texts(teacher(birth_date=D(1948, 1, 31))) == []
    # 60 on 31 Dec 2007: retired from 1 Jan 2008.
    assert texts(teacher(birth_date=D(1947, 12, 31))) == [
        "Retired on 1 Jan 2008: aged 60 on 31 Dec 2007, retired from 1 Jan 2008; every "
        "teacher not yet retired may take part."
    ]
    assert texts(teacher(birth_date=D(1946, 5, 1)), "id") == [
        "Sudah pensiun pada 1 Januari 2008: usia 60 tahun pada 1 Mei 2006, pensiun mulai "
        "1 Juni 2006; semua guru yang belum pensiun berhak mengikuti sertifikasi."
    ]


def test_retirement_takes_effect_the_month_after_the_birthday():
    assert retirement_day(D(1947, 12, 15), 60) == D(2008, 1, 1)
    assert retirement_day(D(1948, 1, 1), 60) == D(2008, 2, 1)
    assert retirement_day(D(1948, 2, 29), 60) == D(2008, 3, 1)


def test_2012_keeps_under_60_on_1_january_2013():
    """docs/sources/domain.md §4.1 (2012/2013): "under 60 on 1 Jan 2013"."""
    assert texts_2012(teacher(birth_date=D(1953, 1, 1))) == [
        "Age 60 on 1 Jan 2013; participants must be under 60."
    ]
    assert texts_2012(teacher(birth_date=D(1953, 1, 2))) == []


def test_reasons_read_in_indonesian_too():
    assert texts_2012(teacher(birth_date=D(1951, 5, 1)), "id") == [
        "Usia 61 tahun pada 1 Januari 2013; peserta harus berusia di bawah 60 tahun."
    ]


def test_every_direct_level_qualifies():
    for level in ("S1", "D4", "S2", "S3"):
        assert texts(teacher(education_level=level)) == []


def test_2007_requires_s1_or_d4_with_no_other_route():
    """Seed 003: "persyaratan utama yaitu memiliki ijasah akademik atau kualifikasi akademik
    minimal S-1 atau D4": a D3 teacher of 52 with 22 years of service is not eligible in 2007."""
    assert seed003.S1_D4
    old_d3 = teacher(education_level="D3", birth_date=D(1955, 1, 1), teacher_since=D(1985, 1, 1))
    assert texts(old_d3) == ["Education D3: participants must hold at least an S-1 or D-IV degree."]
    assert texts(teacher(education_level="SMA", rank="IV/e"), "id") == [
        "Pendidikan SMA: peserta harus berijazah minimal S-1 atau D-IV."
    ]
    assert texts_2012(old_d3) == []


def test_2012_below_s1_without_an_exception():
    """docs/sources/domain.md §4.1: without S-1/D-IV, age >= 50 and 20 years, or golongan IV/a."""
    c = teacher(
        education_level="D3",
        birth_date=D(1967, 3, 1),
        teacher_since=D(1995, 1, 1),
        rank="III/d",
    )
    assert texts_2012(c) == [
        "Education D3 is below S-1/D-IV and neither exception applies: age 45 with 18 years "
        "of service on 1 Jan 2013 (needs age 50 and 20 years), rank III/d (needs IV/a, PNS or "
        "inpassing)."
    ]


def test_2012_the_age_50_and_20_years_route_at_its_boundaries():
    old = {"education_level": "D2", "rank": ""}
    assert texts_2012(teacher(**old, birth_date=D(1963, 1, 1), teacher_since=D(1993, 1, 1))) == []
    too_young = teacher(**old, birth_date=D(1963, 1, 2), teacher_since=D(1993, 1, 1))
    assert "age 49 with 20 years" in texts_2012(too_young)[0]
    too_short = teacher(**old, birth_date=D(1955, 1, 1), teacher_since=D(1993, 1, 2))
    assert "age 58 with 19 years" in texts_2012(too_short)[0]
    gaps = teacher(
        **old, birth_date=D(1955, 1, 1), teacher_since=D(1985, 1, 1), service_gap_months=97
    )
    assert "age 58 with 19 years" in texts_2012(gaps)[0]


def test_2012_the_golongan_iv_a_route_counts_only_for_pns_or_inpassing():
    low = {"education_level": "SMA", "birth_date": D(1970, 1, 1)}
    assert texts_2012(teacher(**low, rank="IV/a")) == []
    assert texts_2012(teacher(**low, rank="IV/e")) == []
    non_pns = {"employment": "non_pns", "permanent_since": D(2000, 1, 1)}
    assert texts_2012(teacher(**low, **non_pns, rank="IV/b", has_inpassing=True)) == []
    reason = texts_2012(teacher(**low, **non_pns, rank="IV/b"))[0]
    assert "rank IV/b (not counted: non-PNS without inpassing)" in reason
    assert "rank none (needs IV/a" in texts_2012(teacher(**low, rank=""))[0]
    assert "rank V/z (needs IV/a" in texts_2012(teacher(**low, rank="V/z"))[0]


def test_2007_a_non_pns_teacher_needs_two_years_of_service_not_of_guru_tetap():
    """Seed 003: "Guru honorer yang memenuhi kriteria boleh mengikuti sertifikasi guru." and
    "guru non PNS yang mengikuti sertifikasi harus memenuhi persyaratan masa kerja minimal 2
    tahun": 12 years' service and no permanent-teacher SK is eligible."""
    assert seed003.HONORER and seed003.NON_PNS_SERVICE
    honorer = {"employment": "non_pns", "rank": ""}
    assert texts(teacher(**honorer, teacher_since=D(1996, 1, 1))) == []
    # A teacher on 30 Dec 2005 has 2 years on 1 Jan 2008; a month not teaching makes it 1.
    assert texts(teacher(**honorer, teacher_since=D(2005, 12, 30))) == []
    assert texts(teacher(**honorer, teacher_since=D(2005, 12, 30), service_gap_months=1)) == [
        "Service since 30 Dec 2005: 1 year on 1 Jan 2008; a non-PNS teacher needs at least 2 "
        "years of service."
    ]
    assert texts(teacher(**honorer, teacher_since=None)) == [
        "The date of first appointment as a teacher is missing; a participant must have been "
        "a teacher on 30 Dec 2005."
    ]


def test_2012_a_non_pns_teacher_needs_the_permanent_years():
    """docs/sources/domain.md §4.1: an SK as guru tetap (2014: 2 consecutive years)."""
    base = {"employment": "non_pns"}
    assert texts_2012(teacher(**base, permanent_since=D(2011, 1, 1))) == []
    assert texts_2012(teacher(**base, permanent_since=D(2011, 1, 2))) == [
        "Permanent teacher since 2 Jan 2011: 1 year on 1 Jan 2013, 2 needed."
    ]
    assert texts_2012(teacher(**base)) == [
        "A non-PNS teacher without an SK as permanent teacher; at least 2 years as a "
        "permanent teacher on 1 Jan 2013 are needed."
    ]


def test_religion_teachers_are_certified_by_depag():
    """Seed 003: "Sertifikasi guru agama baik yang diangkat Depdiknas, Depag, maupun Pemda
    dilakukan oleh Depag." """
    assert seed003.RELIGION
    assert texts(teacher(subject_code="127")) == [
        "Religion teacher (subject 127): certified by the Ministry of Religious Affairs "
        "(Depag), not by the district education office."
    ]
    assert texts_2012(teacher(subject_code="127"), "id") == [
        "Guru agama (bidang studi 127): sertifikasinya dilakukan oleh Departemen Agama, bukan "
        "oleh Dinas Pendidikan kabupaten/kota."
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
        "selection.retired",
        "selection.education_required",
        "selection.certified",
    ]
    codes_2012 = [
        m.code for m in check(msgspec.structs.replace(c, subject_code="127"), P2012).reasons
    ]
    assert codes_2012 == [
        "selection.nuptk_missing",
        "selection.not_teacher_on",
        "selection.over_age",
        "selection.education",
        "selection.no_permanent",
        "selection.certified",
        "selection.depag",
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


def test_counted_rank_is_for_pns_in_2007_and_inpassing_too_in_2012():
    """Seed 003: "golongan (bagi PNS)"; docs/sources/domain.md §4.2 (2013/2014): PNS or
    inpassing."""
    assert "golongan (bagi PNS)" in seed003.RANKING_ORDER
    inpassing = teacher(rank="IV/a", employment="non_pns", has_inpassing=True)
    assert counted_rank(teacher(rank="IV/a"), P2007) == 13
    assert counted_rank(teacher(rank="IV/a", employment="non_pns"), P2007) == 0
    assert counted_rank(inpassing, P2007) == 0
    assert counted_rank(inpassing, P2012) == 13
    assert counted_rank(teacher(rank=""), P2012) == 0


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
    for params in (P2007, P2012):
        assert check(c, params) == _check(c, params)
        assert check_many([c], params) == [_check(c, params)]


@settings(max_examples=300)
@given(candidates)
def test_the_permanent_and_age_dates_agree_with_the_counts(c):
    on = P2012.reference_date
    if c.permanent_since is not None:
        enough = months_between(c.permanent_since, on) // 12 >= 2
        assert enough == (c.permanent_since <= years_before(on, 2))
    over = age_on(c.birth_date, P2012.age_cutoff) >= 60
    assert over == (c.birth_date <= years_before(P2012.age_cutoff, 60))
    retired = retirement_day(c.birth_date, 60) <= P2007.age_cutoff
    assert retired == (c.birth_date < D(1948, 1, 1))
