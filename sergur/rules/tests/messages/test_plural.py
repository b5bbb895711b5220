"""The catalogue's `{n:one|other}` choice: the English word after a count agrees with it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sergur.rules.messages import msg, render


@pytest.mark.parametrize(
    ("count", "english"),
    [
        (1, "Budaya: 1 entry has no evidence yet."),
        (2, "Budaya: 2 entries have no evidence yet."),
        (0, "Budaya: 0 entries have no evidence yet."),
    ],
)
def test_a_count_picks_the_singular_or_the_plural(count: int, english: str) -> None:
    assert render("gap.evidence", {"section": "Budaya", "count": count}, "en") == english


def test_indonesian_has_one_form() -> None:
    text = msg("gap.evidence", section="Budaya", count=1).text("id")

    assert text == "Budaya: 1 entri belum memiliki bukti fisik."


def test_a_decimal_count_and_a_plain_format_spec_still_work() -> None:
    assert render("selection.value.months", {"years": Decimal(1), "months": 2}, "en") == (
        "1 year 2 months"
    )
    from sergur.rules.messages import _Counted

    assert f"{_Counted('7', one=False):>3}" == "  7"
