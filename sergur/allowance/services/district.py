"""The district committee keeps the linearity table and records the minister's written
approvals of its teachers (docs/allowance.md, "Linearity" and "The minister's approval")."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.allowance.models import Linearity, MinisterApproval
from sergur.allowance.selectors import district_teachers_for
from sergur.common.audit import audit_record
from sergur.registry.models import Subject, Teacher

LINEARITY_CHANGED = "allowance.linearity_changed"
APPROVAL_RECORDED = "allowance.approval_recorded"
NOT_COMMITTEE = _("Only the district committee changes this.")
SAME_SUBJECT = _("A subject is always in line with itself; choose another subject.")
NOT_IN_DISTRICT = _("This teacher's main school is not in your district.")


def _check_committee(actor: User) -> None:
    if actor.role != User.Role.DISTRICT_COMMITTEE or actor.district_id is None:
        raise ValidationError(NOT_COMMITTEE, code="forbidden")


@transaction.atomic
def linearity_add(
    *,
    certified: Subject,
    taught: Subject,
    note: str,
    actor: User,
    now: dt.datetime | None = None,
) -> Linearity:
    """Let teachers certified in `certified` count hours taught in `taught` (idempotent)."""
    _check_committee(actor)
    if certified.pk == taught.pk:
        raise ValidationError({"taught": SAME_SUBJECT}, code="same")
    entry, created = Linearity.objects.get_or_create(
        certified=certified,
        taught=taught,
        defaults={"note": note.strip(), "updated_at": now or timezone.now(), "updated_by": actor},
    )
    if created:
        audit_record(
            action=LINEARITY_CHANGED,
            user=actor,
            object_kind="linearity",
            object_id=entry.pk,
            detail={"certified": certified.code, "taught": taught.code},
        )
    return entry


@transaction.atomic
def linearity_remove(*, entry: Linearity, actor: User) -> None:
    """Remove a line of the linearity table."""
    _check_committee(actor)
    audit_record(
        action=LINEARITY_CHANGED,
        user=actor,
        object_kind="linearity",
        object_id=entry.pk,
        detail={"certified": entry.certified.code, "taught": entry.taught.code, "deleted": 1},
    )
    entry.delete()


@transaction.atomic
def approval_record(
    *,
    teacher: Teacher,
    letter_number: str,
    letter_date: dt.date,
    official: str,
    first_semester: str,
    last_semester: str,
    reason: str,
    actor: User,
    now: dt.datetime | None = None,
) -> MinisterApproval:
    """Record the minister's (or a designated official's) written approval of a teacher of
    the district (Permendiknas 18/2007 art. 6(4), seed 003's FAQ 8)."""
    _check_committee(actor)
    if not district_teachers_for(actor).filter(pk=teacher.pk).exists():
        raise ValidationError({"teacher": NOT_IN_DISTRICT}, code="district")
    approval = MinisterApproval(
        teacher=teacher,
        letter_number=letter_number.strip(),
        letter_date=letter_date,
        official=official.strip(),
        first_semester=first_semester.strip(),
        last_semester=last_semester.strip(),
        reason=reason.strip(),
        recorded_at=now or timezone.now(),
        recorded_by=actor,
    )
    approval.full_clean()
    approval.save()
    audit_record(
        action=APPROVAL_RECORDED,
        user=actor,
        object_kind="approval",
        object_id=approval.pk,
        district_id=actor.district_id,
        detail={"teacher": teacher.pk, "from": approval.first_semester},
    )
    return approval
