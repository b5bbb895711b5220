"""The one place an educator certificate and an NRG are put together from a case: the
single issuance (`issue.py`) and the bulk job's chunks (`bulk.py`) both call these, and each
saves the result its own way (one row with `full_clean`, or in bulk)."""

from __future__ import annotations

import datetime as dt

from sergur.accounts.models import User
from sergur.cases.models import Case
from sergur.certificates.models import Certificate, Nrg
from sergur.common.pdf import local
from sergur.common.signing import sign
from sergur.registry.models import Rayon
from sergur.rules.certificates import (
    CertificateParams,
    certificate_number,
    nrg_make,
    qr_payload,
)

SIGNATORY = "Rektor {institution}"
"""Who signs: the rector of the rayon university (product default, docs/certificates.md)."""


def nrg_build(
    *,
    teacher_id: int,
    year: int,
    serial: int,
    params: CertificateParams,
    actor: User,
    now: dt.datetime,
) -> Nrg:
    """The unsaved NRG number `serial` of `year` for a teacher."""
    return Nrg(
        teacher_id=teacher_id,
        number=nrg_make(year=year, serial=serial, length=params.nrg_digits),
        year=year,
        serial=serial,
        issued_at=now,
        issued_by=actor,
    )


def certificate_build(
    *,
    case: Case,
    year: int,
    rayon: Rayon,
    nrg: Nrg,
    serial: int,
    index: int,
    params: CertificateParams,
    actor: User,
    now: dt.datetime,
) -> Certificate:
    """The unsaved certificate of a case of programme year `year` (its teacher and subject
    loaded): the number of `serial` at the rayon, the fields as of now, and the signed code of
    the QR (with its status list `index`)."""
    teacher = case.teacher
    number = certificate_number(rayon=rayon.code, year=year, serial=serial)
    issued_on = local(now).date()
    code = sign(
        qr_payload(
            number=number,
            subject=teacher.subject.code,
            rayon=rayon.code,
            issued_on=issued_on,
            index=index,
        )
    )
    return Certificate(
        number=number,
        rayon=rayon,
        year=year,
        serial=serial,
        case=case,
        teacher=teacher,
        nrg=nrg,
        holder_name=teacher.name,
        birth_place=teacher.birth_place,
        birth_date=teacher.birth_date,
        nuptk=teacher.nuptk,
        participant_number=case.participant_number,
        subject_code=teacher.subject.code,
        subject_name=teacher.subject.name,
        institution=rayon.institution,
        issued_on=issued_on,
        issued_at=now,
        issued_by=actor,
        signatory=SIGNATORY.format(institution=rayon.institution),
        legal_basis=params.legal_basis,
        code=code,
        status_index=index,
    )
