from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from sergur.appeals.tests.support import published
from sergur.cases.models import CaseEvent
from sergur.cases.services import case_open
from sergur.certificates.models import Certificate, Nrg, StatusChange
from sergur.certificates.services import (
    certificate_issue,
    certificate_status_change,
    nrg_issue,
    nrg_issue_bulk,
)
from sergur.certificates.tests.support import NOW, issued, ministry, passed
from sergur.registry.tests.factories import ProgrammeYearFactory, SubjectFactory
from sergur.rules.certificates import nrg_problems
from sergur.rules.messages import msg

pytestmark = pytest.mark.django_db


def said(code: str) -> str:
    """The rules core's sentence as a service says it (Indonesian, the default language)."""
    return msg(code).text("id")


def test_a_published_l_gets_a_certificate_with_its_nrg_and_both_are_logged(cast: Any) -> None:
    certificate = issued(cast.sri_case, cast)
    assert certificate.number == "900-2007-000001"
    assert certificate.status == Certificate.Status.ACTIVE
    assert nrg_problems(certificate.nrg.number, length=12) == ()
    assert certificate.holder_name == cast.sri_case.teacher.name
    assert "18 Tahun 2007" in certificate.legal_basis
    kinds = set(cast.sri_case.events.values_list("kind", flat=True))
    assert {CaseEvent.Kind.CERTIFIED, CaseEvent.Kind.NRG_ISSUED} <= kinds
    cast.sri_case.teacher.refresh_from_db()
    assert cast.sri_case.teacher.certified


def test_issuing_twice_returns_the_same_certificate(cast: Any) -> None:
    first = issued(cast.sri_case, cast)
    again = certificate_issue(actor=cast.rayon_admin, case=cast.sri_case, now=NOW)
    assert again.pk == first.pk
    assert Certificate.objects.count() == 1


def test_serials_and_status_indices_follow_each_other(cast: Any) -> None:
    first = issued(cast.sri_case, cast)
    second = issued(cast.budi_case, cast)
    assert second.number == "900-2007-000002"
    assert second.status_index == first.status_index + 1
    assert second.nrg.number != first.nrg.number


def test_a_case_that_did_not_pass_is_refused_with_the_reason(cast: Any) -> None:
    published(cast.sri_case, "MS")
    with pytest.raises(ValidationError, match="MS"):
        certificate_issue(actor=cast.rayon_admin, case=cast.sri_case, now=NOW)
    assert not Certificate.objects.exists()


def test_a_second_certificate_in_another_subject_keeps_the_nrg(cast: Any) -> None:
    first = issued(cast.sri_case, cast)
    teacher = cast.sri_case.teacher
    teacher.subject = SubjectFactory(code="156", name="Bahasa Indonesia")
    teacher.save()
    later = ProgrammeYearFactory(year=2012, is_current=False)
    case = case_open(teacher=teacher, programme_year=later, actor=None)
    second = issued(case, cast)
    assert second.nrg_id == first.nrg_id
    assert second.number == "900-2012-000001"
    assert Nrg.objects.count() == 1


def test_an_nrg_is_never_reissued_or_changed(cast: Any) -> None:
    nrg = nrg_issue(actor=ministry(), teacher=cast.sri_case.teacher, now=NOW, year=2007)
    again = nrg_issue(actor=ministry(), teacher=cast.sri_case.teacher, now=NOW, year=2012)
    assert again.pk == nrg.pk
    nrg.number = "000000000000"
    with pytest.raises(ValueError, match="never changed"):
        nrg.save()


def test_the_ministry_issues_nrgs_in_bulk_to_certified_teachers_without_one(cast: Any) -> None:
    passed(cast.sri_case)
    passed(cast.budi_case)
    assert nrg_issue_bulk(actor=ministry(), now=NOW) == 2
    assert nrg_issue_bulk(actor=ministry(), now=NOW) == 0
    assert Nrg.objects.filter(year=2007).count() == 2


def test_the_rayon_revokes_with_a_reason_and_the_change_is_kept(cast: Any) -> None:
    certificate = issued(cast.sri_case, cast)
    certificate_status_change(
        actor=cast.rayon_admin,
        certificate=certificate,
        status="revoked",
        reason="Ijazah palsu",
        now=NOW,
    )
    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    change = StatusChange.objects.get()
    assert (change.actor, change.from_status, change.reason) == (
        cast.rayon_admin,
        "active",
        "Ijazah palsu",
    )
    assert cast.sri_case.events.filter(kind=CaseEvent.Kind.CERTIFICATE_STATUS).exists()
    with pytest.raises(ValidationError, match=said("status.final")):
        certificate_status_change(
            actor=ministry(), certificate=certificate, status="active", reason="x", now=NOW
        )


def test_the_ministry_suspends_and_reinstates(cast: Any) -> None:
    certificate = issued(cast.sri_case, cast)
    officer = ministry()
    for status in ("suspended", "active"):
        certificate_status_change(
            actor=officer, certificate=certificate, status=status, reason="Diperiksa", now=NOW
        )
    assert StatusChange.objects.count() == 2


@pytest.mark.parametrize("who", ["sri", "rayon_other", "dinas"])
def test_only_the_rayon_and_the_ministry_change_a_status(cast: Any, who: str) -> None:
    certificate = issued(cast.sri_case, cast)
    with pytest.raises(ValidationError, match=said("status.role")):
        certificate_status_change(
            actor=getattr(cast, who),
            certificate=certificate,
            status="revoked",
            reason="x",
            now=NOW,
        )
    assert not StatusChange.objects.exists()


def test_a_status_change_without_a_reason_is_refused(cast: Any) -> None:
    certificate = issued(cast.sri_case, cast)
    with pytest.raises(ValidationError, match=said("status.reason_missing")):
        certificate_status_change(
            actor=cast.rayon_admin, certificate=certificate, status="revoked", reason=" ", now=NOW
        )
