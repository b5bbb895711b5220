"""The retention job: deletes the records of closed cases whose retention period is over, and
logs on each case what it deleted and why (docs/privacy.md, "How deletion works")."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models, transaction

from sergur.appeals.models import Appeal
from sergur.assessments.models import ClarificationResponse
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_event_record
from sergur.portfolios.models import Entry, EnvelopeInstrument, Evidence, Submission
from sergur.privacy.selectors import closed_cases, retention_rules_current
from sergur.rules.retention import CountsFrom, RetentionRule, retention_due

logger = logging.getLogger(__name__)

# Stored files of a case: (model, file field). Their rows stay (hash, size, name) as the
# record that a file existed; only the stored bytes go.
CASE_FILES: tuple[tuple[type[models.Model], str], ...] = (
    (Evidence, "file"),
    (Appeal, "evidence"),
    (ClarificationResponse, "file"),
)


def _files(case: Case) -> list[tuple[type[models.Model], str, list[models.Model]]]:
    found = []
    for model, name in CASE_FILES:
        rows = list(model._default_manager.filter(case=case).exclude(**{name: ""}))
        found.append((model, name, rows))
    return found


def _count_files(case: Case) -> int:
    return sum(len(rows) for _model, _name, rows in _files(case))


def _delete_files(case: Case) -> int:
    deleted = 0
    for model, name, rows in _files(case):
        for row in rows:
            getattr(row, name).delete(save=False)
            deleted += 1
        # A bulk update: the rows keep every other field; the file field becomes empty.
        model._default_manager.filter(pk__in=[row.pk for row in rows]).update(**{name: ""})
    return deleted


def _portfolio(case: Case) -> tuple[models.QuerySet[Entry], models.QuerySet[Submission]]:
    return Entry.objects.filter(case=case), Submission.objects.filter(case=case).exclude(content={})


def _count_portfolio(case: Case) -> int:
    entries, submissions = _portfolio(case)
    envelope = EnvelopeInstrument.objects.filter(case=case).count()
    return entries.count() + submissions.count() + envelope


def _delete_portfolio(case: Case) -> int:
    count = _count_portfolio(case)
    _delete_files(case)  # an Evidence row goes with its entry; its bytes must go first
    entries, submissions = _portfolio(case)
    entries.delete()
    EnvelopeInstrument.objects.filter(case=case).delete()
    # The submission row stays (its hash and signed receipt code); what it locked goes.
    submissions.update(content={})
    return count


def _count_log(case: Case) -> int:
    return CaseEvent.objects.filter(case=case).count()


def _delete_log(case: Case) -> int:
    # A bulk delete: the log is append-only one entry at a time, and removed as a whole here.
    deleted, _by_model = CaseEvent.objects.filter(case=case).delete()
    return deleted


@dataclass(frozen=True, slots=True)
class Applier:
    """How the job counts and deletes one kind of record of a case."""

    count: Callable[[Case], int]
    delete: Callable[[Case], int]


CASE_APPLIERS: dict[str, Applier] = {
    "evidence_files": Applier(_count_files, _delete_files),
    "portfolio_values": Applier(_count_portfolio, _delete_portfolio),
    # Last: the log entry that records this run is written after the old entries are gone.
    "case_log": Applier(_count_log, _delete_log),
}
"""The kinds of record the job deletes from a closed case, in the order it deletes them."""

NOT_HELD: dict[str, str] = {
    "sign_in_records": "sergur keeps no sign-in records in its database: the lockout counts "
    "live in the cache and expire after the cool-off; an audit store applies this rule to "
    "its own records",
    "decisions": "kept without a time limit",
    "master_data": "kept without a time limit",
}
"""Kinds of the retention table the job has nothing to delete for, and why."""


@dataclass(frozen=True, slots=True)
class RetentionAction:
    """What the job did (or, in a dry run, would do) to one case."""

    case_id: int
    kind: str
    count: int
    reason: str


@dataclass
class RetentionReport:
    """One run of the job."""

    as_of: dt.date
    dry_run: bool
    actions: list[RetentionAction] = field(default_factory=list)
    cases_checked: int = 0


def _case_apply(
    *,
    case: Case,
    closed_on: dt.date,
    rules: dict[str, RetentionRule],
    as_of: dt.date,
    dry_run: bool,
) -> list[RetentionAction]:
    actions: list[RetentionAction] = []
    for kind, applier in CASE_APPLIERS.items():
        decision = retention_due(rules[kind], start=closed_on, as_of=as_of)
        if not decision.due:
            continue
        count = applier.count(case)
        if not count:
            continue
        if not dry_run:
            applier.delete(case)
        actions.append(RetentionAction(case.pk, kind, count, decision.text("en")))
    if actions and not dry_run:
        case_event_record(
            case=case,
            actor=None,
            kind=CaseEvent.Kind.RETENTION,
            reason="\n".join(action.reason for action in actions),
            data={"as_of": as_of.isoformat(), "deleted": {a.kind: a.count for a in actions}},
        )
    return actions


def retention_apply(
    *, as_of: dt.date, dry_run: bool = False, rules: dict[str, RetentionRule] | None = None
) -> RetentionReport:
    """Delete what the retention rules say is due on `as_of` from every closed case, one case
    per transaction, and log it on the case; `dry_run` only reports (UU 27/2022: data kept
    no longer than their purpose needs; the periods are sergur/rules/retention.toml)."""
    rules = rules if rules is not None else retention_rules_current()
    missing = sorted(set(CASE_APPLIERS) - set(rules))
    if missing:
        raise ValueError(f"the retention table has no rule for {', '.join(missing)}")
    wrong = sorted(k for k in CASE_APPLIERS if rules[k].counts_from is not CountsFrom.CASE_CLOSED)
    if wrong:
        raise ValueError(f"the retention of {', '.join(wrong)} must count from case_closed")
    report = RetentionReport(as_of=as_of, dry_run=dry_run)
    for closed in closed_cases():
        report.cases_checked += 1
        if closed.closed_on is None:
            continue
        with transaction.atomic():
            case = Case.objects.select_for_update().get(pk=closed.case.pk)
            report.actions.extend(
                _case_apply(
                    case=case, closed_on=closed.closed_on, rules=rules, as_of=as_of, dry_run=dry_run
                )
            )
    logger.info(
        "retention %s: %d cases checked, %d actions",
        "dry run" if dry_run else "applied",
        report.cases_checked,
        len(report.actions),
    )
    return report


def retention_kinds_not_applied(rules: Iterable[str]) -> dict[str, str]:
    """The kinds of the table the job deletes nothing for, with the reason."""
    return {
        kind: NOT_HELD.get(kind, "no deletion is implemented for this kind")
        for kind in rules
        if kind not in CASE_APPLIERS
    }
