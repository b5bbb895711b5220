from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sergur.rules import ProgrammeYearError, problems_of
from sergur.rules.programme import SHIPPED_DIR
from sergur.scoring.services import ScoreOutcome, portfolio_score_upload
from sergur.scoring.tests.conftest import example_bytes


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("passing-subject-teacher.json", "L"),
        ("near-miss.json", "MS"),
        ("counselor.json", "L"),
        ("special-area-teacher.json", "MPLPG"),
    ],
)
def test_portfolio_score_upload_scores_a_valid_file_with_its_trace(name, code):
    outcome = portfolio_score_upload(data=example_bytes(name), year=2007)

    assert outcome.is_valid
    assert outcome.problems == ()
    assert outcome.result is not None
    assert outcome.result.decision.code == code
    assert outcome.result.year.year == 2007
    assert outcome.result.trace


def test_portfolio_score_upload_returns_every_problem_of_an_invalid_file():
    data = example_bytes("invalid.json")

    outcome = portfolio_score_upload(data=data, year=2007)

    assert not outcome.is_valid
    assert outcome.result is None
    assert list(outcome.problems) == problems_of(data)
    assert "lesson_plans[1].items" in [problem.path for problem in outcome.problems]


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"", "The file is empty."),
        (b"\x89PNG\r\n\x1a\n", "The file is not UTF-8 text."),
        (b"[" * 100_000, "Not valid JSON"),
        (b'{"schema": "sergur.portfolio/1"', "Not valid JSON"),
    ],
)
def test_portfolio_score_upload_reports_unreadable_bytes_as_problems(data, text):
    outcome = portfolio_score_upload(data=data, year=2007)

    assert not outcome.is_valid
    assert text in outcome.problems[0].text("en")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=256) | st.text(max_size=256).map(str.encode))
def test_portfolio_score_upload_never_raises_for_any_bytes(data):
    outcome = portfolio_score_upload(data=data, year=2007)

    assert isinstance(outcome, ScoreOutcome)
    assert outcome.is_valid or outcome.problems


def test_portfolio_score_upload_raises_for_an_unconfigured_year():
    with pytest.raises(ProgrammeYearError):
        portfolio_score_upload(data=example_bytes("near-miss.json"), year=1999)


def test_portfolio_score_upload_reads_years_from_the_configured_folder(settings, tmp_path):
    shipped = (SHIPPED_DIR / "2007.toml").read_text(encoding="utf-8")
    lenient = (
        shipped.replace("year = 2007", "year = 2030")
        .replace("pass_mark = 850", "pass_mark = 800")
        .replace("near_miss_floor = 825", "near_miss_floor = 775")
    )
    (tmp_path / "2030.toml").write_text(lenient, encoding="utf-8")
    settings.SERGUR_YEARS_DIRS = (tmp_path,)

    outcome = portfolio_score_upload(data=example_bytes("near-miss.json"), year=2030)

    assert outcome.result is not None
    assert outcome.result.year.year == 2030
    assert outcome.result.decision.code == "L"
