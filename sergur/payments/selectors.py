"""Reads of the payments: who may see which SKTP, run and salary table (the access helpers: the
finance office of the district, and nobody else), what a teacher sees of their own, and what
the rules core needs (the year's data, the salary table in force, the eligible teachers)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from sergur.accounts.access import acting_user
from sergur.accounts.models import User
from sergur.allowance.models import SemesterEligibility
from sergur.certificates.models import Certificate
from sergur.payments.models import (
    Job,
    PaymentEntry,
    PaymentRun,
    PayProfile,
    PayProfileVersion,
    SalaryTable,
    Sktp,
    SktpEntry,
)
from sergur.registry.models import Teacher, TeachingAssignment
from sergur.rules.allowance import amount as rules
from sergur.rules.allowance.semester import parse_semester
from sergur.rules.programme import ProgrammeYearError

NO_RULES = _("No payment rules apply in %(year)s: %(error)s")


def finance_district(user: User | AnonymousUser) -> int | None:
    """The district whose money `user` handles: a finance officer's own; None for anyone else."""
    person = acting_user(user)
    if person is None:
        return None
    if person.role == User.Role.FINANCE and person.district_id is not None:
        return person.district_id
    return None


def may_handle_payments(user: User | AnonymousUser) -> bool:
    """Whether the user is a finance officer of a district (the payments pages' role check)."""
    return finance_district(user) is not None


def sktp_list_for_user(*, user: User | AnonymousUser) -> QuerySet[Sktp]:
    """The SKTPs of the finance officer's district, the latest semester first."""
    district = finance_district(user)
    if district is None:
        return Sktp.objects.none()
    return Sktp.objects.filter(district=district).select_related("district")


def sktp_get_for_user(*, user: User | AnonymousUser, pk: int) -> Sktp:
    """The SKTP if it is of the user's district; 404 otherwise (existence is not revealed)."""
    found = sktp_list_for_user(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def run_list_for_user(*, user: User | AnonymousUser) -> QuerySet[PaymentRun]:
    """The payment runs of the finance officer's district, the latest first."""
    district = finance_district(user)
    if district is None:
        return PaymentRun.objects.none()
    return PaymentRun.objects.filter(district=district).select_related("district", "sktp")


def run_get_for_user(*, user: User | AnonymousUser, pk: int) -> PaymentRun:
    """The run if it is of the user's district; 404 otherwise."""
    found = run_list_for_user(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def table_list_for_user(*, user: User | AnonymousUser) -> QuerySet[SalaryTable]:
    """The salary tables the finance officer's district loaded."""
    district = finance_district(user)
    if district is None:
        return SalaryTable.objects.none()
    return SalaryTable.objects.filter(district=district)


def payment_params(year: int) -> rules.AmountParams:
    """The payment rules in force in `year` (`years/payments/`), or a clear refusal."""
    try:
        return rules.params_for(year, tuple(settings.SERGUR_YEARS_DIRS))
    except ProgrammeYearError as exc:
        raise ValidationError(
            NO_RULES, code="no_rules", params={"year": year, "error": exc}
        ) from exc


def salary_tables(district_id: int, shipped_name: str) -> list[rules.SalaryTable]:
    """The tables a district's amounts may use: those it loaded and the shipped one the year
    file names (the PP 15/2019 excerpt)."""
    shipped = rules.shipped_table(shipped_name)
    loaded = [
        rules.SalaryTable(
            regulation=table.regulation,
            effective_from=table.effective_from,
            effective_to=table.effective_to,
            rows=tuple(
                rules.SalaryRow(row.golongan, row.mkg, row.amount) for row in table.rows.all()
            ),
            # A loaded table is complete: its check refused gaps (services/tables.py).
            complete=True,
        )
        for table in SalaryTable.objects.filter(district=district_id).prefetch_related("rows")
    ]
    # Loaded tables first: one in force from the same day as the shipped excerpt wins
    # (rules.table_in_force takes the first of the latest effective).
    return [*loaded, shipped]


def eligible_teachers(*, district_id: int, semester: str) -> QuerySet[SemesterEligibility]:
    """The district's teachers eligible in `semester` (the allowance app's computation)."""
    return SemesterEligibility.objects.filter(
        district=district_id, semester=semester, eligible=True
    ).order_by("teacher_id")


def profiles_of(teacher_ids: Iterable[int]) -> dict[int, PayProfile]:
    """The pay profiles of the teachers, by teacher id (read 5,000 at a time)."""
    ids = list(teacher_ids)
    found: dict[int, PayProfile] = {}
    for start in range(0, len(ids), 5000):
        found.update(
            (p.teacher_id, p)
            for p in PayProfile.objects.filter(teacher_id__in=ids[start : start + 5000])
        )
    return found


PayValues = PayProfile | PayProfileVersion
"""A pay profile's employment, rank and MKG: the current profile or an earlier version."""


def pay_versions_of(
    profiles: dict[int, PayProfile],
) -> dict[int, list[tuple[dt.date | None, PayValues]]]:
    """Every version of these teachers' pay profiles (the current one and those it replaced),
    each with the date it applies from, by teacher id (read 5,000 at a time); the rules core's
    `in_force` picks a month's."""
    found: dict[int, list[tuple[dt.date | None, PayValues]]] = {
        teacher: [(profile.effective_from, profile)] for teacher, profile in profiles.items()
    }
    ids = [teacher for teacher, profile in profiles.items() if profile.effective_from]
    for start in range(0, len(ids), 5000):
        for version in PayProfileVersion.objects.filter(teacher_id__in=ids[start : start + 5000]):
            found[version.teacher_id].append((version.effective_from, version))
    return found


def running_job(queryset: QuerySet[Sktp] | QuerySet[PaymentRun]) -> bool:
    """Whether a job of the queryset is queued or running."""
    return queryset.filter(state__in=[Job.QUEUED, Job.RUNNING]).exists()


def own_teacher(user: User | AnonymousUser) -> Teacher | None:
    """The teacher record of a signed-in teacher."""
    if not user.is_authenticated or not isinstance(user, User) or user.role != User.Role.TEACHER:
        return None
    return Teacher.objects.filter(user=user).first()


def pay_profile_needed(teacher: Teacher) -> bool:
    """Whether the teacher has no pay profile and needs one to be paid (everyone but a
    non-PNS teacher without inpassing, who receives the flat amount)."""
    if teacher.employment == Teacher.Employment.NON_PNS and not teacher.has_inpassing:
        return False
    return not PayProfile.objects.filter(teacher=teacher).exists()


def teacher_blocked_by_profile(teacher: Teacher) -> bool:
    """Whether the teacher is eligible in some semester but needs a pay profile they lack."""
    return (
        pay_profile_needed(teacher)
        and SemesterEligibility.objects.filter(teacher=teacher, eligible=True).exists()
    )


@dataclass(frozen=True)
class SemesterMoney:
    """What a teacher sees of a semester's money: their SKTP line (or None), whether the
    district's SKTP is issued, whether a missing pay profile blocks them, and what was paid for
    the semester's months (entries and net sum, corrections included)."""

    semester: str
    line: SktpEntry | None
    sktp_issued: bool
    profile_needed: bool
    entries: int
    net: Decimal


def teacher_semester_money(*, teacher: Teacher, row: SemesterEligibility) -> SemesterMoney:
    """The teacher's SKTP line and payments of the row's semester, in four queries."""
    semester = parse_semester(row.semester)
    line = (
        SktpEntry.objects.filter(
            teacher=teacher, sktp__semester=semester.code, sktp__state=Job.DONE
        )
        .select_related("sktp")
        .first()
    )
    issued = (
        line is not None
        or Sktp.objects.filter(
            district=row.district_id, semester=semester.code, state=Job.DONE
        ).exists()
    )
    totals = PaymentEntry.objects.filter(
        teacher=teacher, month__gte=semester.start, month__lte=semester.end
    ).aggregate(entries=Count("pk"), gross=Sum("gross"), tax=Sum("tax"))
    return SemesterMoney(
        semester=semester.code,
        line=line,
        sktp_issued=issued,
        profile_needed=line is None and pay_profile_needed(teacher),
        entries=totals["entries"],
        net=(totals["gross"] or Decimal(0)) - (totals["tax"] or Decimal(0)),
    )


def teacher_sktp_lines(teacher: Teacher) -> QuerySet[SktpEntry]:
    """A teacher's own SKTP lines, the latest semester first."""
    return (
        SktpEntry.objects.filter(teacher=teacher, sktp__state=Job.DONE)
        .select_related("sktp__district")
        .order_by("-sktp__semester")
    )


def teacher_payments(teacher: Teacher) -> QuerySet[PaymentEntry]:
    """A teacher's own payment entries and corrections, the latest month first."""
    return (
        PaymentEntry.objects.filter(teacher=teacher)
        .select_related("run", "corrects")
        .order_by("-month", "-pk")
    )


def sktp_lines(sktp: Sktp) -> QuerySet[SktpEntry]:
    """An SKTP's lines with their teacher, in line order."""
    return sktp.entries.select_related("teacher").order_by("line")


def run_entries(run: PaymentRun) -> QuerySet[PaymentEntry]:
    """A run's entries with the teacher and pay profile, by teacher and month."""
    return run.entries.select_related("teacher__pay_profile", "corrects").order_by(
        "teacher__name", "teacher_id", "month", "pk"
    )


# --- Pay profiles ---------------------------------------------------------------------------


def _main_school_in(district_id: int) -> Exists:
    return Exists(
        TeachingAssignment.objects.filter(
            teacher=OuterRef("pk"), is_main=True, school__subdistrict__district=district_id
        )
    )


def pay_teacher_list(*, user: User | AnonymousUser, query: str = "") -> QuerySet[Teacher]:
    """The finance officer's district's certified teachers (main school in the district, an
    active certificate) with their pay profile, those whose missing profile blocks payment
    first, then by name; `query` is a name or NUPTK the officer typed (posted, never in a
    URL). Nobody else gets any."""
    district = finance_district(user)
    if district is None:
        return Teacher.objects.none()
    rows = Teacher.objects.filter(
        _main_school_in(district),
        Exists(
            Certificate.objects.filter(teacher=OuterRef("pk"), status=Certificate.Status.ACTIVE)
        ),
    )
    if query:
        rows = rows.filter(Q(name__icontains=query) | Q(nuptk=query))
    # Without a profile only a non-PNS teacher without inpassing is paid (the flat amount).
    flat = Q(employment=Teacher.Employment.NON_PNS, has_inpassing=False)
    return (
        rows.select_related("pay_profile")
        .annotate(
            blocked=Case(
                When(Q(pay_profile__isnull=True) & ~flat, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("-blocked", "name", "pk")
    )


def pay_teacher_get_for_user(*, user: User | AnonymousUser, pk: int) -> Teacher:
    """A teacher whose pay profile the user keeps: the finance office of the district of the
    teacher's main school. 403 for any other role, 404 for another district's teacher (its
    existence is not revealed)."""
    district = finance_district(user)
    if district is None:
        raise PermissionDenied
    found = (
        Teacher.objects.filter(_main_school_in(district), pk=pk)
        .select_related("pay_profile", "pay_profile__updated_by")
        .first()
    )
    if found is None:
        raise Http404
    return found


def pay_profile_history(*, teacher: Teacher) -> list[PayProfileVersion]:
    """The ranks the teacher's pay profile held before a later one took effect, newest first
    (one query; for the page of the finance office that keeps the profile)."""
    return list(
        PayProfileVersion.objects.filter(teacher=teacher)
        .select_related("recorded_by")
        .order_by("-effective_until")
    )


def district_teachers_by_nuptk(*, district_id: int, nuptks: Iterable[str]) -> dict[str, int]:
    """The ids of the district's teachers (main school in it) by NUPTK, of those given."""
    wanted = sorted(set(nuptks))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), 5000):
        found.update(
            Teacher.objects.filter(
                _main_school_in(district_id), nuptk__in=wanted[start : start + 5000]
            ).values_list("nuptk", "pk")
        )
    return found
