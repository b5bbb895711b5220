"""The job's chunk path issues exactly what the per-case service issues."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from sergur.cases.models import CaseEvent
from sergur.certificates.models import Certificate, IssueJob, Nrg
from sergur.certificates.services import issue_job_run, issue_job_start
from sergur.certificates.tests.support import NOW, passed
from sergur.common.models import AuditRecord
from sergur.notifications.models import Kind, Notification
from sergur.registry.models import Teacher

pytestmark = pytest.mark.django_db


def snapshot() -> list[tuple[Any, ...]]:
    return [
        (
            c.case_id,
            c.number,
            c.nrg.number,
            c.subject_code,
            c.status_index,
            c.holder_name,
            c.nuptk,
            c.legal_basis,
            c.signatory,
            c.code,
            c.issued_on,
        )
        for c in Certificate.objects.select_related("nrg").order_by("case_id")
    ]


def events() -> list[tuple[int, str]]:
    kinds = (CaseEvent.Kind.CERTIFIED, CaseEvent.Kind.NRG_ISSUED)
    return sorted(CaseEvent.objects.filter(kind__in=kinds).values_list("case_id", "kind"))


def run(cast: Any, *, fast: bool, rayon: bool) -> IssueJob:
    job = issue_job_start(
        actor=cast.rayon_admin,
        programme_year=cast.sri_case.programme_year,
        rayon=cast.rayon_admin.rayon if rayon else None,
    )
    return issue_job_run(job=job, now=NOW, chunk=1, fast=fast)


def reset() -> None:
    CaseEvent.objects.filter(
        kind__in=(CaseEvent.Kind.CERTIFIED, CaseEvent.Kind.NRG_ISSUED)
    ).delete()
    Certificate.objects.all().delete()
    Nrg.objects.all().delete()
    Teacher.objects.update(certified=False)


@pytest.mark.parametrize("rayon", [True, False])
def test_the_chunk_path_issues_what_the_service_issues(cast: Any, rayon: bool) -> None:
    passed(cast.sri_case)
    passed(cast.budi_case)
    fast = run(cast, fast=True, rayon=rayon)
    issued, logged = snapshot(), events()
    assert (fast.state, fast.issued, fast.done) == ("done", 2, 2)
    assert len(issued) == 2 and len(logged) == 4
    reset()
    slow = run(cast, fast=False, rayon=rayon)
    assert (slow.state, slow.issued) == ("done", 2)
    assert snapshot() == issued
    assert events() == logged
    assert Teacher.objects.filter(certified=True).count() == 2


def test_a_teacher_with_an_nrg_keeps_it_in_the_chunk_path(cast: Any) -> None:
    from sergur.certificates.services import nrg_issue

    passed(cast.sri_case)
    nrg = nrg_issue(actor=cast.rayon_admin, teacher=cast.sri_case.teacher, now=NOW, year=2007)
    run(cast, fast=True, rayon=True)
    assert Certificate.objects.get().nrg_id == nrg.pk
    assert (
        not CaseEvent.objects.filter(kind=CaseEvent.Kind.NRG_ISSUED)
        .exclude(data__nrg=nrg.number)
        .exists()
    )


def audited() -> list[tuple[str, str]]:
    kinds = {CaseEvent.Kind.CERTIFIED, CaseEvent.Kind.NRG_ISSUED}
    return sorted(
        (record.object_id, record.detail["kind"])
        for record in AuditRecord.objects.filter(action="case.event")
        if record.detail.get("kind") in kinds
    )


def test_the_chunk_path_audits_and_notifies_like_the_service(
    cast: Any, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    passed(cast.sri_case)
    passed(cast.budi_case)
    with django_capture_on_commit_callbacks(execute=True):
        run(cast, fast=True, rayon=True)

    assert audited() == sorted((str(case), kind) for case, kind in events())
    told = Notification.objects.filter(kind=Kind.CERTIFIED).values_list("recipient", flat=True)
    assert sorted(told) == sorted([cast.sri.pk, cast.budi.pk])
