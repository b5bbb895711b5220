"""Suspending, revoking and reinstating a certificate (issue 12 item 7): the status table of
the rules core decides, every change is appended with who, when and why, and the case log
records it. The status list is read from the certificates' status, so it changes with them."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from sergur.accounts.models import User
from sergur.cases.models import CaseEvent
from sergur.cases.services import case_event_record
from sergur.certificates.models import Certificate, StatusChange
from sergur.certificates.selectors import may_change_status
from sergur.common.i18n import rules_lang
from sergur.rules.certificates import Status, status_change_check


@transaction.atomic
def certificate_status_change(
    *, actor: User, certificate: Certificate, status: str, reason: str, now: dt.datetime
) -> Certificate:
    """Move a certificate to `status` with `reason` (refused with the table's reasons)."""
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    role = "ministry" if actor.is_superuser else actor.role
    if not may_change_status(actor, certificate):
        role = ""  # the table refuses it with its own sentence
    check = status_change_check(
        current=Status(certificate.status), target=Status(status), actor=role, reason=reason
    )
    if not check.allowed:
        lang = rules_lang()
        raise ValidationError(" ".join(r.text(lang) for r in check.reasons), code="status")
    change = StatusChange(
        certificate=certificate,
        at=now,
        actor=actor,
        from_status=certificate.status,
        to_status=status,
        reason=reason.strip(),
    )
    change.full_clean()
    change.save()
    certificate.status = status
    certificate.status_changed_at = now
    certificate.status_reason = reason.strip()
    certificate.full_clean()
    certificate.save(update_fields=["status", "status_changed_at", "status_reason"])
    case_event_record(
        case=certificate.case,
        actor=actor,
        kind=CaseEvent.Kind.CERTIFICATE_STATUS,
        reason=reason.strip(),
        data={"certificate": certificate.number, "from": change.from_status, "to": status},
    )
    return certificate
