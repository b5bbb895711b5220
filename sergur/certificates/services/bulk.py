"""The bulk issuance of one chunk of cases in a few queries (the job's path): the same rule,
numbers and records as `certificate_issue`, each certificate and NRG put together by the same
`certificate_build` and `nrg_build` (`build.py`), written with bulk inserts.
tests/test_bulk.py proves it issues what the per-case service issues."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.db.models import Max

from sergur.accounts.models import User
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_events_record
from sergur.certificates.models import Certificate, Nrg
from sergur.certificates.selectors import (
    candidate_facts,
    certificate_candidates,
    rayons_of_teachers,
)
from sergur.certificates.services.build import certificate_build, nrg_build
from sergur.certificates.services.issue import lock_year
from sergur.registry.models import ProgrammeYear, Rayon, Teacher
from sergur.rules.certificates import certificate_eligibility, certificate_params


def _next(queryset_max: int | None) -> int:
    return (queryset_max or 0) + 1


def chunk_issue(
    *,
    actor: User,
    programme_year: ProgrammeYear,
    rayon: Rayon | None,
    case_ids: list[int],
    now: dt.datetime,
) -> tuple[int, list[int]]:
    """Issue the certificates (and missing NRGs) of a chunk of cases, inside the caller's
    transaction; returns how many were issued and the ids the rule refused."""
    year = programme_year.year
    params = certificate_params(year, tuple(settings.SERGUR_YEARS_DIRS))
    lock_year(year)
    cases = list(
        certificate_candidates(programme_year=programme_year, rayon=rayon)
        .filter(pk__in=case_ids)
        .select_related("teacher__subject")
        .order_by("pk")
    )
    teacher_ids = [case.teacher_id for case in cases]
    held: dict[int, set[str]] = defaultdict(set)
    for teacher_id, subject in Certificate.objects.filter(teacher__in=teacher_ids).values_list(
        "teacher_id", "subject_code"
    ):
        held[teacher_id].add(subject)
    nrgs = {nrg.teacher_id: nrg for nrg in Nrg.objects.filter(teacher__in=teacher_ids)}
    rayons = rayons_of_teachers(teacher_ids) if rayon is None else {}
    refused = sorted(set(case_ids) - {case.pk for case in cases})
    issuing: list[tuple[Case, Rayon]] = []
    for case in cases:
        facts = candidate_facts(case=case, certified_subjects=frozenset(held[case.teacher_id]))
        serving = rayon or rayons.get(case.teacher_id)
        if not certificate_eligibility(facts).eligible or serving is None:
            refused.append(case.pk)
            continue
        held[case.teacher_id].add(case.teacher.subject.code)
        issuing.append((case, serving))
    if not issuing:
        return 0, refused
    new_nrgs: list[Nrg] = []
    nrg_serial = _next(Nrg.objects.filter(year=year).aggregate(top=Max("serial"))["top"])
    for case, _ in issuing:
        if case.teacher_id not in nrgs:
            nrg = nrg_build(
                teacher_id=case.teacher_id,
                year=year,
                serial=nrg_serial,
                params=params,
                actor=actor,
                now=now,
            )
            nrg.clean_fields(exclude=["teacher"])
            nrgs[case.teacher_id] = nrg
            new_nrgs.append(nrg)
            nrg_serial += 1
    Nrg.objects.bulk_create(new_nrgs)
    serials = {
        rayon_id: top
        for rayon_id, top in Certificate.objects.filter(year=year)
        .values_list("rayon_id")
        .annotate(top=Max("serial"))
    }
    top_index = Certificate.objects.aggregate(top=Max("status_index"))["top"]
    index = 0 if top_index is None else top_index + 1
    certificates: list[Certificate] = []
    for case, serving in issuing:
        serials[serving.pk] = _next(serials.get(serving.pk))
        certificate = certificate_build(
            case=case,
            year=year,
            rayon=serving,
            nrg=nrgs[case.teacher_id],
            serial=serials[serving.pk],
            index=index,
            params=params,
            actor=actor,
            now=now,
        )
        # Field checks without a query per row; uniqueness is the database's constraints'.
        certificate.clean_fields()
        certificates.append(certificate)
        index += 1
    Certificate.objects.bulk_create(certificates)
    Teacher.objects.filter(pk__in=[c.teacher_id for c in certificates]).update(certified=True)
    new_nrg_teachers = {nrg.teacher_id: nrg for nrg in new_nrgs}
    events = [
        CaseEvent(
            case=c.case,
            actor=actor,
            kind=CaseEvent.Kind.CERTIFIED,
            data={"certificate": c.number, "subject": c.subject_code},
        )
        for c in certificates
    ] + [
        CaseEvent(
            case=c.case, actor=actor, kind=CaseEvent.Kind.NRG_ISSUED, data={"nrg": c.nrg.number}
        )
        for c in certificates
        if c.teacher_id in new_nrg_teachers
    ]
    # The case log's one writer: each event also gets its audit record and its message.
    case_events_record(events=events)
    return len(certificates), refused
