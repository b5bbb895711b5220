"""The fast path's scoring (docs/batch.md). The two blind sheets of a case share every
declared entry and the closed envelope; they differ only in the assessor's lesson-plan scores
(4a), a counsellor's 4b practice scores, overrides and findings. So the shared portfolio is
decoded, validated and scored once per case (`rules.score_parts`, no decision); each sheet then
takes its own 4a from the rules core's `rubric.score_plans` (and a counsellor's 4b from
`rubric.score_observation`), its overrides (`apply_overrides` on the trace of the sheet's whole
document, built only for a sheet that overrides lines) and its tally (`tally`: parts, total,
code; reasons are built only for a final that is stored). The result is exactly the per-case
path's (tests/test_batch_paths.py); a document the rules core refuses
is refused the per-case way, with the same problems.
"""

from __future__ import annotations

from typing import Any

import msgspec

from sergur.assessments.selectors import PLANS_REQUIRED, points_from
from sergur.assessments.selectors.batch.decide import Decided, failed, rescore_decide_tallied
from sergur.assessments.selectors.batch.read import CaseData, Current, case_document, read_chunk
from sergur.assessments.selectors.batch.scope import BLIND_SLOTS
from sergur.registry.models import ProgrammeYear
from sergur.rules import RulesYear, rubric, score
from sergur.rules.assessment import (
    AssessmentParams,
    Facts,
    Override,
    SheetError,
    SheetReview,
    Tally,
    apply_overrides,
    parts_of,
    sheet_lines,
    tally,
    trace_lines,
)
from sergur.rules.instruments import RPP, sheet_practice
from sergur.rules.model import LessonPlan, PlanScores, PortfolioFile, TeachingObservation
from sergur.rules.rubric import TraceLine
from sergur.rules.scoring import Points, score_parts
from sergur.rules.validation import PortfolioInvalid, convert, decode


def _plans(plan_text: str | None, role: str) -> list[dict[str, Any]]:
    """The lesson plans an assessor scored completely (as `plan_rows` / `sheet_document`),
    from the sheet's stored scores (JSON text)."""
    size = RPP.size
    plan_items = None if plan_text is None else _ANY.decode(plan_text)
    stored = plan_items if isinstance(plan_items, list) else []
    plans = []
    for row in stored[: PLANS_REQUIRED[role]]:
        # A complete row: `size` whole numbers (bool is not one); longer rows are cut.
        if isinstance(row, list) and len(row) >= size:
            items = row[:size]
            if not [item for item in items if not isinstance(item, int)]:
                plans.append({"items": items})
    return plans


_ENCODER = msgspec.json.Encoder()
_ANY = msgspec.json.Decoder()
_SCORED_PLANS = msgspec.json.Decoder(list[PlanScores])


def _lesson_plans(sheet: dict[str, Any], role: str) -> list[LessonPlan] | None:
    """The lesson plans an assessor scored completely, as the rules core's `LessonPlan`s;
    None when a complete plan's scores are not valid (its whole document then reports it).

    Usually every stored row is 8 valid scores: decoded and checked in one pass against the
    rules core's own type (`PlanScores`), they are then the plans `_plans` would keep. Any
    other sheet (a row incomplete, too long or out of range) takes `_plans` and the check."""
    text = sheet["plan_text"]
    if text is not None:
        try:
            rows = _SCORED_PLANS.decode(text)
        except msgspec.DecodeError:
            pass
        else:
            return [LessonPlan(items=row) for row in rows[: PLANS_REQUIRED[role]]]
    plans = _plans(text, role)
    try:
        return msgspec.convert(plans, _LESSON_PLANS) if plans else []
    except msgspec.ValidationError:
        return None


def _practice(practice_text: str | None, role: str) -> dict[str, Any] | None:
    """A counsellor's 4b as the assessor scored it completely (as `practice_row` /
    `sheet_document`): 24 whole numbers; None while any item is unscored, or for a subject
    teacher."""
    form = sheet_practice(role)
    if form is None or practice_text is None:
        return None
    stored = _ANY.decode(practice_text)
    if not isinstance(stored, list) or len(stored) < form.size:
        return None
    items = stored[: form.size]
    if [item for item in items if not isinstance(item, int)]:
        return None
    return {"items": items}


def _observation(sheet: dict[str, Any], role: str) -> tuple[bool, TeachingObservation | None]:
    """Whether the sheet's own 4b is valid, and it as the rules core's `TeachingObservation`
    (None when it has none: a subject teacher, or a counsellor's form not fully scored). Not
    valid: its whole document then reports it."""
    practice = _practice(sheet.get("practice_text"), role)
    if practice is None:
        return True, None
    try:
        return True, msgspec.convert(practice, TeachingObservation)
    except msgspec.ValidationError:
        return False, None


def _overrides(stored: Any) -> dict[str, Override]:
    """The overridden lines of a stored sheet (as `sheet_overrides`)."""
    if not isinstance(stored, dict) or not stored:
        return {}
    return {
        key: Override(
            points=points_from(value.get("points", 0)), reason=str(value.get("reason", ""))
        )
        for key, value in stored.items()
        if isinstance(value, dict)
    }


def _review(sheet: dict[str, Any]) -> SheetReview:
    """What the assessor recorded beyond points (as `sheet_review`)."""
    defects, doubtful = sheet["administrative_defects"], sheet["doubtful_evidence"]
    if not defects and not doubtful and not sheet["fraud_found"]:
        return _NO_FINDINGS
    return SheetReview(
        administrative_defects=tuple(str(d) for d in defects or () if str(d).strip()),
        doubtful_evidence=tuple(str(c) for c in doubtful or () if str(c).strip()),
        fraud_found=sheet["fraud_found"],
    )


_NO_FINDINGS = SheetReview()


def _sheet_scored(
    base: dict[str, Any], role: str, sheet: dict[str, Any], facts: Facts, year: RulesYear
) -> Tally:
    """One sheet's tally from its whole document (the case's document with the assessor's
    plans), decoded and scored on its own, as the per-case path does: used when the shared
    document or the sheet's plans do not validate, so that the same problems are raised."""
    document = dict(base)
    plans = _plans(sheet["plan_text"], role)
    if plans:
        document["lesson_plans"] = plans
    practice = _practice(sheet.get("practice_text"), role)
    if practice is not None:
        document["teaching_observation"] = practice
    overrides = _overrides(sheet["overrides"])
    result = score(decode(_ENCODER.encode(document)), year, explain=bool(overrides))
    parts = parts_of(result)
    if overrides:
        parts = apply_overrides(sheet_lines(result), parts, overrides)
    return tally(parts, facts, _review(sheet), year)


def _sheet_parts(
    portfolio: PortfolioFile,
    parts: dict[str, Points],
    sheet: dict[str, Any],
    year: RulesYear,
) -> dict[str, Points] | None:
    """One sheet's parts after its lesson plans and overrides, from the case's portfolio
    scored without plans (`parts`); None when the sheet's plans are not valid (the caller
    then scores the sheet's whole document, which reports the problems)."""
    role = portfolio.teacher.role
    lesson_plans = _lesson_plans(sheet, role)
    valid, observation = _observation(sheet, role)
    if lesson_plans is None or not valid:
        return None
    overrides = _overrides(sheet["overrides"])
    if overrides:
        # Overrides are keyed by trace line: the sheet's whole document, with the trace
        # (`score_parts` gives the parts and trace of `score(..., explain=True)`).
        whole = msgspec.structs.replace(portfolio, lesson_plans=lesson_plans)
        if observation is not None:
            whole = msgspec.structs.replace(whole, teaching_observation=observation)
        trace: list[TraceLine] = []
        whole_parts = score_parts(whole, trace)
        return apply_overrides(trace_lines(trace), whole_parts, overrides)
    own = dict(parts)
    own["lesson_plans"] = rubric.score_plans(lesson_plans, role, None)
    if observation is not None:
        own["teaching_observation"] = rubric.score_observation(observation, None, role)
    return own


_LESSON_PLANS = list[LessonPlan]


class _SheetFailed(ValueError):
    """A sheet the rules core cannot score, named as the per-case path names it."""


def _case_scored(
    data: CaseData, year: RulesYear
) -> tuple[tuple[Tally, SheetReview], tuple[Tally, SheetReview], Facts]:
    """Both blind sheets of a case, tallied with their reviews; a sheet that cannot be
    scored raises what the per-case path reports for it."""
    base = case_document(data, year)
    facts = Facts(
        special_area=bool(data.ident["special_area"]),
        superior_present="superior_assessment" in base,
        role=data.role,
    )
    try:
        portfolio: PortfolioFile | None = convert(base)
    except PortfolioInvalid:
        portfolio = None  # each sheet's whole document reports its problems below
    shared = score_parts(portfolio) if portfolio is not None else {}
    scored = []
    for slot in BLIND_SLOTS:
        sheet = data.sheets[slot]
        review = _review(sheet)
        try:
            parts = None if portfolio is None else _sheet_parts(portfolio, shared, sheet, year)
            if parts is None:
                scored.append((_sheet_scored(base, data.role, sheet, facts, year), review))
            else:
                scored.append((tally(parts, facts, review, year), review))
        except (SheetError, PortfolioInvalid) as error:
            raise _SheetFailed(f"sheet {slot}: {error}") from error
    return scored[0], scored[1], facts


def chunk_rescore_read(
    *,
    case_ids: list[int],
    programme_year: ProgrammeYear,
    params: AssessmentParams,
    year: RulesYear,
) -> tuple[list[Decided], dict[int, Current]]:
    """Re-score a chunk of cases (ascending ids) the fast way; also returns each case's
    current result as read."""
    decided: list[Decided] = []
    cases = read_chunk(case_ids, programme_year)
    for case_id in case_ids:
        data = cases.get(case_id)
        if data is None:
            continue
        current = data.current
        if any(slot not in data.sheets for slot in BLIND_SLOTS):
            decided.append(failed(case_id, current.round, "a blind sheet is missing"))
            continue
        try:
            first, second, facts = _case_scored(data, year)
        except (ValueError, KeyError) as error:  # _SheetFailed is a ValueError
            decided.append(failed(case_id, current.round, str(error)))
            continue
        decided.append(
            rescore_decide_tallied(
                case_id=case_id,
                round=current.round,
                sheets=(first, second),
                facts=facts,
                params=params,
                year=year,
                code=current.code,
                total=current.total,
            )
        )
    return decided, {case_id: data.current for case_id, data in cases.items()}
