"""The class proposal: groups by subject, merged small groups, at most the class size."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sergur.rules.plpg.classes import ProposedClass, propose_classes, split, subject_group
from sergur.rules.tests.strategies import RULES_SETTINGS


def test_a_group_of_23_becomes_three_classes_of_8_8_7():
    classes = propose_classes([(i, "180") for i in range(23)], {}, 10)
    assert [len(c.participants) for c in classes] == [8, 8, 7]
    assert [c.number for c in classes] == [1, 2, 3]


def test_a_small_group_is_merged_into_the_mapped_subject():
    people = [(1, "180"), (2, "181"), (3, "190")]
    classes = propose_classes(people, {"181": "180"}, 10)
    assert classes == [ProposedClass("180", 1, (1, 2)), ProposedClass("190", 1, (3,))]


def test_a_chain_of_merges_is_followed_and_a_cycle_stops():
    assert subject_group("a", {"a": "b", "b": "c"}) == "c"
    assert subject_group("a", {"a": "b", "b": "a"}) == "b"


def test_a_class_size_below_1_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        propose_classes([(1, "180")], {}, 0)


@RULES_SETTINGS
@given(st.integers(1, 200), st.integers(1, 12))
def test_split_keeps_everyone_within_the_size_and_even(count, size):
    parts = split(tuple(range(count)), size)
    assert sum(parts, ()) == tuple(range(count))
    assert max(len(p) for p in parts) <= size
    assert max(len(p) for p in parts) - min(len(p) for p in parts) <= 1
    assert len(parts) == -(-count // size)
