"""A scored portfolio as data: the `sergur.score/1` object
(sergur/rules/schema/score-result.schema.json)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sergur.rules.messages import INTERPRETATIONS, Lang, exact
from sergur.rules.scoring import ScoreResult

SCHEMA = "sergur.score/1"


def as_number(value: Decimal | int) -> int | float:
    """Round half-up to 2 decimals for output; whole numbers stay integers."""
    rounded = exact(value)
    return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)


def score_json(
    result: ScoreResult, lang: Lang, *, explain: bool = False, line: int | None = None
) -> dict[str, Any]:
    """The `sergur.score/1` object for one portfolio; with `explain`, the trace too."""
    out: dict[str, Any] = {"schema": SCHEMA, "rubric": result.year.rubric}
    if line is not None:
        out["line"] = line
    out["programme_year"] = result.year.year
    out["teacher"] = result.teacher
    out["components"] = {key: as_number(v) for key, v in result.components.items()}
    out["subscores"] = {
        "lesson_plans": as_number(result.lesson_plans),
        "teaching_observation": as_number(result.teaching_observation),
    }
    out["groups"] = {
        "A": as_number(result.group_a),
        "B": as_number(result.group_b),
        "C": as_number(result.group_c),
        "C_counted": as_number(result.group_c_counted),
    }
    out["total"] = as_number(result.total)
    out["decision"] = {
        "code": result.decision.code,
        "reasons": [reason.text(lang) for reason in result.decision.reasons],
    }
    if result.warnings:
        out["warnings"] = [warning.text(lang) for warning in result.warnings]
    if explain:
        out["trace"] = [
            {
                "component": t.component,
                "path": t.path,
                **({"entry": t.entry} if t.entry is not None else {}),
                "points": as_number(t.points),
                "rule": t.rule.text(lang),
                **({"interpretations": list(t.interpretations)} if t.interpretations else {}),
            }
            for t in result.trace
        ]
        out["interpretations"] = {key: INTERPRETATIONS[key][lang] for key in result.interpretations}
    return out


def invalid_json(problems_json: list[dict[str, str]], line: int) -> dict[str, Any]:
    """What stands in a batch in place of an invalid portfolio."""
    return {"schema": SCHEMA, "line": line, "errors": problems_json}
