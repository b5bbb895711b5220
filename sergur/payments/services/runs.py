"""The quarterly payment run of a district (docs/allowance.md, "SKTP and payments"): a
background job that, for every line of the semester's SKTP, asks the rules core what is owed
for the quarter's months beyond what the district already paid, and records it as new entries
(a difference on a month already paid is a correction referring to the entry it corrects).
Run again, it records nothing twice."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.common.audit import audit_record
from sergur.common.errors import log_without_data
from sergur.payments.models import Job, PaymentEntry, PaymentRun, PayProfile, Sktp, SktpEntry
from sergur.payments.selectors import (
    PayValues,
    pay_versions_of,
    payment_params,
    profiles_of,
    running_job,
    salary_tables,
)
from sergur.payments.signals import payments_recorded
from sergur.registry.models import District
from sergur.rules.allowance import amount as rules
from sergur.rules.allowance.payment import (
    Monthly,
    Owed,
    Paid,
    Period,
    Quarter,
    in_force,
    owed,
)
from sergur.rules.allowance.semester import parse_semester
from sergur.rules.messages import Message

logger = logging.getLogger(__name__)

CHUNK = 2000
NO_SKTP = _("Issue the SKTP of semester %(semester)s first: the run pays the teachers it lists.")
RUN_RUNNING = _("A payment run of this quarter is already running; wait for it to finish.")
BAD_QUARTER = _("Write the quarter as YYYY-Qn, for example 2019-Q1.")
JOB_FAILED = _(
    "The run stopped: %(error)s. The entries recorded before the error stay; running again "
    "pays only what is still owed."
)
EVER = dt.date(1900, 1, 1)


def parse_quarter(text: str) -> Quarter:
    """A quarter typed as `YYYY-Qn`, or a clear refusal."""
    try:
        return Quarter.parse(text)
    except ValueError as error:
        raise ValidationError(BAD_QUARTER, code="quarter") from error


@transaction.atomic
def run_start(*, actor: User, district: District, quarter: Quarter, now: dt.datetime) -> PaymentRun:
    """Queue a payment run of the district for `quarter`; the semester's SKTP must be issued.
    The caller dispatches the task once the transaction commits."""
    payment_params(quarter.year)
    sktp = (
        Sktp.objects.select_for_update()
        .filter(district=district, semester=quarter.semester, state=Job.DONE)
        .first()
    )
    if sktp is None:
        raise ValidationError(NO_SKTP, code="no_sktp", params={"semester": quarter.semester})
    same = PaymentRun.objects.select_for_update().filter(
        district=district, year=quarter.year, quarter=quarter.number
    )
    if running_job(same):
        raise ValidationError(RUN_RUNNING, code="running")
    run = PaymentRun.objects.create(
        district=district,
        year=quarter.year,
        quarter=quarter.number,
        sktp=sktp,
        started_by=actor,
        created_at=now,
    )
    audit_record(
        action="payments.run_started",
        user=actor,
        object_kind="payment_run",
        object_id=run.pk,
        district_id=district.pk,
        detail={"quarter": str(quarter)},
        now=now,
    )
    return run


def period_of(profile: PayProfile | None) -> Period:
    """The months the district pays: the pay profile's period, or every month without one."""
    if profile is None:
        return Period(EVER)
    return Period(profile.paid_from, profile.paid_until)


def reason_data(message: Message) -> dict[str, object]:
    """A reason as stored: its code and its parameters as text."""
    return {"code": message.code, "params": {k: str(v) for k, v in message.params}}


def _paid(
    run: PaymentRun, teacher_ids: list[int], months: tuple[dt.date, ...]
) -> dict[int, list[Paid]]:
    found: dict[int, list[Paid]] = defaultdict(list)
    rows = (
        PaymentEntry.objects.filter(
            run__district=run.district_id, teacher_id__in=teacher_ids, month__in=months
        )
        .order_by("pk")
        .values_list("pk", "teacher_id", "month", "gross", "tax")
    )
    for pk, teacher_id, month, gross, tax in rows:
        found[teacher_id].append(Paid(str(pk), month, gross, tax))
    return found


@dataclass(frozen=True, slots=True)
class Rates:
    """What a month's amount needs beyond the teacher: the year's payment rules, the district's
    salary tables and the semester's first day (the date of the SKTP's amounts)."""

    params: rules.AmountParams
    tables: list[rules.SalaryTable]
    start: dt.date


def _monthly(
    line: SktpEntry,
    versions: list[tuple[dt.date | None, PayValues]] | None,
    month: dt.date,
    rates: Rates,
) -> Monthly:
    """A month's amount: the SKTP line's while the pay profile in force on the month's first
    day is the one the line was listed with; after a promotion (or one recorded since), the
    amount of the rank in force then (docs/allowance.md, "The pay profile")."""
    if not versions:
        return Monthly(line.gross, line.tax)
    values = in_force(versions, month)
    listed = (
        values.employment == line.employment
        and values.golongan == line.golongan
        and rules.years_in_rank(values.mkg, values.mkg_counted_on, rates.start) == line.mkg
    )
    if listed:
        return Monthly(line.gross, line.tax)
    mkg = rules.years_in_rank(values.mkg, values.mkg_counted_on, month)
    teacher = rules.Teacher(rules.Employment(values.employment), values.golongan, mkg)
    table = rules.table_in_force(rates.tables, month)
    found = rules.amount(rates.params, table, teacher, month)
    if found.gross is None:
        # The new rank is in a gap of the salary table: the decree's amount stands until the
        # table covers it, rather than a month already paid being clawed back.
        return Monthly(line.gross, line.tax)
    return Monthly(found.gross, found.tax)


def _run_chunk(
    run: PaymentRun, lines: list[SktpEntry], quarter: Quarter, rates: Rates, now: dt.datetime
) -> list[PaymentEntry]:
    ids = [line.teacher_id for line in lines]
    profiles = profiles_of(ids)
    versions = pay_versions_of(profiles)
    paid = _paid(run, ids, quarter.months)
    eligible = {quarter.semester: True}
    entries: list[PaymentEntry] = []
    for line in lines:
        known = versions.get(line.teacher_id)
        monthly = {month: _monthly(line, known, month, rates) for month in quarter.months}
        result: Owed = owed(
            quarter,
            eligible,
            period_of(profiles.get(line.teacher_id)),
            monthly,
            paid.get(line.teacher_id, []),
        )
        entries.extend(
            PaymentEntry(
                run=run,
                teacher_id=line.teacher_id,
                sktp_entry=line,
                month=new.month,
                gross=new.gross,
                tax=new.tax,
                funding=line.funding,
                corrects_id=int(new.corrects) if new.corrects else None,
                reason=reason_data(new.reason),
                created_at=now,
            )
            for new in result.lines
        )
    return entries


def run_execute(*, run: PaymentRun, now: dt.datetime, chunk: int = CHUNK) -> PaymentRun:
    """Run a queued payment run to the end, chunk by chunk of SKTP lines; a failure stops it
    (FAILED, the error kept) and what was recorded stays."""
    PaymentRun.objects.filter(pk=run.pk).update(state=Job.RUNNING)
    quarter = Quarter(run.year, run.quarter)
    lines = SktpEntry.objects.filter(sktp=run.sktp_id).order_by("line")
    try:
        params = payment_params(quarter.year)
        rates = Rates(
            params,
            salary_tables(run.district_id, params.salary_table),
            parse_semester(quarter.semester).start,
        )
        PaymentRun.objects.filter(pk=run.pk).update(total=lines.count(), done=0)
        batch: list[SktpEntry] = []
        for line in lines.iterator(chunk_size=chunk):
            batch.append(line)
            if len(batch) == chunk:
                _record(run, batch, quarter, rates, now)
                batch = []
        if batch:
            _record(run, batch, quarter, rates, now)
    except Exception as error:
        log_without_data(logger, f"payment run {run.pk}", error)
        PaymentRun.objects.filter(pk=run.pk).update(
            state=Job.FAILED,
            error=str(JOB_FAILED % {"error": type(error).__name__ + ": " + str(error)[:500]}),
            finished_at=timezone.now(),
        )
    else:
        PaymentRun.objects.filter(pk=run.pk).update(state=Job.DONE, finished_at=now)
        run.refresh_from_db()
        audit_record(
            action="payments.run_done",
            user=run.started_by,
            object_kind="payment_run",
            object_id=run.pk,
            district_id=run.district_id,
            detail={"entries": run.entries_count, "gross": str(run.gross)},
            now=now,
        )
    run.refresh_from_db()
    return run


def _record(
    run: PaymentRun, batch: list[SktpEntry], quarter: Quarter, rates: Rates, now: dt.datetime
) -> None:
    with transaction.atomic():
        entries = _run_chunk(run, batch, quarter, rates, now)
        PaymentEntry.objects.bulk_create(entries)
        paid: dict[int, tuple[int, Decimal]] = {}
        for entry in entries:
            count, net = paid.get(entry.teacher_id, (0, Decimal(0)))
            paid[entry.teacher_id] = (count + 1, net + entry.gross - entry.tax)
        if paid:
            payments_recorded.send(sender=PaymentRun, run=run, paid=paid)
        PaymentRun.objects.filter(pk=run.pk).update(
            done=F("done") + len(batch),
            entries_count=F("entries_count") + len(entries),
            gross=F("gross") + sum((e.gross for e in entries), Decimal(0)),
            tax=F("tax") + sum((e.tax for e in entries), Decimal(0)),
        )
