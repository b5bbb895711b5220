"""Scoring a portfolio file with the rules core; nothing is stored."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from sergur.rules import PortfolioInvalid, Problem, ScoreResult, decode, load_year, score


@dataclass(frozen=True, slots=True)
class ScoreOutcome:
    """A scored portfolio (`result`), or the problems that kept the file from being scored."""

    result: ScoreResult | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def is_valid(self) -> bool:
        """True when the file was valid and scored."""
        return self.result is not None


def portfolio_score_upload(*, data: bytes, year: int) -> ScoreOutcome:
    """Validate and score one portfolio file under programme year `year`, with its trace.

    Implements the portfolio assessment of Permendiknas 18/2007 through `sergur.rules`: any
    bytes give an outcome, never an exception; only an unconfigured `year` raises
    ProgrammeYearError, as that is the server's configuration, not the teacher's file.
    """
    programme_year = load_year(year, settings.SERGUR_YEARS_DIRS)
    try:
        portfolio = decode(data)
    except PortfolioInvalid as exc:
        return ScoreOutcome(problems=tuple(exc.problems))
    return ScoreOutcome(result=score(portfolio, programme_year, explain=True))
