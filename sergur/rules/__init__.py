"""The rules core: pure Python, no Django. The rubric, decisions and programme years live here
as data plus small functions whose results carry their reasons. The web app and the `sergur`
command both call it; nothing outside re-implements a rule.
"""

from __future__ import annotations

from sergur.rules.decisions import CODES, Decision, decide
from sergur.rules.messages import Lang, Message
from sergur.rules.model import PortfolioFile
from sergur.rules.programme import ProgrammeYearError, RulesYear, available_years, load_year
from sergur.rules.report import score_json
from sergur.rules.scoring import COMPONENT_KEYS, ScoreResult, score
from sergur.rules.validation import PortfolioInvalid, Problem, decode, problems_of, schema_text

__all__ = [
    "CODES",
    "COMPONENT_KEYS",
    "Decision",
    "Lang",
    "Message",
    "PortfolioFile",
    "PortfolioInvalid",
    "Problem",
    "RulesYear",
    "ProgrammeYearError",
    "ScoreResult",
    "available_years",
    "decide",
    "decode",
    "load_year",
    "problems_of",
    "schema_text",
    "score",
    "score_json",
]
