"""Issuing the educator certificate and the NRG (issue 12 items 5-6, docs/certificates.md)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_event_record
from sergur.certificates.models import Certificate, Nrg
from sergur.certificates.selectors import case_rayon, certificate_facts, nrg_pending
from sergur.certificates.services.build import certificate_build, nrg_build
from sergur.common.i18n import rules_lang
from sergur.registry.models import ProgrammeYear, Teacher
from sergur.rules.certificates import (
    CertificateParams,
    certificate_eligibility,
    certificate_params,
)

NO_RAYON = _("No rayon serves the province of this teacher's main school.")


def _params(year: int) -> CertificateParams:
    return certificate_params(year, tuple(settings.SERGUR_YEARS_DIRS))


def lock_year(year: int) -> None:
    """One writer of NRGs and certificate numbers at a time per programme year: the serials
    are the highest plus one, so issuing waits for the programme year's row."""
    list(ProgrammeYear.objects.select_for_update().filter(year=year).values_list("pk", flat=True))


def _nrg_create(*, teacher: Teacher, actor: User, now: dt.datetime, year: int) -> Nrg:
    """The next NRG of `year` for a teacher who has none (the year locked)."""
    params = _params(year)
    lock_year(year)
    serial = (Nrg.objects.filter(year=year).aggregate(top=Max("serial"))["top"] or 0) + 1
    nrg = nrg_build(
        teacher_id=teacher.pk, year=year, serial=serial, params=params, actor=actor, now=now
    )
    nrg.full_clean()
    nrg.save()
    for case in Case.objects.filter(teacher=teacher).order_by("-programme_year__year")[:1]:
        case_event_record(
            case=case, actor=actor, kind=CaseEvent.Kind.NRG_ISSUED, data={"nrg": nrg.number}
        )
    return nrg


@transaction.atomic
def nrg_issue(*, actor: User, teacher: Teacher, now: dt.datetime, year: int) -> Nrg:
    """The teacher's NRG: the one they have (never reissued), or a new one of `year`."""
    Teacher.objects.select_for_update().filter(pk=teacher.pk).first()
    existing = Nrg.objects.filter(teacher=teacher).first()
    if existing is not None:
        return existing
    return _nrg_create(teacher=teacher, actor=actor, now=now, year=year)


@transaction.atomic
def nrg_issue_bulk(*, actor: User, now: dt.datetime, limit: int = 10_000) -> int:
    """Issue NRGs to the newly certified teachers who lack one (the ministry's page); returns
    how many were issued."""
    issued = 0
    for teacher in nrg_pending()[:limit]:
        # The year of the NRG is the programme year the teacher was certified in.
        year = (
            Case.objects.filter(teacher=teacher)
            .order_by("-programme_year__year")
            .values_list("programme_year__year", flat=True)
            .first()
        )
        if year is not None:
            nrg_issue(actor=actor, teacher=teacher, now=now, year=year)
            issued += 1
    return issued


def _refuse(reasons: list[str], code: str) -> ValidationError:
    return ValidationError(" ".join(reasons), code=code)


@transaction.atomic
def certificate_issue(*, actor: User, case: Case, now: dt.datetime) -> Certificate:
    """Issue the educator certificate of a case that passed (the rule says who), with the
    teacher's NRG (issued now if they have none); idempotent on a double click."""
    case = Case.objects.select_for_update().select_related("teacher__subject").get(pk=case.pk)
    existing = Certificate.objects.filter(case=case).first()
    if existing is not None:
        return existing
    eligibility = certificate_eligibility(certificate_facts(case=case))
    if not eligibility.eligible:
        lang = rules_lang()
        raise _refuse([r.text(lang) for r in eligibility.reasons], "not_eligible")
    rayon = case_rayon(case=case)
    if rayon is None:
        raise ValidationError(NO_RAYON, code="no_rayon")
    year = case.programme_year.year
    params = _params(year)
    teacher = case.teacher
    lock_year(year)
    nrg = nrg_issue(actor=actor, teacher=teacher, now=now, year=year)
    serial = (
        Certificate.objects.filter(rayon=rayon, year=year).aggregate(top=Max("serial"))["top"] or 0
    ) + 1
    top_index = Certificate.objects.aggregate(top=Max("status_index"))["top"]
    certificate = certificate_build(
        case=case,
        year=year,
        rayon=rayon,
        nrg=nrg,
        serial=serial,
        index=0 if top_index is None else top_index + 1,
        params=params,
        actor=actor,
        now=now,
    )
    certificate.full_clean()
    certificate.save()
    Teacher.objects.filter(pk=teacher.pk).update(certified=True)
    case_event_record(
        case=case,
        actor=actor,
        kind=CaseEvent.Kind.CERTIFIED,
        data={"certificate": certificate.number, "subject": teacher.subject.code},
    )
    return certificate
