"""The teacher's activities with their evidence, and their verification: the rules core
gives each its credit (docs/pkb.md; docs/sources/domain.md §7.4)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.common.audit import Action, audit_record
from sergur.development.models import Activity, Plan
from sergur.development.selectors import year_params
from sergur.development.signals import activity_stepped
from sergur.kkg.models import Output, Package
from sergur.kkg.selectors import member_packages
from sergur.kkg.services import stored_upload
from sergur.registry.models import Teacher
from sergur.rules.development import ASSESSED, ELEMENT_OF, Kind, activity_credit

NOT_YOUR_PLAN = _("Choose one of your own plans.")
NOT_YOUR_PACKAGE = _("Choose a package of a working group you are a member of.")
PACKAGE_NOT_EARNED = _("The package earns no credit yet: %(reasons)s")
PACKAGE_TWICE = _("This package is already one of your activities.")
NO_EVIDENCE = _("Attach the evidence: a file, or an output of the KKG/MGMP package.")
NO_HOURS = _("Give the training's hours.")
UNKNOWN_COLLECTIVE = _("Choose one of the collective activities of the year's rules.")
NEED_CREDIT = _("Give the credit this work is assessed at.")
NOT_WAITING = _("This activity has already been verified or rejected.")
NEED_NOTE = _("Say why the activity is rejected.")
NOT_OF_PACKAGE = _("Choose an output of the package.")


def _audit(actor: User, activity: Activity, what: str) -> None:
    audit_record(
        action=Action.PKB_CHANGED,
        user=actor,
        object_kind="pkb_activity",
        object_id=activity.pk,
        detail={"what": what, "kind": activity.kind, "state": activity.state},
    )


def _check_kind(*, kind: Kind, done_on: dt.date, hours: int, collective_key: str) -> None:
    dev, _kkg = year_params(done_on.year)
    if kind is Kind.TRAINING and hours <= 0:
        raise ValidationError(NO_HOURS, code="hours")
    if kind is Kind.COLLECTIVE and collective_key not in {c.key for c in dev.collective}:
        raise ValidationError(UNKNOWN_COLLECTIVE, code="collective")


def _check_package(teacher: Teacher, package: Package, output: Output | None) -> None:
    mine = [m for m in member_packages(teacher=teacher) if m.package.pk == package.pk]
    if not mine:
        raise ValidationError(NOT_YOUR_PACKAGE, code="package")
    verdict = mine[0].verdict
    if not verdict.earned:
        from sergur.common.i18n import rules_lang

        reasons = " ".join(r.text(rules_lang()) for r in verdict.reasons)
        raise ValidationError(PACKAGE_NOT_EARNED, code="not_earned", params={"reasons": reasons})
    if output is not None and output.package_id != package.pk:
        raise ValidationError(NOT_OF_PACKAGE, code="output")


@transaction.atomic
def activity_record(
    *,
    actor: User,
    teacher: Teacher,
    kind: Kind,
    title: str,
    done_on: dt.date,
    hours: int = 0,
    collective_key: str = "",
    claimed: Decimal | None = None,
    plan: Plan | None = None,
    kkg_package: Package | None = None,
    kkg_output: Output | None = None,
    upload: UploadedFile[Any] | None = None,
) -> Activity:
    """Record an activity for verification, with a file (checked by content and size) or, for
    a KKG/MGMP package, an output of the package as its evidence."""
    if plan is not None and plan.teacher_id != teacher.pk:
        raise ValidationError(NOT_YOUR_PLAN, code="plan")
    _check_kind(kind=kind, done_on=done_on, hours=hours, collective_key=collective_key)
    if kind is Kind.KKG_PACKAGE:
        if kkg_package is None:
            raise ValidationError(NOT_YOUR_PACKAGE, code="package")
        _check_package(teacher, kkg_package, kkg_output)
    if upload is None and kkg_output is None and not (kkg_package and kkg_package.report):
        raise ValidationError(NO_EVIDENCE, code="evidence")
    if kind in ASSESSED and claimed is None:
        raise ValidationError(NEED_CREDIT, code="credit")
    activity = Activity(
        teacher=teacher,
        plan=plan,
        kind=kind.value,
        title=title.strip(),
        done_on=done_on,
        hours=hours if kind is Kind.TRAINING else 0,
        collective_key=collective_key if kind is Kind.COLLECTIVE else "",
        claimed=claimed if kind in ASSESSED else None,
        kkg_package=kkg_package if kind is Kind.KKG_PACKAGE else None,
        kkg_output=kkg_output if kind is Kind.KKG_PACKAGE else None,
        element=ELEMENT_OF[kind].value,
    )
    if upload is not None:
        _size, activity.evidence_type = stored_upload(upload)
        activity.evidence.save("evidence", upload, save=False)
    try:
        activity.full_clean()
        with transaction.atomic():
            activity.save()
    except (ValidationError, IntegrityError) as error:
        if activity.evidence:
            activity.evidence.delete(save=False)
        if isinstance(error, IntegrityError) or "__all__" in getattr(error, "error_dict", {}):
            raise ValidationError(PACKAGE_TWICE, code="twice") from error
        raise
    _audit(actor, activity, "recorded")
    activity_stepped.send(sender=Activity, activity=activity, step=activity.state, actor=actor)
    return activity


@transaction.atomic
def activity_verify(
    *,
    actor: User,
    activity: Activity,
    accept: bool,
    now: dt.datetime,
    assessed: Decimal | None = None,
    note: str = "",
) -> Activity:
    """Accept an activity, its credit given by the rules core (the assessed value for a
    publication, innovative work or presentation), or reject it with the reason."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.state != Activity.State.SUBMITTED:
        raise ValidationError(NOT_WAITING, code="not_waiting")
    if not accept:
        if not note.strip():
            raise ValidationError(NEED_NOTE, code="note")
        activity.state = Activity.State.REJECTED
        activity.credit = Decimal(0)
    else:
        kind = Kind(activity.kind)
        value = assessed if assessed is not None else activity.claimed
        if kind in ASSESSED and value is None:
            raise ValidationError(NEED_CREDIT, code="credit")
        dev, kkg = year_params(activity.done_on.year)
        result = activity_credit(
            kind,
            dev=dev,
            kkg=kkg,
            hours=activity.hours,
            key=activity.collective_key,
            assessed=value,
        )
        activity.state = Activity.State.VERIFIED
        activity.credit = result.credit
    activity.note = note.strip()
    activity.verified_by = actor
    activity.verified_at = now
    activity.save(update_fields=["state", "credit", "note", "verified_by", "verified_at"])
    _audit(actor, activity, "verified" if accept else "rejected")
    activity_stepped.send(sender=Activity, activity=activity, step=activity.state, actor=actor)
    return activity
