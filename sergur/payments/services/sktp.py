"""Issuing the SKTP of a district for a semester (docs/allowance.md, "SKTP and payments"): a
background job, chunk by chunk as the certificate issuance job does
(sergur/certificates/services/jobs.py), listing every teacher the allowance app found eligible
with the month's amount from the rules core; its progress is written after every chunk."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.allowance.models import SemesterEligibility
from sergur.common.audit import audit_record
from sergur.common.errors import log_without_data
from sergur.payments.models import Job, Sktp, SktpEntry
from sergur.payments.selectors import (
    PayValues,
    eligible_teachers,
    pay_versions_of,
    payment_params,
    profiles_of,
    running_job,
    salary_tables,
)
from sergur.payments.signals import sktp_listed
from sergur.registry.models import District, Teacher
from sergur.rules.allowance import amount as rules
from sergur.rules.allowance.payment import in_force
from sergur.rules.allowance.semester import SemesterError, parse_semester

logger = logging.getLogger(__name__)

CHUNK = 1000
JOB_RUNNING = _("This SKTP is already being issued; wait for the job to finish.")
JOB_FAILED = _(
    "The job stopped: %(error)s. The lines listed before the error stay; issuing again "
    "continues safely."
)


def sktp_number(district: District, semester: str) -> str:
    """The decree's number: `SKTP/<province><district>/<semester>`, one per district a semester."""
    return f"SKTP/{district.province.code}{district.code}/{semester}"


@transaction.atomic
def sktp_start(*, actor: User, district: District, semester: str, now: dt.datetime) -> Sktp:
    """Queue the issuance of the district's SKTP for `semester` (again: the teachers who became
    eligible since are added). The caller dispatches the task once the transaction commits."""
    try:
        code = parse_semester(semester).code
    except SemesterError as error:
        raise ValidationError(str(error), code="semester") from error
    payment_params(parse_semester(code).year)
    existing = Sktp.objects.select_for_update().filter(district=district, semester=code).first()
    if existing is not None:
        if running_job(Sktp.objects.filter(pk=existing.pk)):
            raise ValidationError(JOB_RUNNING, code="running")
        existing.state, existing.started_by, existing.error = Job.QUEUED, actor, ""
        existing.save(update_fields=["state", "started_by", "error"])
        sktp = existing
    else:
        sktp = Sktp.objects.create(
            district=district,
            semester=code,
            number=sktp_number(district, code),
            started_by=actor,
            created_at=now,
        )
    audit_record(
        action="payments.sktp_started",
        user=actor,
        object_kind="sktp",
        object_id=sktp.pk,
        district_id=district.pk,
        detail={"semester": code},
        now=now,
    )
    return sktp


def pay_teacher(profile: PayValues | None, teacher: Teacher, on: dt.date) -> rules.Teacher | None:
    """What the amount rules need of a teacher on `on`: the pay profile's employment, rank and
    years in rank; without a profile only a non-PNS without inpassing (the flat amount)."""
    if profile is not None:
        mkg = rules.years_in_rank(profile.mkg, profile.mkg_counted_on, on)
        return rules.Teacher(rules.Employment(profile.employment), profile.golongan, mkg)
    if teacher.employment == Teacher.Employment.NON_PNS and not teacher.has_inpassing:
        return rules.Teacher(rules.Employment.NON_PNS)
    return None


def _chunks(queryset: QuerySet[SemesterEligibility], size: int) -> Iterator[list[int]]:
    chunk: list[int] = []
    for pk in queryset.values_list("pk", flat=True).iterator(chunk_size=size):
        chunk.append(pk)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _list_chunk(
    sktp: Sktp,
    ids: list[int],
    line: int,
    params: rules.AmountParams,
    table: rules.SalaryTable | None,
    on: dt.date,
) -> tuple[list[SktpEntry], int]:
    rows = list(SemesterEligibility.objects.filter(pk__in=ids).select_related("teacher"))
    versions = pay_versions_of(profiles_of(row.teacher_id for row in rows))
    entries: list[SktpEntry] = []
    missing = 0
    for row in sorted(rows, key=lambda r: r.teacher_id):
        # The rank in force on the semester's first day, even if a promotion was recorded
        # since: the runs pay the months after it with the new one.
        known = versions.get(row.teacher_id)
        profile = in_force(known, on) if known else None
        teacher = pay_teacher(profile, row.teacher, on)
        found = None if teacher is None else rules.amount(params, table, teacher, on)
        if teacher is None or found is None or found.gross is None:
            missing += 1
            continue
        line += 1
        entries.append(
            SktpEntry(
                sktp=sktp,
                line=line,
                teacher_id=row.teacher_id,
                eligibility=row,
                employment=teacher.employment.value,
                golongan=teacher.golongan,
                mkg=teacher.mkg,
                regulation=table.regulation if table is not None and found.base else "",
                base=found.base,
                factor=found.factor,
                gross=found.gross,
                tax=found.tax,
                funding=row.funding,
            )
        )
    return entries, missing


def sktp_run(*, sktp: Sktp, now: dt.datetime, chunk: int = CHUNK) -> Sktp:
    """Run a queued issuance to the end: every eligible teacher of the district not yet listed
    gets the next line number with the month's amount on the semester's first day. A failure
    stops it (FAILED, the error kept); the lines written stay."""
    Sktp.objects.filter(pk=sktp.pk).update(state=Job.RUNNING)
    try:
        semester = parse_semester(sktp.semester)
        params = payment_params(semester.year)
        table = rules.table_in_force(
            salary_tables(sktp.district_id, params.salary_table), semester.start
        )
        pending = eligible_teachers(district_id=sktp.district_id, semester=sktp.semester).exclude(
            teacher__sktp_entries__sktp=sktp
        )
        Sktp.objects.filter(pk=sktp.pk).update(total=pending.count(), done=0, not_listed=0)
        line = sktp.entries.aggregate(last=Max("line"))["last"] or 0
        for ids in _chunks(pending, chunk):
            with transaction.atomic():
                entries, missing = _list_chunk(sktp, ids, line, params, table, semester.start)
                SktpEntry.objects.bulk_create(entries)
                if entries:
                    sktp_listed.send(
                        sender=Sktp, sktp=sktp, teacher_ids=[e.teacher_id for e in entries]
                    )
                line += len(entries)
                Sktp.objects.filter(pk=sktp.pk).update(
                    done=F("done") + len(ids),
                    listed=F("listed") + len(entries),
                    not_listed=F("not_listed") + missing,
                )
    except Exception as error:
        log_without_data(logger, f"SKTP job {sktp.pk}", error)
        Sktp.objects.filter(pk=sktp.pk).update(
            state=Job.FAILED,
            error=str(JOB_FAILED % {"error": type(error).__name__ + ": " + str(error)[:500]}),
            finished_at=timezone.now(),
        )
    else:
        sktp.refresh_from_db()
        # The note on teachers not listed is `Sktp.note`, rendered in the reader's language
        # when shown: nothing worded is stored by the job.
        Sktp.objects.filter(pk=sktp.pk).update(state=Job.DONE, error="", finished_at=now)
        audit_record(
            action="payments.sktp_issued",
            user=sktp.started_by,
            object_kind="sktp",
            object_id=sktp.pk,
            district_id=sktp.district_id,
            detail={"listed": sktp.listed, "not_listed": sktp.not_listed},
            now=now,
        )
    sktp.refresh_from_db()
    return sktp
