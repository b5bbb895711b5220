"""What a re-scored chunk changes, written in bulk: results superseded and decided again,
reconciliations opened, the cases moved and their RESCORED events (COPY on PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import msgspec
from django.db import connection
from django.db.models import JSONField, Model

from sergur.accounts.models import User
from sergur.assessments.models import Reconciliation, Result
from sergur.assessments.selectors import parts_to_json, reasons_json, review_to_json
from sergur.assessments.selectors.batch import CHUNK, Current, Decided
from sergur.assessments.selectors.batch.read import id_in
from sergur.assessments.services.allocation import third_assessor_allocate
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_event_rows_audit, case_transition_many
from sergur.rules.assessment import mean_parts


def _insert(model: type[Model], rows: list[dict[str, Any]]) -> None:
    """Insert rows ({attname: value}, every column but the id) in bulk: COPY on PostgreSQL,
    bulk_create elsewhere."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create([model(**row) for row in rows], batch_size=CHUNK)
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    columns = [(f.attname, isinstance(f, JSONField), _DEFAULTS.get(f.attname)) for f in fields]
    names = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    encode = _ENCODER.encode
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(
                [
                    encode(row[name]).decode() if is_json else row.get(name, default)
                    for name, is_json, default in columns
                ]
            )


_ENCODER = msgspec.json.Encoder()
# Columns the writes below leave to their model default.
_DEFAULTS: dict[str, Any] = {
    "published_at": None,
    "published_by_id": None,
    "respond_until": None,
    "appeal_until": None,
    "resolved_at": None,
    "resolved_by_id": None,
    "from_state": "",
    "to_state": "",
    "reason": "",
}


def _result_row(decided: Decided, actor: User | None, now: dt.datetime) -> dict[str, Any]:
    final = decided.final
    assert final is not None  # nosec B101 # a decided row has a final, for mypy
    return {
        "case_id": decided.case_id,
        "round": decided.round,
        "source": Result.Source.RESCORE,
        "parts": parts_to_json(final.parts),
        "review": review_to_json(decided.review),
        "total": final.total,
        "code": final.decision.code,
        "reasons": reasons_json(final.decision),
        "decided_at": now,
        "decided_by_id": actor.pk if actor else None,
        "current": True,
    }


def _event_row(case_id: int, actor: User | None, now: dt.datetime, **values: Any) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "actor_id": actor.pk if actor else None,
        "at": now,
        "kind": CaseEvent.Kind.RESCORED,
        **values,
    }


def _sorted(decided: Iterable[Decided]) -> tuple[list[Decided], list[Decided], list[int]]:
    """A chunk's cases by what happens to them: decided again, sent to reconciliation, or
    not re-scored (an error, or a reconciliation the round already has)."""
    changed: list[Decided] = []
    failed: list[int] = []
    reconcile: list[Decided] = []
    for item in decided:
        if item.error:
            failed.append(item.case_id)
        elif item.reconcile:
            reconcile.append(item)
        elif item.changed:
            changed.append(item)
    if reconcile:
        taken = set(
            Reconciliation.objects.filter(case_id__in=[d.case_id for d in reconcile]).values_list(
                "case_id", "round"
            )
        )
        failed += [d.case_id for d in reconcile if (d.case_id, d.round) in taken]
        reconcile = [d for d in reconcile if (d.case_id, d.round) not in taken]
    return changed, reconcile, failed


def _supersede(result_ids: list[int]) -> None:
    """The results no longer current, in one UPDATE."""
    if connection.vendor == "postgresql":
        # One array parameter (the ORM's `pk__in` sends 2,000 literals to parse and plan).
        where, params = id_in("id", result_ids)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {connection.ops.quote_name(Result._meta.db_table)} "  # nosec B608 # quoted names from model _meta, values bound
                f"SET {connection.ops.quote_name('current')} = false WHERE {where}",
                params,
            )
    else:
        Result.objects.filter(pk__in=result_ids).update(current=False)


def _decide_again(
    changed: list[Decided], currents: dict[int, Current], *, actor: User | None, now: dt.datetime
) -> list[dict[str, Any]]:
    """A new current result for every changed decision and its case decided (again); returns
    their RESCORED events, to be written with the others."""
    _insert(Result, [_result_row(d, actor, now) for d in changed])
    case_transition_many(
        states={d.case_id: currents[d.case_id].state for d in changed},
        to_state=Case.State.DECIDED,
        actor=None,
        now=now,
    )
    events = []
    for item in changed:
        current, final = currents[item.case_id], item.final
        assert final is not None  # nosec B101 # a decided row has a final, for mypy
        events.append(
            _event_row(
                item.case_id,
                actor,
                now,
                from_state=current.state,
                to_state=Case.State.DECIDED,
                data={
                    "round": item.round,
                    "previous": current.code,
                    "code": final.decision.code,
                    "source": Result.Source.RESCORE,
                },
            )
        )
    return events


def _reconcile(
    reconcile: list[Decided],
    currents: dict[int, Current],
    *,
    mode: str,
    actor: User | None,
    now: dt.datetime,
) -> list[dict[str, Any]]:
    """A reconciliation opened for every case whose sheets now disagree, as `round_conclude`
    opens it, and the case moved to it; returns their RESCORED events."""
    reconciliations = []
    events = []
    for item in reconcile:
        comparison, sheets = item.comparison, item.sheets
        assert comparison is not None and sheets is not None  # nosec B101 # set for these rows, for mypy
        reasons = {lang: [r.text(lang) for r in comparison.reasons] for lang in ("id", "en")}
        parts = mean_parts(sheets[0].parts, sheets[1].parts)
        reconciliations.append(
            {
                "case_id": item.case_id,
                "round": item.round,
                "mode": mode,
                "reasons": reasons,
                "parts": parts_to_json(parts),
                "opened_at": now,
            }
        )
        events.append(
            _event_row(
                item.case_id,
                actor,
                now,
                from_state=currents[item.case_id].state,
                to_state=Case.State.RECONCILIATION,
                reason=" ".join(reasons["en"]),
                data={"round": item.round, "previous": currents[item.case_id].code, "mode": mode},
            )
        )
    if reconcile:
        _insert(Reconciliation, reconciliations)
        case_transition_many(
            states={d.case_id: currents[d.case_id].state for d in reconcile},
            to_state=Case.State.RECONCILIATION,
            actor=None,
            now=now,
        )
    return events


def chunk_write(
    decided: Iterable[Decided],
    currents: dict[int, Current],
    *,
    mode: str,
    actor: User | None,
    now: dt.datetime,
) -> tuple[int, list[int]]:
    """Store what changed in a chunk, in bulk; returns how many changed and the cases that
    could not be re-scored. A changed decision: a new current result, the case decided
    (again), one RESCORED event. Sheets that now disagree: the result stops being current and
    a reconciliation opens, as `round_conclude` opens it (a third assessor is allocated in
    "third" mode), with one RESCORED event."""
    changed, reconcile, failed = _sorted(decided)
    superseded = [currents[d.case_id].result_id for d in (*changed, *reconcile)]
    if not superseded:
        return 0, failed
    _supersede(superseded)
    events = _decide_again(changed, currents, actor=actor, now=now)
    events += _reconcile(reconcile, currents, mode=mode, actor=actor, now=now)
    _insert(CaseEvent, events)
    case_event_rows_audit(rows=events, actor=actor)
    if mode == Reconciliation.Mode.THIRD:
        for case in Case.objects.filter(pk__in=[d.case_id for d in reconcile]):
            round_ = next(d.round for d in reconcile if d.case_id == case.pk)
            third_assessor_allocate(case=case, round=round_, actor=actor)
    return len(changed) + len(reconcile), failed
