"""The quality-assurance rules: year data, the below-standard ceiling, the trend of a
teacher's PKG and the KKG comparison (docs/quality-assurance.md)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sergur.rules.messages import TEMPLATES
from sergur.rules.programme import ProgrammeYearError
from sergur.rules.quality import (
    DECLINED,
    HIGHER,
    IMPROVED,
    LOWER,
    NO_COMPARISON,
    SAME,
    TOO_FEW,
    UNCHANGED,
    Group,
    QualityParams,
    below_ceiling,
    kkg_comparison,
    parse_params,
    quality_params,
    trend,
)

PARAMS = QualityParams(year=2013, improved_min_points=1, min_group_size=5, appraisal_grace_days=90)
BANDS = ((25, 1), (50, 2), (75, 3), (100, 4))
scores = st.decimals(min_value=0, max_value=100, places=2)


def test_shipped_year_reads() -> None:
    params = quality_params(2030)
    assert params == PARAMS


def test_year_before_any_file_is_refused() -> None:
    with pytest.raises(ProgrammeYearError, match="no quality-assurance figures for 2000"):
        quality_params(2000)


def test_extra_dir_overrides_a_later_year(tmp_path: Path) -> None:
    (tmp_path / "quality").mkdir()
    (tmp_path / "quality" / "2020.toml").write_text(
        "year = 2020\n[quality]\nimproved_min_points = 3\nmin_group_size = 10\n"
        "appraisal_grace_days = 0\n",
        encoding="utf-8",
    )
    (tmp_path / "quality" / "notes.toml").write_text("", encoding="utf-8")
    assert quality_params(2021, (tmp_path,)).improved_min_points == 3
    assert quality_params(2019, (tmp_path,)).improved_min_points == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("year = 2020\n", r"\[quality\] section is missing"),
        (
            "year = 2020\n[quality]\nimproved_min_points = 0\nmin_group_size = 5\n"
            "appraisal_grace_days = 1\n",
            "'improved_min_points' must be a whole number of at least 1",
        ),
        (
            "year = 2020\n[quality]\nimproved_min_points = 1\nmin_group_size = true\n"
            "appraisal_grace_days = 1\n",
            "'min_group_size' must be a whole number of at least 2",
        ),
    ],
)
def test_bad_file_names_itself(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "2020.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProgrammeYearError, match=message):
        parse_params(path)


def test_below_ceiling_of_the_shipped_bands() -> None:
    # docs/sources/domain.md §7.2 step 3 with the standard value 3: up to 50 % is below.
    assert below_ceiling(BANDS, 3) == 50
    assert below_ceiling(BANDS, 1) == 0
    assert below_ceiling(BANDS, 5) == 100


@given(st.integers(min_value=1, max_value=5), st.integers(min_value=0, max_value=100))
def test_below_ceiling_matches_the_conversion(standard: int, percentage: int) -> None:
    value = next((v for upto, v in BANDS if percentage <= upto), 1)
    assert (percentage <= below_ceiling(BANDS, standard)) == (value < standard) or percentage == 0


def test_trend_cases() -> None:
    assert trend(None, Decimal(80), PARAMS).code == NO_COMPARISON
    assert trend(Decimal(70), None, PARAMS).change is None
    assert trend(Decimal(70), Decimal(71), PARAMS).code == IMPROVED
    assert trend(Decimal(70), Decimal("69.5"), PARAMS).code == UNCHANGED
    fell = trend(Decimal(70), Decimal(60), PARAMS)
    assert (fell.code, fell.change, fell.reasons) == (
        DECLINED,
        Decimal(-10),
        ("quality.trend.fell",),
    )


@given(scores, scores, scores)
def test_a_higher_later_score_never_reads_worse(
    before: Decimal, after: Decimal, more: Decimal
) -> None:
    order = [DECLINED, UNCHANGED, IMPROVED]
    first = trend(before, after, PARAMS).code
    second = trend(before, max(after, more), PARAMS).code
    assert order.index(second) >= order.index(first)


def test_kkg_comparison_cases() -> None:
    many = Group(size=5, before=Decimal(70), after=Decimal(75))
    assert kkg_comparison(many, Group(5, Decimal(70), Decimal(72)), PARAMS).code == HIGHER
    assert kkg_comparison(many, Group(5, Decimal(70), Decimal(80)), PARAMS).code == LOWER
    same = kkg_comparison(many, Group(6, Decimal(60), Decimal(65)), PARAMS)
    assert (same.code, same.difference) == (SAME, Decimal(0))
    assert "quality.kkg.association" in same.reasons
    assert kkg_comparison(many, Group(4, Decimal(70), Decimal(72)), PARAMS).code == TOO_FEW
    assert kkg_comparison(many, Group(9, None, Decimal(72)), PARAMS).difference is None


@given(
    st.integers(min_value=0, max_value=50), st.integers(min_value=0, max_value=50), scores, scores
)
def test_comparison_is_never_claimed_on_small_groups(
    size_p: int, size_o: int, before: Decimal, after: Decimal
) -> None:
    result = kkg_comparison(Group(size_p, before, after), Group(size_o, after, before), PARAMS)
    if min(size_p, size_o) < PARAMS.min_group_size:
        assert result.code == TOO_FEW
    else:
        assert "quality.kkg.association" in result.reasons


def test_every_reason_has_words() -> None:
    for key in TEMPLATES:
        if key.startswith("quality."):
            assert set(TEMPLATES[key]) == {"id", "en"}
    for code in ("rose", "fell", "within", "missing"):
        assert f"quality.trend.{code}" in TEMPLATES
    for code in (HIGHER, LOWER, SAME, TOO_FEW, "association"):
        assert f"quality.kkg.{code}" in TEMPLATES
