"""A decision as the teacher reads it: the parts, the groups and the reasons, never an
assessor's identity."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sergur.assessments.models import Result
from sergur.assessments.selectors import parts_from_json, points_from, review_from_json
from sergur.cases.models import Case
from sergur.common.i18n import rules_lang
from sergur.portfolios.models import EnvelopeInstrument
from sergur.portfolios.selectors import rules_year, teacher_role
from sergur.rules.assessment import Facts, outcome
from sergur.rules.messages import DECISIONS, GROUPS, component_names
from sergur.rules.scoring import COMPONENT_KEYS


@dataclass(frozen=True)
class Line:
    """A named number of the result (a component or a group)."""

    name: str
    points: Any


@dataclass(frozen=True)
class ResultView:
    """A published result for the teacher and staff: code and name, total, components,
    groups, every reason, what to do next and by when. No assessor, no single sheet."""

    result: Result
    name: str
    total: Any
    reasons: list[str]
    components: list[Line]
    groups: list[Line]
    group_c_counted: Any
    respond_until: dt.datetime | None
    appeal_until: dt.datetime | None


def result_view(case: Case, result: Result) -> ResultView:
    """Arrange a published result (one query: the envelope, for component 5's presence)."""
    lang = rules_lang()
    role = teacher_role(case)
    names = component_names(role)
    envelope = EnvelopeInstrument.objects.filter(case=case).first()
    facts = Facts(
        special_area=case.teacher.special_area,
        superior_present=envelope is not None and envelope.complete,
        role=role,
    )
    scored = outcome(
        parts_from_json(result.parts),
        facts,
        review_from_json(result.review),
        rules_year(case),
    )
    return ResultView(
        result=result,
        name=DECISIONS.get(result.code, {}).get("id", result.code),
        total=points_from(result.total),
        reasons=[str(r) for r in result.reasons.get(lang, [])],
        components=[
            Line(name=names[key][lang], points=scored.components[key]) for key in COMPONENT_KEYS
        ],
        groups=[
            Line(name=GROUPS["A"][lang], points=scored.group_a),
            Line(name=GROUPS["B"][lang], points=scored.group_b),
            Line(name=GROUPS["C"][lang], points=scored.group_c),
        ],
        group_c_counted=scored.group_c_counted,
        respond_until=result.respond_until,
        appeal_until=result.appeal_until,
    )
