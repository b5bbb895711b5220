"""Reads of the re-scoring batch (docs/batch.md): which cases a programme year's re-score
touches, and what each case scores under the year's current parameters.

Two paths give the same outcome for a case:

- the per-case path (`case_rescore_read`) reads the portfolio as every page does
  (`portfolio_read`, the forms' typing) and scores each sheet with `sheet_outcome` — the very
  code of the assessor's sheet page;
- the fast path (`chunk_rescore_read`) reads a chunk of cases in four SQL queries (cases,
  entries, envelopes are joined in, sheets), types stored entry values by column kind (no
  Django forms, no model instances), builds the same `sergur.portfolio/1` document and scores
  it without the trace (with the trace only for sheets that override lines).

Both hand the sheets' outcomes to `rescore_decide`, the one place that compares them and
takes the final: every rule is the rules core's (`sergur.rules.assessment`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import msgspec
from django.conf import settings
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from sergur.accounts.models import User
from sergur.assessments.models import Allocation, BatchJob, Reconciliation, Result, Sheet
from sergur.assessments.selectors import (
    PLANS_REQUIRED,
    facts_of,
    points_from,
    round_sheets,
    sheet_outcome,
    sheet_review,
)
from sergur.cases.models import Case
from sergur.portfolios.models import Entry, EnvelopeInstrument, Evidence
from sergur.portfolios.sections import SECTIONS, Section, codes
from sergur.portfolios.selectors import portfolio_read
from sergur.registry.models import ProgrammeYear, Rayon, Subject, Teacher
from sergur.rules import ProgrammeYear as RulesYear
from sergur.rules import load_year, score
from sergur.rules.assessment import (
    AssessmentParams,
    Comparison,
    Facts,
    Outcome,
    Override,
    Scored,
    SheetError,
    SheetReview,
    apply_overrides,
    assessment_params,
    compare,
    final_of_two,
    outcome,
    parts_of,
    sheet_lines,
)
from sergur.rules.experience import Period, service
from sergur.rules.instruments import RPP
from sergur.rules.validation import PortfolioInvalid, decode

RESCORED_STATES = (Case.State.DECIDED, Case.State.PUBLISHED)
"""Cases whose decision a re-score may change: decided (published or not)."""

RESCORED_SOURCES = (Result.Source.MEAN, Result.Source.RESCORE)
"""Results a re-score recomputes: those taken as the mean of the two blind sheets. A joint
review, a third assessor, a clarification or an appeal was a person's judgement on the case;
those results are kept (docs/batch.md)."""

BLIND_SLOTS = (Allocation.Slot.FIRST, Allocation.Slot.SECOND)
CHUNK = 2000
"""Cases read, scored and written together by the fast path."""


# -- which cases -----------------------------------------------------------------------------


def batch_cases(*, programme_year: ProgrammeYear, rayon: Rayon | None) -> QuerySet[Case]:
    """The cases a re-score of the programme year (one rayon, or all) recomputes: decided or
    published on the mean of both blind sheets of their round, no reconciliation open."""
    current = Result.objects.filter(case=OuterRef("pk"), current=True)
    open_reconciliation = Reconciliation.objects.filter(
        case=OuterRef("pk"), resolved_at__isnull=True
    )
    cases = Case.objects.filter(programme_year=programme_year, state__in=RESCORED_STATES).filter(
        Exists(current.filter(source__in=RESCORED_SOURCES)), ~Exists(open_reconciliation)
    )
    if rayon is not None:
        # As case_scope: the provinces the rayon serves, by the teacher's main school.
        served = Teacher.objects.filter(
            assignments__is_main=True,
            assignments__school__subdistrict__district__province__rayons=rayon.pk,
        )
        cases = cases.filter(teacher__in=served)
    return cases


def batch_years() -> list[ProgrammeYear]:
    """The programme years a job can be started for, newest first."""
    return list(ProgrammeYear.objects.order_by("-year"))


def batch_params(programme_year: ProgrammeYear) -> tuple[AssessmentParams, RulesYear]:
    """The programme year's current assessment parameters and thresholds."""
    dirs = tuple(settings.SERGUR_YEARS_DIRS)
    return assessment_params(programme_year.year, dirs), load_year(programme_year.year, dirs)


def batch_jobs_for_user(user: User) -> QuerySet[BatchJob]:
    """The jobs a user may watch: all for a superuser, their rayon's for a rayon admin."""
    jobs = BatchJob.objects.select_related("programme_year", "rayon", "started_by")
    if user.is_superuser:
        return jobs
    if user.role == User.Role.RAYON_ADMIN and user.rayon_id is not None:
        return jobs.filter(rayon_id=user.rayon_id)
    return jobs.none()


# -- the decision ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Decided:
    """What a re-score concludes for one case.

    `final` is the new final (None when the sheets now need a reconciliation, or when a sheet
    cannot be scored: then `error` says why); `changed` whether the decision or the total
    differs from the current result."""

    case_id: int
    round: int
    final: Outcome | None
    review: SheetReview
    comparison: Comparison | None
    changed: bool
    error: str = ""
    sheets: tuple[Scored, Scored] | None = None

    @property
    def reconcile(self) -> bool:
        """The two sheets no longer agree under the current tolerance."""
        return self.comparison is not None and self.comparison.needs_reconciliation


def rescore_decide(
    *,
    case_id: int,
    round: int,
    sheets: tuple[Scored, Scored],
    facts: Facts,
    params: AssessmentParams,
    year: RulesYear,
    code: str,
    total: Decimal,
) -> Decided:
    """Compare the two re-scored blind sheets with the current tolerance and take the mean
    (rules.assessment.final_of_two), as `round_conclude` does; `code` and `total` are the
    current result's."""
    a, b = sheets
    review = a.review.union(b.review)
    comparison = compare(a.outcome, b.outcome, params)
    if comparison.needs_reconciliation:
        return Decided(case_id, round, None, review, comparison, changed=True, sheets=sheets)
    final = final_of_two(a, b, facts, year)
    changed = final.decision.code != code or Decimal(final.total) != total
    return Decided(case_id, round, final, review, comparison, changed=changed, sheets=sheets)


def _failed(case_id: int, round: int, error: str) -> Decided:
    return Decided(case_id, round, None, SheetReview(), None, changed=False, error=error)


# -- the per-case path -------------------------------------------------------------------------


def case_rescore_read(
    *, case: Case, params: AssessmentParams, year: RulesYear, result: Result
) -> Decided:
    """Re-score one case with the web's code: `portfolio_read` and `sheet_outcome`."""
    sheets = {s.allocation.slot: s for s in round_sheets(case, result.round) if s.submitted}
    if any(slot not in sheets for slot in BLIND_SLOTS):
        return _failed(case.pk, result.round, "a blind sheet is missing")
    portfolio = portfolio_read(case=case)
    scored = []
    for slot in BLIND_SLOTS:
        sheet = sheets[slot]
        try:
            _, sheet_result = sheet_outcome(portfolio, sheet)
        except (SheetError, PortfolioInvalid) as error:
            return _failed(case.pk, result.round, f"sheet {slot}: {error}")
        scored.append(Scored(sheet_result, sheet_review(sheet)))
    return rescore_decide(
        case_id=case.pk,
        round=result.round,
        sheets=(scored[0], scored[1]),
        facts=facts_of(portfolio),
        params=params,
        year=year,
        code=result.code,
        total=result.total,
    )


# -- the fast path -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Current:
    """A case's current result, as the fast path reads it."""

    case_id: int
    result_id: int
    round: int
    code: str
    total: Decimal
    state: str
    published: bool


@dataclass
class _CaseData:
    current: Current
    role: str
    ident: dict[str, Any]
    service_until: dt.date
    observation: list[Any] | None
    superior: list[Any] | None
    rows: dict[str, list[tuple[dict[str, Any], bool, bool]]]  # values, evidence, complete
    sheets: dict[int, dict[str, Any]]


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date(text: str) -> str:
    """A date as the entry form reads it (`%Y-%m-%d`, also unpadded) in ISO form."""
    if _ISO_DATE.fullmatch(text):
        return dt.date.fromisoformat(text).isoformat()
    return dt.datetime.strptime(text, "%Y-%m-%d").date().isoformat()  # noqa: DTZ007


def _typed(section: Section, raw: dict[str, Any]) -> dict[str, Any]:
    """A complete row's stored text as the entry form types it (int, ISO date, text)."""
    out: dict[str, Any] = {}
    for spec in section.fields:
        value = raw.get(spec.name)
        if value is None:
            continue
        text = str(value).strip()
        if text == "":
            continue
        kind = spec.kind
        if kind == "int" or kind == "year":
            out[spec.name] = int(text)
        elif kind == "date":
            out[spec.name] = _date(text)
        else:
            out[spec.name] = text
    return out


def _filled(items: list[Any] | None, size: int) -> bool:
    return items is not None and len(items) == size and all(isinstance(i, int) for i in items)


def _document(data: _CaseData, year: RulesYear) -> dict[str, Any]:
    """The `sergur.portfolio/1` file of a case, as `portfolio_document` writes it (with the
    envelope) from the rows the fast path read."""
    document: dict[str, Any] = {
        "schema": "sergur.portfolio/1",
        "rubric": year.rubric,
        "teacher": data.ident,
    }
    periods: list[Period] = []
    periods_with_evidence: list[str] = []
    for section in SECTIONS:
        if data.role not in section.roles:
            continue
        rows = data.rows.get(section.key)
        if not rows:
            continue
        # Codes count every row of the table, complete or not (as `portfolio_read`).
        row_codes = codes(section, [raw for raw, _, _ in rows])
        for (raw, evidence, complete), code in zip(rows, row_codes, strict=True):
            if not complete:
                continue
            typed = _typed(section, raw)
            if section.key == "teaching_period":
                periods.append(
                    Period(
                        start=dt.date.fromisoformat(typed["start"]),
                        end=dt.date.fromisoformat(typed["end"]) if typed.get("end") else None,
                        study_leave=typed.get("study_leave") == "yes",
                    )
                )
                if evidence:
                    periods_with_evidence.append(code)
                continue
            target, values = section.to_schema(typed)
            if evidence:
                values["evidence"] = [code]
            document.setdefault(target, []).append(values)
    if data.rows.get("teaching_period"):
        experience: dict[str, Any] = {"years": min(service(periods, data.service_until).years, 60)}
        if periods_with_evidence:
            experience["evidence"] = periods_with_evidence
        document["teaching_experience"] = experience
    if _filled(data.observation, 24) and _filled(data.superior, 10):
        document["teaching_observation"] = {"items": list(data.observation or ())}
        document["superior_assessment"] = {"items": list(data.superior or ())}
    return document


def _plans(plan_items: Any, role: str) -> list[dict[str, Any]]:
    """The lesson plans an assessor scored completely (as `plan_rows` / `sheet_document`)."""
    size = RPP.size
    stored = plan_items if isinstance(plan_items, list) else []
    plans = []
    for row in stored[: PLANS_REQUIRED[role]]:
        # A complete row: `size` whole numbers (bool is not one); longer rows are cut.
        if isinstance(row, list) and len(row) >= size:
            items = row[:size]
            if all(isinstance(item, int) for item in items):
                plans.append({"items": items})
    return plans


_ENCODER = msgspec.json.Encoder()


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
) -> Scored:
    """One sheet's outcome: the document with the assessor's plans, scored (with the trace
    only when the assessor overrode lines), overrides applied, decided."""
    document = dict(base)
    plans = _plans(sheet["plan_items"], role)
    if plans:
        document["lesson_plans"] = plans
    overrides = _overrides(sheet["overrides"])
    result = score(decode(_ENCODER.encode(document)), year, explain=bool(overrides))
    parts = parts_of(result)
    if overrides:
        parts = apply_overrides(sheet_lines(result), parts, overrides)
    review = _review(sheet)
    return Scored(outcome(parts, facts, review, year), review)


def _json(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        return msgspec.json.decode(value)
    return value


def _table(model: type[Any]) -> str:
    return str(connection.ops.quote_name(model._meta.db_table))


def _column(model: type[Any], name: str) -> str:
    return str(connection.ops.quote_name(model._meta.get_field(name).column))


def _read_chunk(case_ids: list[int], programme_year: ProgrammeYear) -> dict[int, _CaseData]:
    """Cases, entries (with whether each has evidence) and sheets of a chunk: three queries,
    plain tuples, JSON decoded by msgspec."""
    if not case_ids:
        return {}
    lo, hi = case_ids[0], case_ids[-1]
    wanted = set(case_ids)
    c, t, s, r, e = (_table(m) for m in (Case, Teacher, Subject, Result, EnvelopeInstrument))
    q = connection.ops.quote_name
    values_col = _column(Entry, "values")
    text = "TEXT"
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT c.id, c.participant_number, c.state, t.name, t.nuptk, t.special_area,
                       s.{q("is_counseling")}, r.id, r.{q("round")}, r.code, r.total,
                       r.published_at IS NOT NULL,
                       CAST(e.observation_items AS {text}), CAST(e.superior_items AS {text})
                FROM {c} c
                JOIN {t} t ON t.id = c.teacher_id
                JOIN {s} s ON s.id = t.subject_id
                JOIN {r} r ON r.case_id = c.id AND r.{q("current")}
                LEFT JOIN {e} e ON e.case_id = c.id
                WHERE c.id BETWEEN %s AND %s""",
            [lo, hi],
        )
        cases: dict[int, _CaseData] = {}
        for row in cursor.fetchall():
            if row[0] not in wanted:
                continue
            ident: dict[str, Any] = {
                "name": row[3],
                "nuptk": row[4],
                "role": "counselor" if row[6] else "subject_teacher",
                "special_area": bool(row[5]),
            }
            if row[1]:
                ident["participant_number"] = row[1]
            cases[row[0]] = _CaseData(
                current=Current(
                    case_id=row[0],
                    result_id=row[7],
                    round=row[8],
                    code=row[9],
                    total=Decimal(str(row[10])),
                    state=row[2],
                    published=bool(row[11]),
                ),
                role=str(ident["role"]),
                ident=ident,
                service_until=programme_year.service_until,
                observation=_json(row[12]),
                superior=_json(row[13]),
                rows={},
                sheets={},
            )
        ev = _table(Evidence)
        cursor.execute(
            f"""SELECT x.case_id, x.section, CAST(x.{values_col} AS {text}),
                       EXISTS (SELECT 1 FROM {ev} v WHERE v.entry_id = x.id), x.complete
                FROM {_table(Entry)} x
                WHERE x.case_id BETWEEN %s AND %s AND x.section <> %s
                ORDER BY x.case_id, x.section, x.position""",
            [lo, hi, "lesson_plan"],
        )
        decoder = msgspec.json.Decoder(dict[str, Any])
        for case_id, section, values, evidence, complete in cursor.fetchall():
            data = cases.get(case_id)
            if data is not None:
                data.rows.setdefault(section, []).append(
                    (decoder.decode(values), bool(evidence), bool(complete))
                )
        a, sh = _table(Allocation), _table(Sheet)
        cursor.execute(
            f"""SELECT a.case_id, a.{q("round")}, a.slot, CAST(h.plan_items AS {text}),
                       CAST(h.overrides AS {text}), CAST(h.administrative_defects AS {text}),
                       CAST(h.doubtful_evidence AS {text}), h.fraud_found
                FROM {sh} h JOIN {a} a ON a.id = h.allocation_id
                WHERE a.case_id BETWEEN %s AND %s AND a.active AND a.slot IN (1, 2)
                  AND h.submitted_at IS NOT NULL""",
            [lo, hi],
        )
        for case_id, round_, slot, plans, overrides, defects, doubtful, fraud in cursor:
            data = cases.get(case_id)
            if data is None or round_ != data.current.round:
                continue
            data.sheets[slot] = {
                "plan_items": _json(plans),
                "overrides": _json(overrides),
                "administrative_defects": _json(defects),
                "doubtful_evidence": _json(doubtful),
                "fraud_found": bool(fraud),
            }
    return cases


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
    cases = _read_chunk(case_ids, programme_year)
    for case_id in case_ids:
        data = cases.get(case_id)
        if data is None:
            continue
        current = data.current
        if any(slot not in data.sheets for slot in BLIND_SLOTS):
            decided.append(_failed(case_id, current.round, "a blind sheet is missing"))
            continue
        base = _document(data, year)
        facts = Facts(
            special_area=bool(data.ident["special_area"]),
            superior_present="superior_assessment" in base,
        )
        try:
            first, second = (
                _sheet_scored(base, data.role, data.sheets[slot], facts, year)
                for slot in BLIND_SLOTS
            )
        except (SheetError, PortfolioInvalid, ValueError, KeyError) as error:
            decided.append(_failed(case_id, current.round, str(error)))
            continue
        decided.append(
            rescore_decide(
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


def id_chunks(cases: QuerySet[Case], size: int = CHUNK) -> Iterator[list[int]]:
    """The ids of the cases in ascending chunks (one server-side cursor over the ids)."""
    chunk: list[int] = []
    for case_id in cases.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=10000):
        chunk.append(case_id)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def rayon_choices(user: User) -> list[Rayon]:
    """The rayons a user may start a job for (superuser: all; rayon admin: theirs)."""
    if user.is_superuser:
        return list(Rayon.objects.order_by("code"))
    if user.role == User.Role.RAYON_ADMIN and user.rayon_id is not None:
        return list(Rayon.objects.filter(pk=user.rayon_id))
    return []


def running_job(*, programme_year: ProgrammeYear, rayon: Rayon | None) -> BatchJob | None:
    """A job of the same scope that is queued or running (only one at a time)."""
    scope = Q() if rayon is None else Q(rayon=rayon) | Q(rayon__isnull=True)
    return (
        BatchJob.objects.filter(
            scope,
            programme_year=programme_year,
            state__in=(BatchJob.State.QUEUED, BatchJob.State.RUNNING),
        )
        .order_by("pk")
        .first()
    )


# -- who may run and watch jobs ----------------------------------------------------------------


def batch_allowed(user: User) -> bool:
    """A superuser (every rayon) or a rayon admin (their rayon) runs re-scoring jobs."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or (user.role == User.Role.RAYON_ADMIN and user.rayon_id is not None)


def batch_job_get_for_user(*, user: User, pk: int) -> BatchJob:
    """One job the user may watch; 404 for anyone else's (another rayon's, or any job for a
    role that runs none)."""
    job = batch_jobs_for_user(user).filter(pk=pk).first()
    if job is None:
        raise Http404
    return job
