"""A teacher who passed the PLPG is certified like one with a published L (docs/certificates.md,
"Adding PLPG passed"); one returned to the district after the PLPG is not. The PLPG is run
through its own services, the certificate through the per-case service and the bulk job."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from sergur.cases.models import Case
from sergur.certificates.models import Certificate, Nrg
from sergur.certificates.selectors import certificate_candidates
from sergur.certificates.services import certificate_issue, issue_job_run, issue_job_start
from sergur.certificates.tests.support import NOW
from sergur.plpg.models import Participant
from sergur.plpg.services import attendance_record, plpg_score_enter
from sergur.plpg.tests.support import World, peer_teach, world
from sergur.rules.certificates import nrg_problems

pytestmark = pytest.mark.django_db


def first_round(w: World, participant: Participant) -> None:
    """Every entered part of the first round scored 80: a pass, when admitted."""
    for part in ("HW", "SP", "SS", "SUT"):
        plpg_score_enter(
            participant=participant, part=part, score=Decimal(80), actor=w.teacher.user
        )


@pytest.fixture
def sri_passed_budi_returned(cast: Any) -> World:
    w = world(cast)
    for session in w.sessions:  # Budi attends nothing: not admitted to the exams
        attendance_record(session=session, present={w.sri.pk}, actor=w.teacher.user)
    peer_teach(w, w.sri)
    first_round(w, w.sri)
    peer_teach(w, w.budi)
    first_round(w, w.budi)
    cast.sri_case.refresh_from_db()
    cast.budi_case.refresh_from_db()
    assert cast.sri_case.state == Case.State.PLPG_PASSED
    assert cast.budi_case.state == Case.State.PLPG_RETURNED
    return w


def test_a_case_that_passed_the_plpg_gets_a_certificate_and_an_nrg(
    cast: Any, sri_passed_budi_returned: World
) -> None:
    certificate = certificate_issue(actor=cast.rayon_admin, case=cast.sri_case, now=NOW)

    assert certificate.case_id == cast.sri_case.pk
    assert certificate.status == Certificate.Status.ACTIVE
    assert nrg_problems(certificate.nrg.number, length=12) == ()
    assert Nrg.objects.get(teacher=cast.sri_case.teacher) == certificate.nrg


def test_a_case_returned_after_the_plpg_is_refused_and_no_candidate(
    cast: Any, sri_passed_budi_returned: World
) -> None:
    candidates = certificate_candidates(
        programme_year=cast.sri_case.programme_year, rayon=cast.rayon_admin.rayon
    )

    assert list(candidates.values_list("pk", flat=True)) == [cast.sri_case.pk]
    with pytest.raises(ValidationError):
        certificate_issue(actor=cast.rayon_admin, case=cast.budi_case, now=NOW)
    assert not Certificate.objects.filter(case=cast.budi_case).exists()
    assert not Nrg.objects.filter(teacher=cast.budi_case.teacher).exists()


@pytest.mark.parametrize("fast", [True, False])
def test_the_bulk_job_certifies_the_plpg_pass_and_not_the_return(
    cast: Any, sri_passed_budi_returned: World, fast: bool
) -> None:
    job = issue_job_start(
        actor=cast.rayon_admin,
        programme_year=cast.sri_case.programme_year,
        rayon=cast.rayon_admin.rayon,
    )

    done = issue_job_run(job=job, now=NOW, chunk=1, fast=fast)

    assert (done.state, done.issued) == ("done", 1)
    assert list(Certificate.objects.values_list("case_id", flat=True)) == [cast.sri_case.pk]
