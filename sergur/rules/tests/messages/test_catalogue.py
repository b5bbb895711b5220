from __future__ import annotations

import pytest

from sergur.rules.messages.catalogue import Catalogue, merge, prefixed


def test_merge_joins_catalogues_in_order():
    first: Catalogue = {"a.one": {"id": "satu", "en": "one"}}
    second: Catalogue = {"b.two": {"id": "dua", "en": "two"}}
    assert merge(first, second) == {**first, **second}


def test_merge_refuses_a_code_defined_twice():
    entry: Catalogue = {"a.one": {"id": "satu", "en": "one"}}
    with pytest.raises(ValueError, match="'a.one' is defined twice"):
        merge(entry, dict(entry))


def test_prefixed_files_a_table_under_its_prefix():
    assert prefixed("decision", {"L": {"id": "Lulus", "en": "Pass"}}) == {
        "decision.L": {"id": "Lulus", "en": "Pass"}
    }
