"""What sergur holds about a teacher, read for their own copy (UU 27/2022; docs/privacy.md,
"Your own copy").

Every model that refers to a teacher or a case is either a section of the copy, with every
field it holds (or the reason a field is left out), or listed in `EXCLUDED` with the reason;
`sergur/privacy/tests/test_coverage.py` walks the models and fails on one that is neither.
Other people appear by their role only ("district committee"), never by name: their names
are their personal data, and the assessors' are hidden from the teacher by the blind
assessment.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.admin.models import LogEntry
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_stubs_ext import StrOrPromise

from sergur.accounts.models import User
from sergur.allowance.models import OpenHours
from sergur.appeals.models import Appeal
from sergur.assessments.models import (
    Allocation,
    Assessor,
    ClarificationResponse,
    Correction,
    DeclaredRelation,
    FindingCorrection,
    Reconciliation,
    Result,
    Sheet,
)
from sergur.cases.models import SEALED_KINDS, Case, CaseEvent
from sergur.notifications.models import Notification, Preference
from sergur.plpg.models import Instructor
from sergur.portfolios.models import Entry, EnvelopeInstrument, Evidence, Submission
from sergur.privacy.selectors.allowance import ALLOWANCE_SECTIONS
from sergur.privacy.selectors.appraisal import APPRAISAL_SECTIONS
from sergur.privacy.selectors.development import DEVELOPMENT_EXCLUDED, DEVELOPMENT_SECTIONS
from sergur.privacy.selectors.payments import PAYMENTS_SECTIONS
from sergur.privacy.selectors.section import Section
from sergur.privacy.selectors.training import TRAINING_EXCLUDED, TRAINING_SECTIONS
from sergur.registry.models import Teacher, TeachingAssignment
from sergur.selection.models import SelectionEntry
from sergur.transfers.models import Transfer, TransferStep
from sergur.verification.models import DocumentVerdict, StageReview

BLIND = _(
    "Who assesses a portfolio stays hidden from the teacher (blind assessment); the result "
    "and its reasons are in the copy."
)
CLOSED_ENVELOPE = _(
    "The principal's and supervisor's item scores are a closed-envelope assessment; the "
    "copy shows who confirmed it and when, and the result shows its effect."
)
ACCOUNT_SECTION = _("The account is its own section of the copy.")
PASSWORD = _("A secret: only a one-way hash of the password is stored, never shown.")
SEALED = _(
    "The rayon's own steps towards a decision keep their codes and reasons to the rayon, as "
    "on the case page; the published decision is in the results."
)

EXCLUDED: Mapping[type[models.Model], StrOrPromise] = {
    DeclaredRelation: _(
        "An assessor's own declaration of a relationship, so that they never assess the "
        "teacher; showing it would name the assessor."
    ),
    Allocation: BLIND,
    Sheet: BLIND,
    Reconciliation: BLIND,
    Correction: BLIND,
    FindingCorrection: BLIND,
    OpenHours: _(
        "A school's class hours that no teacher teaches: the school's timetable, not the "
        "teacher's; the hours given to the teacher are in their teaching load."
    ),
    **TRAINING_EXCLUDED,
    **DEVELOPMENT_EXCLUDED,
}
"""Models that refer to a teacher or a case but are not in the teacher's copy, and why."""


SECTIONS: tuple[Section, ...] = (
    Section(
        "teacher",
        _("Master data"),
        Teacher,
        lambda t: Teacher.objects.filter(pk=t.pk),
        {"user": ACCOUNT_SECTION},
    ),
    Section(
        "teaching_assignments",
        _("Schools and teaching hours"),
        TeachingAssignment,
        lambda t: TeachingAssignment.objects.filter(teacher=t),
    ),
    Section("selection", _("Selection"), SelectionEntry, lambda t: t.selections.all()),
    Section("transfers", _("Transfers"), Transfer, lambda t: t.transfers.all()),
    Section(
        "transfer_steps", _("Transfer history"), TransferStep, lambda t: t.transfer_steps.all()
    ),
    Section("cases", _("Cases"), Case, lambda t: t.cases.all()),
    Section(
        "case_events",
        _("Case log"),
        CaseEvent,
        lambda t: CaseEvent.objects.filter(case__teacher=t),
        seal=lambda event: event.kind in SEALED_KINDS,
    ),
    Section(
        "portfolio_entries",
        _("Portfolio entries"),
        Entry,
        lambda t: Entry.objects.filter(case__teacher=t),
    ),
    Section(
        "evidence",
        _("Evidence files"),
        Evidence,
        lambda t: Evidence.objects.filter(case__teacher=t),
    ),
    Section(
        "envelope",
        _("Closed-envelope instruments"),
        EnvelopeInstrument,
        lambda t: EnvelopeInstrument.objects.filter(case__teacher=t),
        {"observation_items": CLOSED_ENVELOPE, "superior_items": CLOSED_ENVELOPE},
    ),
    Section(
        "submissions",
        _("Submissions"),
        Submission,
        lambda t: Submission.objects.filter(case__teacher=t),
    ),
    Section(
        "document_verdicts",
        _("Verification findings by document"),
        DocumentVerdict,
        lambda t: DocumentVerdict.objects.filter(case__teacher=t),
    ),
    Section(
        "stage_reviews",
        _("Verification stages"),
        StageReview,
        lambda t: StageReview.objects.filter(case__teacher=t),
    ),
    Section(
        "results",
        _("Assessment results and decisions (published)"),
        Result,
        # A decision not yet published is not yet the teacher's to see.
        lambda t: Result.objects.filter(case__teacher=t, published_at__isnull=False),
    ),
    Section(
        "clarifications",
        _("Clarifications"),
        ClarificationResponse,
        lambda t: ClarificationResponse.objects.filter(case__teacher=t),
    ),
    Section(
        "appeals",
        _("Appeals"),
        Appeal,
        lambda t: Appeal.objects.filter(case__teacher=t),
        {"reviewer": BLIND},
    ),
    Section(
        "notifications",
        _("Messages"),
        Notification,
        # The teacher's own messages: about their case, or about another subject (a PKG).
        lambda t: Notification.objects.filter(recipient_id=t.user_id).filter(
            models.Q(case__teacher=t) | models.Q(case__isnull=True)
        ),
    ),
    Section(
        "notification_preferences",
        _("Message choices"),
        Preference,
        lambda t: Preference.objects.filter(user__teacher=t),
    ),
    *TRAINING_SECTIONS,
    *DEVELOPMENT_SECTIONS,
    *APPRAISAL_SECTIONS,
    *ALLOWANCE_SECTIONS,
    *PAYMENTS_SECTIONS,
)

ACCOUNT_FIELDS = (
    "username",
    "first_name",
    "last_name",
    "email",
    "role",
    "is_active",
    "date_joined",
    "last_login",
)
ACCOUNT_OMIT: Mapping[str, StrOrPromise] = {"password": PASSWORD}


OWNED_BY_ACCOUNT: Mapping[type[models.Model], StrOrPromise] = {
    Teacher: _("The master data section."),
    TOTPDevice: _("The account section says whether a second factor is set (never its secret)."),
    StaticDevice: _("The account section counts the recovery codes left (never the codes)."),
    Assessor: _("An assessor's register entry: a staff record, which a teacher account has not."),
    LogEntry: _("The admin site's record of an operator's changes: staff accounts only."),
    Preference: _("The message choices section."),
    Instructor: _(
        "A PLPG instructor's register entry: a staff record, which a teacher account has not."
    ),
}
"""Models that belong to an account (a `user` field), and where the copy has them."""


@dataclass(frozen=True, slots=True)
class FileRef:
    """A stored file that goes into the copy, and its name there."""

    path: str
    field: FieldFile


@dataclass
class TeacherData:
    """Everything the copy holds: sections of rows (plain JSON values), the files, and the
    fields and models left out with their reasons."""

    generated_at: dt.datetime
    sections: dict[str, list[dict[str, Any]]]
    titles: dict[str, StrOrPromise]
    labels: dict[str, dict[str, StrOrPromise]]
    files: list[FileRef]
    left_out: list[dict[str, str]]


def teacher_get_for_user(*, user: User) -> Teacher:
    """The teacher record of the signed-in teacher; 404 for anyone else (the copy is only
    ever the person's own: there is no route to another teacher's)."""
    if user.role != User.Role.TEACHER:
        raise Http404
    teacher = Teacher.objects.filter(user=user).first()
    if teacher is None:
        raise Http404
    return teacher


class _People:
    """Other people by role, the teacher as "you"; other records by their label, each read
    once however many rows refer to it."""

    def __init__(self, teacher: Teacher) -> None:
        self.own = teacher.user_id
        self.roles: dict[int, str] = {}
        self.labels: dict[tuple[Any, Any], str] = {}

    def label(self, obj: models.Model, model_field: models.Field[Any, Any], pk: Any) -> str:
        key = (model_field.related_model, pk)
        if key not in self.labels:
            self.labels[key] = str(getattr(obj, model_field.name))
        return self.labels[key]

    def describe(self, pk: int) -> str:
        if pk == self.own:
            return str(_("you"))
        if pk not in self.roles:
            user = User.objects.filter(pk=pk).only("role", "is_superuser").first()
            role = user.get_role_display() if user and user.role else _("operator")
            self.roles[pk] = str(role)
        return self.roles[pk]


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _file_path(section: Section, obj: models.Model, name: str, stored: FieldFile) -> str:
    content_type = next(
        (getattr(obj, key) for key in ("content_type", "evidence_type") if getattr(obj, key, "")),
        "",
    )
    extension = mimetypes.guess_extension(str(content_type)) or ""
    return f"files/{section.key}/{obj.pk}-{name}{extension}"


def _row(
    section: Section, obj: models.Model, people: _People, files: list[FileRef]
) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for model_field in obj._meta.concrete_fields:
        name = model_field.name
        if name in section.omit:
            continue
        if model_field.is_relation:
            pk = getattr(obj, model_field.attname)
            if pk is None:
                row[name] = None
            elif model_field.related_model is User:
                row[name] = people.describe(pk)
            else:
                row[name] = {"id": pk, "label": people.label(obj, model_field, pk)}
            continue
        value = getattr(obj, model_field.attname)
        if isinstance(model_field, models.FileField):
            stored = getattr(obj, name)
            if stored:
                path = _file_path(section, obj, name, stored)
                files.append(FileRef(path, stored))
                row[name] = path
            else:
                row[name] = None
            continue
        row[name] = _plain(value)
        if model_field.choices and value not in (None, ""):
            row[f"{name}_display"] = str(getattr(obj, f"get_{name}_display")())
    if section.seal is not None and section.seal(obj):
        row.update(reason="", data={}, sealed=str(SEALED))
    return row


def _account(user: User) -> dict[str, Any]:
    row = {name: _plain(getattr(user, name)) for name in ACCOUNT_FIELDS}
    row["two_factor"] = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    row["recovery_codes_left"] = sum(
        device.token_set.count() for device in StaticDevice.objects.filter(user=user)
    )
    return row


def _labels(model: type[models.Model], omit: Mapping[str, StrOrPromise]) -> dict[str, Any]:
    return {f.name: f.verbose_name for f in model._meta.concrete_fields if f.name not in omit}


def _left_out() -> Iterator[dict[str, str]]:
    for section in SECTIONS:
        for name, reason in section.omit.items():
            yield {"what": f"{section.key}.{name}", "why": str(reason)}
    for name, reason in ACCOUNT_OMIT.items():
        yield {"what": f"account.{name}", "why": str(reason)}
    for model, reason in EXCLUDED.items():
        yield {"what": str(model._meta.verbose_name_plural), "why": str(reason)}


def teacher_data_read(*, teacher: Teacher, now: dt.datetime) -> TeacherData:
    """Everything held about `teacher`, section by section (the teacher's own copy)."""
    people = _People(teacher)
    files: list[FileRef] = []
    sections: dict[str, list[dict[str, Any]]] = {}
    titles: dict[str, StrOrPromise] = {}
    labels: dict[str, dict[str, StrOrPromise]] = {}
    if teacher.user is not None:
        sections["account"] = [_account(teacher.user)]
        titles["account"] = _("Account and sign-in")
        labels["account"] = {}
    for section in SECTIONS:
        rows = section.rows(teacher).order_by("pk")
        sections[section.key] = [_row(section, obj, people, files) for obj in rows]
        titles[section.key] = section.title
        labels[section.key] = _labels(section.model, section.omit)
    return TeacherData(now, sections, titles, labels, files, list(_left_out()))
