"""Participant numbers (docs/sources/domain.md §4.5): YY PP KK BBB D NNNN, parsed back, assigned in
order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sergur.rules.selection.numbers import (
    NumberParts,
    ParticipantNumberError,
    assign,
    parse,
    participant_number,
)
from sergur.rules.selection.ranking import rank

from .helpers import P2007, D, teacher


def test_the_2009_example_of_facts_md():
    assert participant_number(2009, "15", "03", "180", 1, 37) == "09150318010037"
    assert parse("09150318010037") == NumberParts(2009, "15", "03", "180", 1, 37)


def test_the_other_examples():
    assert parse("09051518010015") == NumberParts(2009, "05", "15", "180", 1, 15)
    assert parse("17 22 04 156 1 0025") == NumberParts(2017, "22", "04", "156", 1, 25)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((1999, "15", "03", "180", 1, 1), "the year must be from 2000 to 2099"),
        (("2009", "15", "03", "180", 1, 1), "the year must be from 2000 to 2099"),
        ((2009, "1", "03", "180", 1, 1), "the province code must be 2 digits, not '1'"),
        ((2009, "1a", "03", "180", 1, 1), "the province code must be 2 digits, not '1a'"),
        ((2009, "15", "٠٣", "180", 1, 1), "the district code must be 2 digits"),
        ((2009, "15", "03", 180, 1, 1), "the subject code must be 3 digits"),
        ((2009, "15", "03", "180", 6, 1), "the ministry must be one of 1, 2, 3, 4, 5, not 6"),
        ((2009, "15", "03", "180", True, 1), "the ministry must be one of"),
        ((2009, "15", "03", "180", 1, 0), "the serial must be from 1 to 9999, not 0"),
        ((2009, "15", "03", "180", 1, 10_000), "the serial must be from 1 to 9999"),
    ],
)
def test_every_part_is_checked(args, message):
    with pytest.raises(ParticipantNumberError, match=message):
        participant_number(*args)


@pytest.mark.parametrize(
    "bad", ["0915031801003", "091503180100370", "0915031801003x", 9150318010037, "09150318090037"]
)
def test_a_bad_number_is_refused(bad):
    with pytest.raises(ParticipantNumberError):
        parse(bad)


@given(
    st.integers(2000, 2099),
    st.from_regex(r"[0-9]{2}", fullmatch=True),
    st.from_regex(r"[0-9]{2}", fullmatch=True),
    st.from_regex(r"[0-9]{3}", fullmatch=True),
    st.integers(1, 5),
    st.integers(1, 9999),
)
def test_parse_reads_back_what_was_built(year, province, district, subject, ministry, serial):
    number = participant_number(year, province, district, subject, ministry, serial)
    assert len(number) == 14 and number.isdigit()
    assert parse(number) == NumberParts(year, province, district, subject, ministry, serial)


def people():
    return [
        teacher(name="a", nuptk=f"{1:016d}", teacher_since=D(1980, 1, 1), region="3402"),
        teacher(name="b", nuptk=f"{2:016d}", teacher_since=D(1985, 1, 1), region="3404"),
        teacher(
            name="c",
            nuptk=f"{3:016d}",
            teacher_since=D(1990, 1, 1),
            region="3402",
            subject_code="156",
        ),
    ]


def test_serials_run_from_0001_per_district_in_rank_order():
    ranked = rank(people(), P2007)
    numbers = {r.candidate.name: n for r, n in assign(reversed(ranked), 2007)}
    assert numbers == {"a": "07340218010001", "c": "07340215610002", "b": "07340418010001"}


def test_the_ministry_can_be_given():
    ranked = rank(people()[:1], P2007)
    assert assign(ranked, 2009, ministry=2)[0][1] == "09340218020001"


def test_a_bad_region_or_subject_or_a_repeated_nuptk_is_named():
    with pytest.raises(ParticipantNumberError, match="position 1: the region must be 4 digits"):
        assign(rank([teacher(region="34")], P2007), 2007)
    with pytest.raises(ParticipantNumberError, match="position 1: the subject code must be 3"):
        assign(rank([teacher(subject_code="")], P2007), 2007)
    twice = rank([teacher(), teacher()], P2007)
    with pytest.raises(ParticipantNumberError, match="the same NUPTK is selected twice"):
        assign(twice, 2007)


def test_more_than_9999_in_a_district_is_refused():
    many = rank([teacher(nuptk=f"{i:016d}") for i in range(10_000)], P2007)
    with pytest.raises(ParticipantNumberError, match="district 3402: 10000 participants"):
        assign(many, 2007)
